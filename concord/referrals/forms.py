"""Input validation for the referral screens."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Agency
from concord.accounts.roles import AgencyKind

from .choices import Decision


class SendForm(forms.Form):
    centre = forms.ModelChoiceField(
        label=_("接收委派的调解中心"),
        queryset=Agency.objects.filter(
            kind__in=[AgencyKind.MEDIATION_COMMITTEE, AgencyKind.JUDICIAL_BUREAU]
        ).order_by("name"),
    )
    reason = forms.CharField(
        label=_("委派理由"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TriageForm(forms.Form):
    committee = forms.ModelChoiceField(
        label=_("承办调解组织"),
        queryset=Agency.objects.filter(kind=AgencyKind.MEDIATION_COMMITTEE).order_by("name"),
    )


class AssignForm(forms.Form):
    lead = forms.IntegerField(widget=forms.HiddenInput)
    override_reason = forms.CharField(
        label=_("未选得分最高者的理由"), required=False, max_length=1000
    )
    judge = forms.IntegerField(required=False)
    prosecutor = forms.IntegerField(required=False)
    legal_aid_lawyer = forms.IntegerField(required=False)


class ConsentForm(forms.Form):
    accepted = forms.TypedChoiceField(
        label=_("答复"),
        coerce=lambda v: v == "yes",
        choices=[("yes", _("同意调解，并签署申请书和保密协议")), ("no", _("拒绝调解"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("拒绝理由"), required=False, max_length=1000)
    scan = forms.FileField(label=_("纸质签署的扫描件（工作人员代为登记时）"), required=False)


class OutcomeForm(forms.Form):
    settled = forms.TypedChoiceField(
        label=_("调解结果"),
        coerce=lambda v: v == "yes",
        choices=[("yes", _("达成协议")), ("no", _("调解不成"))],
        widget=forms.RadioSelect,
    )
    agreement_summary = forms.CharField(
        label=_("协议要点"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    amount = forms.DecimalField(
        label=_("协议赔偿金额（元）"), required=False, min_value=0, max_digits=12, decimal_places=2
    )
    note = forms.CharField(
        label=_("说明 / 调解不成的原因"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("处理决定"), choices=Decision.choices)
    note = forms.CharField(
        label=_("说明"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
