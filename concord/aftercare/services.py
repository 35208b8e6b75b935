"""Every write of after-care: the plan and its contacts, outcomes, alerts, and judicial aid.

Each service checks who may act (``check_…``), then writes inside one transaction and records
an audit entry. Notices go out after the transaction commits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import User
from concord.audit.services import audit_record, snapshot
from concord.cases.choices import PartyRole
from concord.cases.models import Party
from concord.cases.selectors import case_relations
from concord.core.errors import InvalidInput, PermissionRefused, ServiceError
from concord.referrals.choices import Outcome, ReferralState, TeamRole
from concord.referrals.models import Referral
from concord.referrals.services.common import is_coordinator

from . import notices
from .choices import AidCategory, AlertReason, ContactKind, Relations
from .judicial_aid import judicial_aid_cap
from .models import (
    AftercareAlert,
    FollowUpContact,
    FollowUpPlan,
    JudicialAidApplication,
    JudicialAidChecklist,
)

DEFAULT_PLAN_FILE = Path(__file__).with_name("default_plan.yaml")


@dataclass(frozen=True)
class PlannedContact:
    kind: str
    days: int


@cache
def default_plan() -> tuple[PlannedContact, ...]:
    """Return the centre's default contacts (data, centre practice — not law)."""
    doc = yaml.safe_load(DEFAULT_PLAN_FILE.read_text())
    return tuple(PlannedContact(str(c["kind"]), int(c["days"])) for c in doc["contacts"])


def today() -> dt.date:
    """The local date (Asia/Shanghai): the seam tests freeze."""
    return timezone.localdate()


# --- who may act -------------------------------------------------------------------------


def is_team(user, referral: Referral) -> bool:
    return referral.team.filter(user=user, active=True).exists()


def is_mediation_staff(user, referral: Referral) -> bool:
    """The team that mediated, or the centre's coordinators."""
    return is_team(user, referral) or is_coordinator(user, referral)


def is_case_staff(user, referral: Referral) -> bool:
    """Mediation staff, or staff of the agency holding the case."""
    return is_mediation_staff(user, referral) or "holder" in case_relations(user, referral.case)


def check_mediation_staff(user, referral: Referral) -> None:
    if not is_mediation_staff(user, referral):
        raise PermissionRefused(
            "not_mediation_staff", _("只有本案调解员或调解中心协调员可以办理回访。")
        )


def check_case_staff(user, referral: Referral) -> None:
    if not is_case_staff(user, referral):
        raise PermissionRefused("not_case_staff", _("只有办案机关或调解中心的工作人员可以办理。"))


def lead_mediator(referral: Referral) -> User | None:
    member = (
        referral.team.filter(role=TeamRole.LEAD_MEDIATOR, active=True)
        .select_related("user")
        .first()
    )
    return member.user if member else None


# --- the plan ----------------------------------------------------------------------------


def check_plan_create(*, actor, referral: Referral) -> None:
    check_mediation_staff(actor, referral)
    if referral.state != ReferralState.DECIDED or referral.outcome != Outcome.SETTLED:
        raise ServiceError(
            "not_settled", _("只有调解成功且办案机关已作出决定的案件才能制定回访计划。")
        )
    if FollowUpPlan.objects.filter(referral=referral).exists():
        raise ServiceError("plan_exists", _("本案已有回访计划。"))


@transaction.atomic
def plan_create(
    *, actor, referral: Referral, contacts: list[PlannedContact] | None = None
) -> FollowUpPlan:
    """Create the follow-up plan of a settled referral, by default the centre's standard one."""
    referral = Referral.objects.select_for_update(of=("self",)).get(pk=referral.pk)
    check_plan_create(actor=actor, referral=referral)
    assignee = lead_mediator(referral) or actor
    start = timezone.localdate(referral.decided_at) if referral.decided_at else today()
    plan = FollowUpPlan(referral=referral, created_by=actor)
    plan.full_clean()
    plan.save()
    for planned in default_plan() if contacts is None else contacts:
        _contact_create(
            plan=plan,
            kind=planned.kind,
            due_on=start + dt.timedelta(days=planned.days),
            assignee=assignee,
        )
    audit_record(
        actor=actor,
        action="aftercare.plan_create",
        target=plan,
        after=snapshot(plan),
        detail={"contacts": plan.contacts.count()},
    )
    return plan


def _contact_create(*, plan, kind, due_on, assignee) -> FollowUpContact:
    if kind not in ContactKind.values:
        raise InvalidInput("kind", _("请选择回访方式。"), field="kind")
    contact = FollowUpContact(plan=plan, kind=kind, due_on=due_on, assignee=assignee)
    contact.full_clean()
    contact.save()
    return contact


def check_assignee(referral: Referral, assignee: User) -> None:
    if not is_mediation_staff(assignee, referral):
        raise InvalidInput(
            "assignee", _("回访人须为本案调解员或调解中心协调员。"), field="assignee"
        )


@transaction.atomic
def contact_add(
    *, actor, plan: FollowUpPlan, kind: str, due_on: dt.date, assignee: User | None = None
) -> FollowUpContact:
    """Add a contact to the plan (the lead mediator does it unless someone else is named)."""
    referral = plan.referral
    check_mediation_staff(actor, referral)
    assignee = assignee or lead_mediator(referral) or actor
    check_assignee(referral, assignee)
    contact = _contact_create(plan=plan, kind=kind, due_on=due_on, assignee=assignee)
    audit_record(
        actor=actor, action="aftercare.contact_add", target=contact, after=snapshot(contact)
    )
    return contact


@transaction.atomic
def contact_update(
    *, actor, contact: FollowUpContact, kind: str, due_on: dt.date, assignee: User
) -> FollowUpContact:
    """Move, reassign or change a contact not yet made."""
    contact = (
        FollowUpContact.objects.select_for_update()
        .select_related("plan__referral")
        .get(pk=contact.pk)
    )
    referral = contact.plan.referral
    check_mediation_staff(actor, referral)
    if contact.is_done:
        raise ServiceError("contact_done", _("已完成的回访不能修改。"))
    check_assignee(referral, assignee)
    if kind not in ContactKind.values:
        raise InvalidInput("kind", _("请选择回访方式。"), field="kind")
    before = snapshot(contact)
    contact.kind, contact.due_on, contact.assignee = kind, due_on, assignee
    if before["due_on"] != due_on:
        contact.reminded_at = None  # a new date earns a new reminder
    contact.full_clean()
    contact.save(update_fields=["kind", "due_on", "assignee", "reminded_at"])
    audit_record(
        actor=actor,
        action="aftercare.contact_update",
        target=contact,
        before=before,
        after=snapshot(contact),
    )
    return contact


# --- recording a contact -----------------------------------------------------------------


@transaction.atomic
def followup_record(
    *,
    actor,
    contact: FollowUpContact,
    reached: bool,
    relations: str = "",
    payment_on_track: bool | None = None,
    notes: str = "",
) -> FollowUpContact:
    """Record how a contact went; a hostile reading raises one alert to the coordinators."""
    contact = (
        FollowUpContact.objects.select_for_update()
        .select_related("plan__referral__case")
        .get(pk=contact.pk)
    )
    referral = contact.plan.referral
    check_mediation_staff(actor, referral)
    if contact.is_done:
        raise ServiceError("contact_done", _("该回访已记录。"))
    if reached and relations not in Relations.values:
        raise InvalidInput("relations", _("联系上当事人时，请选择双方关系。"), field="relations")
    if not reached and relations:
        raise InvalidInput(
            "relations", _("未联系上当事人时，不能判断双方关系。"), field="relations"
        )
    before = snapshot(contact)
    contact.done_at = timezone.now()
    contact.reached = reached
    contact.relations = relations
    contact.payment_on_track = payment_on_track
    contact.notes = notes
    contact.recorded_by = actor
    contact.full_clean()
    contact.save(
        update_fields=[
            "done_at",
            "reached",
            "relations",
            "payment_on_track",
            "notes",
            "recorded_by",
        ]
    )
    audit_record(
        actor=actor,
        action="aftercare.followup_record",
        target=contact,
        before=before,
        after=snapshot(contact),
    )
    if relations == Relations.HOSTILE:
        _alert_raise(
            actor=actor,
            plan=contact.plan,
            reason=AlertReason.HOSTILE,
            summary=notes,
            contact=contact,
        )
    return contact


def _alert_raise(*, actor, plan, reason, summary, contact=None) -> AftercareAlert:
    try:
        with transaction.atomic():
            alert = AftercareAlert.objects.create(
                plan=plan, contact=contact, reason=reason, summary=summary, raised_by=actor
            )
    except IntegrityError:  # this contact already raised its alert
        return AftercareAlert.objects.get(contact=contact)
    audit_record(actor=actor, action="aftercare.alert_raise", target=alert, after=snapshot(alert))
    alert_id = alert.pk

    def notify() -> None:
        notices.alert_raised(
            AftercareAlert.objects.select_related("plan__referral__case").get(pk=alert_id)
        )

    transaction.on_commit(notify)
    return alert


@transaction.atomic
def recurrence_report(*, actor, plan: FollowUpPlan, summary: str) -> AftercareAlert:
    """Report a new conflict between the same parties: an alert to the coordinators."""
    check_case_staff(actor, plan.referral)
    if not summary.strip():
        raise InvalidInput("summary", _("请说明新发生的矛盾。"), field="summary")
    return _alert_raise(actor=actor, plan=plan, reason=AlertReason.RECURRENCE, summary=summary)


@transaction.atomic
def alert_acknowledge(*, actor, alert: AftercareAlert, note: str) -> AftercareAlert:
    """A coordinator takes the alert in hand, saying what will be done."""
    alert = (
        AftercareAlert.objects.select_for_update().select_related("plan__referral").get(pk=alert.pk)
    )
    if not is_coordinator(actor, alert.plan.referral):
        raise PermissionRefused("not_coordinator", _("只有调解中心的协调员可以处理预警。"))
    if alert.acknowledged_at is not None:
        raise ServiceError("acknowledged", _("该预警已处理。"))
    if not note.strip():
        raise InvalidInput("note", _("请填写处理意见。"), field="note")
    before = snapshot(alert)
    alert.acknowledged_at = timezone.now()
    alert.acknowledged_by = actor
    alert.acknowledgement = note
    alert.save(update_fields=["acknowledged_at", "acknowledged_by", "acknowledgement"])
    audit_record(
        actor=actor,
        action="aftercare.alert_acknowledge",
        target=alert,
        before=before,
        after=snapshot(alert),
    )
    return alert


# --- judicial aid ------------------------------------------------------------------------


def _check_victim(referral: Referral, party: Party) -> None:
    if party.case_id != referral.case_id or party.role != PartyRole.VICTIM:
        raise InvalidInput("party", _("请选择本案的被害人。"), field="party")


@transaction.atomic
def aid_checklist_set(
    *,
    actor,
    referral: Referral,
    party: Party,
    categories: list[str],
    cannot_obtain_compensation: bool | None,
    note: str = "",
) -> JudicialAidChecklist:
    """Record which judicial-aid categories the victim appears to fall in."""
    check_case_staff(actor, referral)
    _check_victim(referral, party)
    unknown = set(categories) - set(AidCategory.values)
    if unknown:
        raise InvalidInput("categories", _("救助情形无效。"), field="categories")
    checklist = (
        JudicialAidChecklist.objects.select_for_update()
        .filter(case=referral.case, party=party)
        .first()
    )
    before = snapshot(checklist)
    if checklist is None:
        checklist = JudicialAidChecklist(case=referral.case, party=party, updated_by=actor)
    checklist.categories = sorted(categories)
    checklist.cannot_obtain_compensation = cannot_obtain_compensation
    checklist.note = note
    checklist.updated_by = actor
    checklist.updated_at = timezone.now()
    checklist.full_clean()
    checklist.save()
    audit_record(
        actor=actor,
        action="aftercare.aid_checklist_set",
        target=checklist,
        before=before,
        after=snapshot(checklist),
    )
    return checklist


@transaction.atomic
def judicial_aid_apply(
    *,
    actor,
    referral: Referral,
    party: Party,
    applicant: str,
    applied_on: dt.date,
    category: str,
    requested_amount: Decimal,
    monthly_wage: Decimal | None = None,
    wage_source: str = "",
    court_awardable: Decimal | None = None,
) -> JudicialAidApplication:
    """Record a victim's application and the cap it is subject to; once per person per case."""
    check_case_staff(actor, referral)
    _check_victim(referral, party)
    if category not in AidCategory.values:
        raise InvalidInput("category", _("请选择救助情形。"), field="category")
    if requested_amount <= 0:
        raise InvalidInput("requested_amount", _("申请金额须大于零。"), field="requested_amount")
    if monthly_wage is not None and not wage_source.strip():
        raise InvalidInput("wage_source", _("请注明月平均工资的数据来源。"), field="wage_source")
    if JudicialAidApplication.objects.filter(case=referral.case, party=party).exists():
        raise ServiceError("aid_once", _("国家司法救助同一案件对同一人只能申请一次。"))
    cap = judicial_aid_cap(
        on=applied_on,
        region=referral.case.holding_agency.region_code,
        monthly_wage=monthly_wage,
        wage_source=wage_source,
        court_awardable=court_awardable,
    )
    application = JudicialAidApplication(
        case=referral.case,
        party=party,
        applicant=applicant or party.name,
        applied_on=applied_on,
        category=category,
        requested_amount=requested_amount,
        monthly_wage=monthly_wage,
        wage_source=wage_source,
        court_awardable=court_awardable,
        cap_amount=cap.value,
        cap_trace=cap.to_dict(),
        rules_version=cap.rules_version,
        recorded_by=actor,
    )
    application.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as exc:  # a concurrent application for the same person won
        raise ServiceError("aid_once", _("国家司法救助同一案件对同一人只能申请一次。")) from exc
    audit_record(
        actor=actor,
        action="aftercare.judicial_aid_apply",
        target=application,
        after=snapshot(application),
    )
    return application
