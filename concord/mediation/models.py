"""A mediation session of a referred case: when and where, who takes part, the six steps with
their minutes, the mediator's private caucus notes and the supervisor's records."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.cases.choices import PartyRole
from concord.cases.models import Case, Party
from concord.referrals.choices import TeamRole
from concord.referrals.models import Referral

from .choices import (
    STEPPED_KINDS,
    AgreementOutcome,
    InvitedRole,
    ParticipantKind,
    SessionKind,
    SessionState,
    Side,
    Step,
    StepState,
    SupervisionKind,
)


class Session(models.Model):
    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="sessions")
    # The referral's case, kept on the row so that reads can be scoped by case in one join.
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="mediation_sessions")
    kind = models.CharField(_("会议类型"), max_length=20, choices=SessionKind.choices)
    state = models.CharField(
        _("状态"), max_length=16, choices=SessionState.choices, default=SessionState.SCHEDULED
    )
    starts_at = models.DateTimeField(_("开始时间"))
    duration_minutes = models.PositiveSmallIntegerField(_("预计时长（分钟）"), default=90)
    room = models.CharField(_("调解室"), max_length=200, blank=True)
    address = models.CharField(_("地址"), max_length=300, blank=True)
    # Online sessions take place in an online room (another app); its address is kept here.
    online = models.BooleanField(_("线上调解"), default=False)
    room_url = models.CharField(_("线上调解室地址"), max_length=500, blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    scheduled_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(_("取消理由"), blank=True)
    conclusion_note = models.TextField(_("会议小结"), blank=True)

    class Meta:
        verbose_name = _("调解会议")
        verbose_name_plural = _("调解会议")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["referral", "starts_at"]),
            models.Index(fields=["case", "starts_at"]),
            models.Index(fields=["state", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(online=True) | ~models.Q(room=""),
                name="session_has_a_place",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case.number} {self.get_kind_display()} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def stepped(self) -> bool:
        """Whether the session follows the six steps (mediation and joint mediation do)."""
        return self.kind in STEPPED_KINDS

    @property
    def is_open(self) -> bool:
        return self.state in (SessionState.SCHEDULED, SessionState.IN_PROGRESS)


class Participant(models.Model):
    """One person expected at a session: a party (or someone acting for one), a team member,
    or someone the mediator invited by name (People's Mediation Law Art. 20)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="participants")
    kind = models.CharField(max_length=16, choices=ParticipantKind.choices)
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mediation_participations",
    )
    name = models.CharField(_("姓名"), max_length=100)
    # The party role, the team role or the invited role, by kind; shown as role_label.
    role = models.CharField(_("身份"), max_length=32)
    side = models.CharField(max_length=16, choices=Side.choices, default=Side.NEUTRAL)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "party"],
                condition=models.Q(party__isnull=False),
                name="party_once_per_session",
            ),
            models.UniqueConstraint(
                fields=["session", "user", "role"],
                condition=models.Q(user__isnull=False),
                name="user_role_once_per_session",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"

    @property
    def role_label(self) -> str:
        vocabulary = {
            ParticipantKind.PARTY: PartyRole,
            ParticipantKind.TEAM: TeamRole,
            ParticipantKind.INVITED: InvitedRole,
        }[self.kind]
        return str(dict(vocabulary.choices).get(self.role, self.role))


class SessionStep(models.Model):
    """One of the six steps of a mediation session; taken in order, or skipped with a reason."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField(choices=Step.choices)
    state = models.CharField(max_length=16, choices=StepState.choices, default=StepState.PENDING)
    skip_reason = models.TextField(_("跳过理由"), blank=True)
    # Step 6 only: what the parties came to; the agreement is drafted in the agreements app.
    outcome = models.CharField(
        _("协议情况"), max_length=16, choices=AgreementOutcome.choices, blank=True
    )
    note = models.TextField(_("本步小结"), blank=True)
    settled_at = models.DateTimeField(null=True, blank=True)
    settled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["session", "number"]
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="one_row_per_step"),
        ]

    def __str__(self) -> str:
        return f"{self.session_id} #{self.number} {self.state}"

    @property
    def settled(self) -> bool:
        return self.state != StepState.PENDING


class MinuteEntry(models.Model):
    """One entry of the minutes: who spoke, when, and what was said. Part of the record."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="minutes")
    # Empty for sessions without steps (consultation meetings, legal reasoning sessions).
    step = models.ForeignKey(
        SessionStep, null=True, blank=True, on_delete=models.PROTECT, related_name="minutes"
    )
    speaker = models.CharField(_("发言人"), max_length=100)
    spoken_at = models.DateTimeField(_("时间"))
    text = models.TextField(_("内容"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["spoken_at", "id"]
        indexes = [models.Index(fields=["session", "spoken_at"])]

    def __str__(self) -> str:
        return f"{self.session_id} {self.speaker} {self.spoken_at:%H:%M}"


class CaucusNote(models.Model):
    """The mediator's confidential note of a private talk with one side ("back-to-back").

    Seen only by the mediating team on that side (selectors.caucus_notes); never by a party,
    the other side, or a supervisor.
    """

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="caucus_notes")
    side = models.CharField(
        _("背对背对象"),
        max_length=16,
        choices=[(Side.VICTIM, Side.VICTIM.label), (Side.SUSPECT, Side.SUSPECT.label)],
    )
    text = models.TextField(_("内容"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["written_at", "id"]

    def __str__(self) -> str:
        return f"{self.session_id} caucus {self.side}"


class SupervisionRecord(models.Model):
    """A supervisor's observation or correction suggestion on a session (seeds/001). A
    correction stays open until the mediator answers it."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="supervision")
    kind = models.CharField(_("类别"), max_length=16, choices=SupervisionKind.choices)
    text = models.TextField(_("内容"))
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("答复"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["recorded_at", "id"]
        indexes = [models.Index(fields=["session", "kind", "answered_at"])]

    def __str__(self) -> str:
        return f"{self.session_id} {self.kind}"

    @property
    def is_open(self) -> bool:
        return self.kind == SupervisionKind.CORRECTION and self.answered_at is None
