"""How a referral ends: the mediation's outcome, the feedback letter, the agency's decision."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.accounts.roles import AgencyKind
from concord.audit.services import audit_record, snapshot
from concord.cases import services as case_services
from concord.cases.selectors import case_relations
from concord.core.errors import InvalidInput, PermissionRefused, ServiceError

from .. import paperwork
from ..choices import Decision, Outcome, ReferralState, TeamRole
from ..models import Referral
from .common import is_coordinator, require_open

# What each kind of agency may decide once mediation ends (CPL Art. 290; SPP-2019 Arts.
# 500–502; SPC-2021 Art. 596; seeds/000: non-filing, conditional non-arrest, non-prosecution,
# lenient sentencing). A failed mediation returns the case to the process.
# Reviewing a settled agreement (CPL Art. 289; SPP-2019 Art. 497), a criminal agency may also
# find it not voluntary or not lawful: the mediation has then failed.
DECISIONS = {
    AgencyKind.POLICE: {
        True: {Decision.LENIENCY_SUGGESTION, Decision.WITHDRAWAL, Decision.AGREEMENT_REJECTED},
        False: {Decision.CONTINUE},
    },
    AgencyKind.PROCURATORATE: {
        True: {
            Decision.NON_ARREST,
            Decision.NON_PROSECUTION,
            Decision.LENIENT_SENTENCING_RECOMMENDATION,
            Decision.AGREEMENT_REJECTED,
        },
        False: {Decision.CONTINUE},
    },
    AgencyKind.COURT: {
        True: {Decision.LIGHTER_SENTENCE, Decision.EXEMPTION, Decision.AGREEMENT_REJECTED},
        False: {Decision.CONTINUE},
    },
    AgencyKind.MEDIATION_COMMITTEE: {True: {Decision.CIVIL_CLOSED}, False: {Decision.CONTINUE}},
    AgencyKind.JUDICIAL_BUREAU: {True: {Decision.CIVIL_CLOSED}, False: {Decision.CONTINUE}},
}


def _is_lead(user, referral: Referral) -> bool:
    return referral.team.filter(
        user=user, active=True, role__in=[TeamRole.LEAD_MEDIATOR, TeamRole.MEDIATOR]
    ).exists()


@transaction.atomic
def referral_outcome(
    *,
    actor,
    referral: Referral,
    settled: bool,
    note: str = "",
    agreement_summary: str = "",
    amount: Decimal | None = None,
) -> Referral:
    """Record how the mediation ended: an agreement signed, or failure with its reasons."""
    referral = (
        Referral.objects.select_for_update(of=("self",)).select_related("case").get(pk=referral.pk)
    )
    require_open(referral)
    if not (_is_lead(actor, referral) or is_coordinator(actor, referral)):
        raise PermissionRefused("not_team", _("只有本案调解员或协调员可以登记调解结果。"))
    if referral.state != ReferralState.ASSIGNED:
        raise ServiceError("not_assigned", _("尚未指派调解员，不能登记调解结果。"))
    if settled and not agreement_summary.strip():
        raise InvalidInput("agreement_summary", _("请填写协议要点。"), field="agreement_summary")
    if not settled and not note.strip():
        raise InvalidInput("note", _("请说明调解不成的原因。"), field="note")
    if amount is not None and amount < 0:
        raise InvalidInput("amount", _("金额不能为负数。"), field="amount")
    before = snapshot(referral)
    referral.state = ReferralState.SETTLED if settled else ReferralState.FAILED
    referral.outcome = Outcome.SETTLED if settled else Outcome.FAILED
    referral.concluded_at = timezone.now()
    referral.outcome_note = note.strip()
    referral.agreement_summary = agreement_summary.strip()
    referral.agreed_amount = amount
    referral.save()
    case_services.case_transition(
        actor=actor, case=referral.case, name="sign" if settled else "fail", note=note
    )
    audit_record(
        actor=actor,
        action="referral.outcome",
        target=referral,
        before=before,
        after=snapshot(referral),
        detail={"settled": settled},
    )
    return referral


@transaction.atomic
def referral_feedback(*, actor, referral: Referral, on_paper: bool = False) -> Referral:
    """Send the feedback letter on the mediation's result back to the referring agency.

    ``on_paper``: the letter went on paper before the platform was in use (a data migration).
    """
    referral = (
        Referral.objects.select_for_update(of=("self",)).select_related("case").get(pk=referral.pk)
    )
    if referral.state not in (ReferralState.SETTLED, ReferralState.FAILED):
        raise ServiceError("no_outcome", _("调解结果登记后方可反馈。"))
    if not (_is_lead(actor, referral) or is_coordinator(actor, referral)):
        raise PermissionRefused("not_team", _("只有本案调解员或协调员可以反馈调解结果。"))
    settled = referral.state == ReferralState.SETTLED
    before = snapshot(referral)
    referral.state = ReferralState.FEEDBACK_SENT
    referral.feedback_at = timezone.now()
    referral.save(update_fields=["state", "feedback_at"])
    if settled:
        # The agreement now goes to the agency's review of voluntariness and legality (CPL 289).
        case_services.case_transition(
            actor=actor, case=referral.case, name="submit_review", actor_checked=True
        )
    if not on_paper:
        paperwork.issue_feedback(actor=actor, referral=referral, settled=settled)
    audit_record(
        actor=actor,
        action="referral.feedback",
        target=referral,
        before=before,
        after=snapshot(referral),
    )
    return referral


@transaction.atomic
def referral_decide(*, actor, referral: Referral, decision: str, note: str = "") -> Referral:
    """The referring agency records what it decided on the mediation's result."""
    referral = (
        Referral.objects.select_for_update(of=("self",))
        .select_related("case", "from_agency")
        .get(pk=referral.pk)
    )
    if referral.state != ReferralState.FEEDBACK_SENT:
        raise ServiceError("no_feedback", _("收到调解结果反馈后方可作出决定。"))
    case = referral.case
    if "holder" not in case_relations(actor, case) or case.holding_agency_id != (
        referral.from_agency_id
    ):
        raise PermissionRefused("not_referrer", _("只有委派机关可以作出处理决定。"))
    settled = referral.outcome == Outcome.SETTLED
    allowed = DECISIONS.get(referral.from_agency.kind, {}).get(settled, set())
    if decision not in allowed:
        raise InvalidInput("decision", _("该决定不适用于本机关或本调解结果。"), field="decision")
    before = snapshot(referral)
    referral.state = ReferralState.DECIDED
    referral.decision = decision
    referral.decision_note = note.strip()
    referral.decided_at = timezone.now()
    referral.decided_by = actor
    referral.save()
    if settled:
        # The review (CPL 289) approves the agreement, or finds it involuntary or unlawful.
        rejected = decision == Decision.AGREEMENT_REJECTED
        case_services.case_transition(
            actor=actor,
            case=case,
            name="reject" if rejected else "approve",
            note=f"{Decision(decision).label} {note}".strip(),
        )
    audit_record(
        actor=actor,
        action="referral.decide",
        target=referral,
        before=before,
        after=snapshot(referral),
        detail={"decision": decision},
    )
    return referral
