"""After-care of a settled referral: the follow-up plan and its contacts, the alerts a hostile
contact or a new conflict raises, and the victim's state judicial-aid checklist and application."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.cases.models import Case, Party
from concord.referrals.models import Referral

from .choices import AidCategory, AlertReason, ContactKind, Relations


class FollowUpPlan(models.Model):
    """The contacts planned after a settlement, to catch "surface reconciliation, underlying
    hostility, and recurrence of conflict" (seeds/000)."""

    referral = models.OneToOneField(
        Referral, on_delete=models.CASCADE, related_name="aftercare_plan"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("回访计划")
        verbose_name_plural = _("回访计划")

    def __str__(self) -> str:
        return f"{self.referral} aftercare"


class FollowUpContact(models.Model):
    plan = models.ForeignKey(FollowUpPlan, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("回访方式"), max_length=8, choices=ContactKind.choices)
    due_on = models.DateField(_("计划日期"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="aftercare_contacts",
        verbose_name=_("回访人"),
    )
    done_at = models.DateTimeField(null=True, blank=True)
    reached = models.BooleanField(_("是否联系上"), null=True, blank=True)
    relations = models.CharField(_("双方关系"), max_length=8, choices=Relations.choices, blank=True)
    payment_on_track = models.BooleanField(_("赔偿按约履行"), null=True, blank=True)
    # Staff notes: never shown to the parties.
    notes = models.TextField(_("回访记录"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Set once, under a row lock, when the assignee was reminded that the contact is due.
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("回访")
        verbose_name_plural = _("回访")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["done_at", "due_on"])]

    def __str__(self) -> str:
        return f"{self.plan.referral} {self.kind} {self.due_on}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today: dt.date) -> bool:
        return self.done_at is None and self.due_on < today


class AftercareAlert(models.Model):
    """A warning to the centre's coordinators: a hostile contact, or a new conflict reported."""

    plan = models.ForeignKey(FollowUpPlan, on_delete=models.CASCADE, related_name="alerts")
    # One alert per contact at most, so a retried recording never raises two.
    contact = models.OneToOneField(
        FollowUpContact, null=True, blank=True, on_delete=models.CASCADE, related_name="alert"
    )
    reason = models.CharField(_("预警原因"), max_length=16, choices=AlertReason.choices)
    summary = models.TextField(_("情况说明"), blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    raised_at = models.DateTimeField(default=timezone.now)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledgement = models.TextField(_("处理意见"), blank=True)

    class Meta:
        verbose_name = _("回访预警")
        verbose_name_plural = _("回访预警")
        ordering = ["-raised_at", "-id"]

    def __str__(self) -> str:
        return f"{self.plan.referral} {self.reason}"


class JudicialAidChecklist(models.Model):
    """The staff's reading of whether a victim falls in a judicial-aid category (a checklist,
    not a decision: the case-handling organ approves)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="aid_checklists")
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="aid_checklists")
    categories = models.JSONField(_("符合的救助情形"), default=list, blank=True)
    cannot_obtain_compensation = models.BooleanField(
        _("无法通过诉讼获得有效赔偿"), null=True, blank=True
    )
    note = models.TextField(_("说明"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "party"], name="one_aid_checklist"),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.party}"


class JudicialAidApplication(models.Model):
    """An application for state judicial aid, with the cap computed when it was recorded.

    Aid is given once per person per case (corrections-and-aid.md §B): one row per case and party.
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="aid_applications")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="aid_applications")
    applicant = models.CharField(_("申请人"), max_length=100)
    applied_on = models.DateField(_("申请日期"))
    category = models.CharField(_("救助情形"), max_length=24, choices=AidCategory.choices)
    requested_amount = models.DecimalField(_("申请金额"), max_digits=12, decimal_places=2)
    monthly_wage = models.DecimalField(
        _("上一年度职工月平均工资"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    wage_source = models.CharField(_("工资数据来源"), max_length=300, blank=True)
    court_awardable = models.DecimalField(
        _("法院应当判决的赔偿数额"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    cap_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    cap_trace = models.JSONField(default=dict)
    rules_version = models.CharField(max_length=40)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("司法救助申请")
        verbose_name_plural = _("司法救助申请")
        constraints = [
            models.UniqueConstraint(fields=["case", "party"], name="judicial_aid_once_per_case"),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.party} {self.requested_amount}"
