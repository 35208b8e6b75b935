"""Input validation for the after-care page; the services decide what is allowed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import AidCategory, ContactKind, Relations

YES_NO = [("", _("未知")), ("yes", _("是")), ("no", _("否"))]


def yes_no(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class ContactForm(forms.Form):
    kind = forms.ChoiceField(label=_("回访方式"), choices=ContactKind.choices)
    due_on = forms.DateField(label=_("计划日期"), widget=forms.DateInput(attrs={"type": "date"}))
    assignee = forms.TypedChoiceField(label=_("回访人"), coerce=int, required=False, choices=[])


class RecordForm(forms.Form):
    reached = forms.ChoiceField(label=_("是否联系上"), choices=[("yes", _("是")), ("no", _("否"))])
    relations = forms.ChoiceField(
        label=_("双方关系"), choices=[("", "—"), *Relations.choices], required=False
    )
    payment_on_track = forms.ChoiceField(label=_("赔偿按约履行"), choices=YES_NO, required=False)
    notes = forms.CharField(
        label=_("回访记录（仅工作人员可见）"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class RecurrenceForm(forms.Form):
    summary = forms.CharField(
        label=_("新发生的矛盾"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class AcknowledgeForm(forms.Form):
    note = forms.CharField(
        label=_("处理意见"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class ChecklistForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=_("符合的救助情形"),
        choices=AidCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    cannot_obtain_compensation = forms.ChoiceField(
        label=_("无法通过诉讼获得有效赔偿"), choices=YES_NO, required=False
    )
    note = forms.CharField(
        label=_("说明"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class AidApplicationForm(forms.Form):
    applicant = forms.CharField(label=_("申请人"), max_length=100, required=False)
    applied_on = forms.DateField(
        label=_("申请日期"), widget=forms.DateInput(attrs={"type": "date"})
    )
    category = forms.ChoiceField(label=_("救助情形"), choices=AidCategory.choices)
    requested_amount = forms.DecimalField(
        label=_("申请金额（元）"), max_digits=12, decimal_places=2, min_value=0
    )
    monthly_wage = forms.DecimalField(
        label=_("上一年度职工月平均工资（元）"),
        max_digits=10,
        decimal_places=2,
        min_value=0,
        required=False,
    )
    wage_source = forms.CharField(label=_("工资数据来源"), max_length=300, required=False)
    court_awardable = forms.DecimalField(
        label=_("法院应当判决的赔偿数额（元）"),
        max_digits=12,
        decimal_places=2,
        min_value=0,
        required=False,
    )
