"""Input validation for the session screens."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import AgreementOutcome, InvitedRole, SessionKind, Side, SupervisionKind

TEXTAREA = forms.Textarea(attrs={"rows": 3})


class ScheduleForm(forms.Form):
    kind = forms.ChoiceField(label=_("会议类型"), choices=SessionKind.choices)
    starts_at = forms.DateTimeField(
        label=_("开始时间"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    duration_minutes = forms.IntegerField(
        label=_("预计时长（分钟）"), min_value=10, max_value=600, initial=90
    )
    online = forms.BooleanField(label=_("线上调解"), required=False)
    room = forms.CharField(label=_("调解室"), required=False, max_length=200)
    address = forms.CharField(label=_("地址"), required=False, max_length=300)
    room_url = forms.CharField(label=_("线上调解室地址"), required=False, max_length=500)
    parties = forms.ModelMultipleChoiceField(
        label=_("当事人及其代理人、近亲属"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    team = forms.ModelMultipleChoiceField(
        label=_("调解团队成员"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, referral, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = referral.case.parties.all()
        self.fields["parties"].label_from_instance = lambda p: f"{p.get_role_display()} {p.name}"
        self.fields["team"].queryset = referral.team.filter(active=True).select_related("user")
        self.fields["team"].label_from_instance = lambda m: f"{m.get_role_display()} {m.user}"
        if not self.is_bound:
            self.initial.setdefault("parties", list(self.fields["parties"].queryset))
            self.initial.setdefault("team", list(self.fields["team"].queryset))


class InvitedForm(forms.Form):
    """One person invited by name (People's Mediation Law Art. 20)."""

    name = forms.CharField(label=_("受邀人员姓名"), required=False, max_length=100)
    role = forms.ChoiceField(label=_("身份"), choices=InvitedRole.choices, required=False)
    side = forms.ChoiceField(label=_("随同"), choices=Side.choices, initial=Side.NEUTRAL)
    note = forms.CharField(label=_("说明"), required=False, max_length=200)


InvitedFormSet = forms.formset_factory(InvitedForm, extra=3, max_num=20)


class MinuteForm(forms.Form):
    speaker = forms.CharField(label=_("发言人"), max_length=100)
    text = forms.CharField(
        label=_("内容"), max_length=20000, widget=forms.Textarea(attrs={"rows": 3})
    )
    step = forms.IntegerField(required=False, widget=forms.HiddenInput)


class StepDoneForm(forms.Form):
    note = forms.CharField(label=_("本步小结"), required=False, max_length=4000)
    outcome = forms.ChoiceField(
        label=_("协议情况"), required=False, choices=[("", "—"), *AgreementOutcome.choices]
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("理由"), max_length=2000)


class ConcludeForm(forms.Form):
    note = forms.CharField(
        label=_("会议小结"),
        required=False,
        max_length=4000,
        widget=TEXTAREA,
    )


class CaucusForm(forms.Form):
    side = forms.ChoiceField(
        label=_("背对背对象"),
        choices=[(Side.VICTIM, Side.VICTIM.label), (Side.SUSPECT, Side.SUSPECT.label)],
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("内容"), max_length=20000, widget=forms.Textarea(attrs={"rows": 3})
    )


class SupervisionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("类别"), choices=SupervisionKind.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("内容"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("答复"), max_length=4000)
