"""Input validation for the case pages; messages come back in the user's language."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.core.identity import id_number_problem

from .choices import CaseKind, CaseState, DisputeType, InjuryGrade, Stage
from .offences import offence_choices
from .services import ID_NUMBER_MESSAGES


def _clean_id_number(value: str) -> str:
    value = value.strip().upper()
    if value:
        problem = id_number_problem(value)
        if problem is not None:
            raise forms.ValidationError(ID_NUMBER_MESSAGES[problem])
    return value


def _clean_phone(value: str) -> str:
    value = value.strip().replace(" ", "").replace("-", "")
    if value and not (value.isdigit() and 7 <= len(value) <= 15):
        raise forms.ValidationError(_("联系电话应为7至15位数字。"))
    return value


class DateInput(forms.DateInput):
    input_type = "date"


class CaseRegisterForm(forms.Form):
    kind = forms.ChoiceField(label=_("案件类型"), choices=CaseKind.choices)
    title = forms.CharField(label=_("案由"), max_length=200)
    offence = forms.ChoiceField(label=_("涉嫌罪名"), required=False)
    dispute_type = forms.ChoiceField(
        label=_("纠纷类型"), choices=DisputeType.choices, initial=DisputeType.INJURY
    )
    occurred_on = forms.DateField(label=_("发生日期"), required=False, widget=DateInput)
    place = forms.CharField(label=_("发生地点"), max_length=200, required=False)
    facts = forms.CharField(
        label=_("简要案情"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    civil_dispute_origin = forms.NullBooleanField(
        label=_("是否因民间纠纷引起"),
        required=False,
        widget=forms.Select(
            choices=[("unknown", _("尚未查明")), ("true", _("是")), ("false", _("否"))]
        ),
    )
    victim_name = forms.CharField(label=_("被害人/申请人姓名"), max_length=100)
    victim_id_number = forms.CharField(label=_("被害人身份证号码"), max_length=18, required=False)
    victim_phone = forms.CharField(label=_("被害人联系电话"), max_length=20, required=False)
    suspect_name = forms.CharField(label=_("犯罪嫌疑人/被申请人姓名"), max_length=100)
    suspect_id_number = forms.CharField(
        label=_("犯罪嫌疑人身份证号码"), max_length=18, required=False
    )
    suspect_phone = forms.CharField(label=_("犯罪嫌疑人联系电话"), max_length=20, required=False)
    injury_grade = forms.ChoiceField(
        label=_("伤情鉴定"),
        required=False,
        choices=[("", _("未鉴定/不适用")), *InjuryGrade.choices],
    )

    def __init__(self, *args, language: str = "zh-hans", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offence"].choices = [("", "—"), *offence_choices(language)]

    def clean_victim_id_number(self):
        return _clean_id_number(self.cleaned_data["victim_id_number"])

    def clean_suspect_id_number(self):
        return _clean_id_number(self.cleaned_data["suspect_id_number"])

    def clean_victim_phone(self):
        return _clean_phone(self.cleaned_data["victim_phone"])

    def clean_suspect_phone(self):
        return _clean_phone(self.cleaned_data["suspect_phone"])

    def clean_occurred_on(self):
        value = self.cleaned_data["occurred_on"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("发生日期不能晚于今天。"))
        return value

    def clean(self):
        data = super().clean()
        if data.get("kind") and data["kind"] != CaseKind.CIVIL_DISPUTE and not data.get("offence"):
            self.add_error("offence", _("刑事案件请选择涉嫌罪名。"))
        return data


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("搜索"), required=False)
    stage = forms.ChoiceField(
        label=_("诉讼阶段"), required=False, choices=[("", _("全部阶段")), *Stage.choices]
    )
    state = forms.ChoiceField(
        label=_("状态"), required=False, choices=[("", _("全部状态")), *CaseState.choices]
    )
    offence = forms.ChoiceField(label=_("罪名"), required=False)
    date_from = forms.DateField(label=_("发生日期自"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("至"), required=False, widget=DateInput)

    def __init__(self, *args, language: str = "zh-hans", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offence"].choices = [("", _("全部罪名")), *offence_choices(language)]


class TransitionForm(forms.Form):
    transition = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("说明"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("材料名称"), max_length=200, required=False)
    file = forms.FileField(label=_("文件（PDF、PNG、JPEG）"))
