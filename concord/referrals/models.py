"""A referral: a case sent by the agency that holds it to the mediation centre, triaged to a
committee, assigned to a team, and answered with a feedback letter and the agency's decision."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Agency
from concord.cases.choices import Stage
from concord.cases.models import Case, Party

from .choices import Decision, Outcome, ReferralState, Response, SignMethod, TeamRole


class Referral(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="referrals")
    from_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="referrals_sent",
        verbose_name=_("委派机关"),
    )
    centre = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name=_("调解中心"),
    )
    committee = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals_triaged",
        verbose_name=_("承办调解组织"),
    )
    stage = models.CharField(_("委派时诉讼阶段"), max_length=16, choices=Stage.choices)
    state = models.CharField(
        _("状态"), max_length=16, choices=ReferralState.choices, default=ReferralState.SENT
    )
    reason = models.TextField(_("委派理由"), blank=True)
    number = models.CharField(_("文号"), max_length=40, unique=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField(_("调解期限"))
    triaged_at = models.DateTimeField(null=True, blank=True)
    assigned_at = models.DateTimeField(null=True, blank=True)
    concluded_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(_("调解结果"), max_length=16, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("调解结果说明"), blank=True)
    agreement_summary = models.TextField(_("协议要点"), blank=True)
    agreed_amount = models.DecimalField(
        _("协议金额"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    feedback_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(_("处理决定"), max_length=40, choices=Decision.choices, blank=True)
    decision_note = models.TextField(_("决定说明"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # When the deadline reminder and the escalation went out; set once, so a retried task
    # never sends them twice.
    reminded_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("委派调解")
        verbose_name_plural = _("委派调解")
        ordering = ["-sent_at", "-id"]
        indexes = [
            models.Index(fields=["centre", "state"]),
            models.Index(fields=["from_agency", "-sent_at"]),
            models.Index(fields=["state", "due_at"]),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.state in (ReferralState.SENT, ReferralState.TRIAGED, ReferralState.ASSIGNED)

    @property
    def overdue(self) -> bool:
        return self.is_open and self.due_at < timezone.now()


class TeamMember(models.Model):
    """One member of the team mediating a referral, with why they were chosen."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="referral_roles"
    )
    role = models.CharField(_("角色"), max_length=20, choices=TeamRole.choices)
    score = models.FloatField(null=True, blank=True)
    score_parts = models.JSONField(default=list, blank=True)
    # Set when the coordinator chose someone other than the best-scored mediator.
    override_reason = models.TextField(_("调整理由"), blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["referral", "user", "role"], name="unique_team_member"),
        ]

    def __str__(self) -> str:
        return f"{self.referral} {self.role} {self.user}"


class PartyConsent(models.Model):
    """A party's answer to the referral: the application and confidentiality agreement signed
    (online, or on paper and scanned), or a refusal — mediation is voluntary (PML Art. 17)."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="consents")
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="consents")
    response = models.CharField(max_length=16, choices=Response.choices, default=Response.PENDING)
    method = models.CharField(max_length=16, choices=SignMethod.choices, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("理由"), blank=True)
    scan_sha256 = models.CharField(max_length=64, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["referral", "party"], name="one_consent_per_party"),
        ]

    def __str__(self) -> str:
        return f"{self.referral} {self.party} {self.response}"


class ReferralPeriod(models.Model):
    """An agency's own period for referrals at a stage; without one, the default applies."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="referral_periods")
    stage = models.CharField(max_length=16, choices=Stage.choices)
    days = models.PositiveSmallIntegerField(_("调解期限（日）"))
    remind_days_before = models.PositiveSmallIntegerField(_("提前提醒（日）"), default=3)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "stage"], name="one_period_per_stage"),
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.stage} {self.days}d"


class ConflictDeclaration(models.Model):
    """A mediator's declaration of a relationship with a person, kept as a blind-index key of
    that person's ID number, so conflicts are found without storing the number again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conflict_declarations"
    )
    person_key = models.CharField(max_length=32)
    relation = models.CharField(_("关系"), max_length=100)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "person_key"], name="one_declaration"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ~ {self.person_key[:6]}"


class LegalAidOffer(models.Model):
    """A victim told of the right to legal aid when the case is referred (Legal Aid Law Arts.
    29 and 35; seeds/000), and whether they applied. The legal-aid agency decides (Art. 43)."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="aid_offers")
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="aid_offers")
    offered_at = models.DateTimeField(default=timezone.now)
    applied_at = models.DateTimeField(_("申请时间"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["referral", "party"], name="one_aid_offer"),
        ]

    def __str__(self) -> str:
        return f"{self.referral} {self.party}"
