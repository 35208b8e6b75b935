"""Triage to a committee, and assignment of a mediation team by a rule the coordinator can read.

The scoring rule itself is pure and lives in ``referrals/assignment.py``; this module only
gathers its inputs from the database and records the choice.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Agency, MediatorProfile, User
from concord.accounts.roles import AgencyKind, CommitteeSpecialty, Role
from concord.audit.services import audit_record, snapshot
from concord.cases import services as case_services
from concord.cases.choices import AccessBasis, DisputeType, Stage
from concord.core.crypto import blind_index
from concord.core.errors import InvalidInput, ServiceError

from .. import assignment
from ..choices import ReferralState, TeamRole
from ..models import ConflictDeclaration, Referral, TeamMember
from .common import require_coordinator, require_open

# Where a referral goes first: the centre's triage policy, in order. The first rule that
# names a specialty found among the district's committees wins; the joint committee takes
# the rest. Stage-bound studios come after the subject-matter committees, because a medical or
# traffic dispute is best mediated by its specialists at any stage.
TRIAGE_RULES: tuple[tuple[str, str | None, str | None, str], ...] = (
    # (committee specialty, dispute type, stage, match the place?)
    (CommitteeSpecialty.MEDICAL, DisputeType.MEDICAL, None, "any"),
    (CommitteeSpecialty.TRAFFIC, DisputeType.TRAFFIC, None, "any"),
    (CommitteeSpecialty.COURT_STATION, None, Stage.TRIAL, "any"),
    (CommitteeSpecialty.PROCURATORATE_STUDIO, None, Stage.PROSECUTION, "any"),
    (CommitteeSpecialty.POLICE_STATION, None, Stage.INVESTIGATION, "place"),
    (CommitteeSpecialty.SUBDISTRICT, None, Stage.CIVIL, "place"),
)


def _root(agency: Agency) -> Agency:
    seen = set()
    while agency.parent_id and agency.pk not in seen:
        seen.add(agency.pk)
        agency = agency.parent
    return agency


def district_committees(referral: Referral) -> list[Agency]:
    """The mediation committees under the same district authority as the centre."""
    root = _root(referral.centre)
    committees = Agency.objects.filter(kind=AgencyKind.MEDIATION_COMMITTEE).select_related(
        "parent__parent__parent"
    )
    return [c for c in committees if _root(c).pk == root.pk]


def _in_place(committee: Agency, place: str) -> bool:
    return bool(committee.district) and committee.district in place


def triage_suggestion(referral: Referral) -> Agency:
    """Return the committee the centre's policy sends this referral to."""
    case = referral.case
    committees = district_committees(referral)
    for specialty, dispute_type, stage, match in TRIAGE_RULES:
        if dispute_type and case.dispute_type != dispute_type:
            continue
        if stage and referral.stage != stage:
            continue
        fitting = [c for c in committees if c.specialty == specialty]
        if match == "place":
            fitting = [c for c in fitting if _in_place(c, case.place)]
        if fitting:
            return fitting[0]
    return referral.centre


@transaction.atomic
def referral_triage(*, actor, referral: Referral, committee: Agency) -> Referral:
    """Send the referral on to a committee, which may then see the case."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    require_open(referral)
    require_coordinator(actor, referral)
    if committee.kind != AgencyKind.MEDIATION_COMMITTEE and committee != referral.centre:
        raise InvalidInput("committee", _("请选择人民调解组织。"), field="committee")
    if referral.state not in (ReferralState.SENT, ReferralState.TRIAGED):
        raise ServiceError("already_assigned", _("已指派调解员，不能再分流。"))
    before = snapshot(referral)
    referral.committee = committee
    referral.state = ReferralState.TRIAGED
    referral.triaged_at = timezone.now()
    referral.save(update_fields=["committee", "state", "triaged_at"])
    case_services.case_access_grant(
        actor=actor, case=referral.case, agency=committee, basis=AccessBasis.REFERRED
    )
    audit_record(
        actor=actor,
        action="referral.triage",
        target=referral,
        before=before,
        after=snapshot(referral),
    )
    return referral


def _open_loads(user_ids: list[int]) -> dict[int, int]:
    rows = (
        TeamMember.objects.filter(
            user_id__in=user_ids,
            active=True,
            role__in=[TeamRole.LEAD_MEDIATOR, TeamRole.MEDIATOR],
            referral__state=ReferralState.ASSIGNED,
        )
        .values("user_id")
        .annotate(n=Count("id"))
    )
    return {row["user_id"]: row["n"] for row in rows}


def mediator_pool(referral: Referral) -> list[MediatorProfile]:
    committee = referral.committee or referral.centre
    profiles = (
        MediatorProfile.objects.filter(
            user__memberships__agency=committee,
            user__memberships__role=Role.MEDIATOR,
            user__is_active=True,
        )
        .select_related("user")
        .distinct()
    )
    return list(profiles)


def needs_for(referral: Referral, pool: list[MediatorProfile]) -> assignment.Needs:
    case = referral.case
    parties = list(case.parties.all())
    party_keys = frozenset(blind_index(p.id_number) for p in parties if p.id_number)
    involved = {p.user_id for p in parties if p.user_id}
    # A mediator of an earlier, unsuccessful round of the same case is not assigned again:
    # the parties may see them as having taken a side (centre policy, docs/referrals.md).
    involved |= set(
        TeamMember.objects.filter(referral__case=case)
        .exclude(referral=referral)
        .values_list("user_id", flat=True)
    )
    areas = {p.area for p in pool if p.area and p.area in case.place}
    return assignment.Needs(
        referral_id=referral.pk,
        specialty=case.dispute_type,
        area=sorted(areas)[0] if areas else "",
        languages=frozenset(),
        party_keys=party_keys,
        earlier_involvement=frozenset(involved),
    )


def candidates_for(pool: list[MediatorProfile], weights) -> list[assignment.Candidate]:
    loads = _open_loads([p.user_id for p in pool])
    declared: dict[int, set[str]] = {}
    for user_id, key in ConflictDeclaration.objects.filter(
        user_id__in=[p.user_id for p in pool]
    ).values_list("user_id", "person_key"):
        declared.setdefault(user_id, set()).add(key)
    return [
        assignment.Candidate(
            user_id=p.user_id,
            name=str(p.user),
            specialties=frozenset(p.specialties),
            languages=frozenset(p.languages),
            area=p.area,
            available=p.available,
            load=loads.get(p.user_id, 0),
            capacity=weights.default_capacity,
            years_experience=p.years_experience,
            related_party_keys=frozenset(declared.get(p.user_id, ())),
        )
        for p in pool
    ]


def ranking(referral: Referral):
    """Return (scored best first, excluded) for the referral's committee pool."""
    weights = assignment.load_weights()
    pool = mediator_pool(referral)
    return assignment.rank(needs_for(referral, pool), candidates_for(pool, weights), weights)


JOINT_ROLES = {
    TeamRole.JUDGE: Role.JUDGE,
    TeamRole.PROSECUTOR: Role.PROSECUTOR,
    TeamRole.LEGAL_AID_LAWYER: Role.LEGAL_AID_LAWYER,
    TeamRole.DUTY_LAWYER: Role.LEGAL_AID_LAWYER,
}


@transaction.atomic
def referral_assign(
    *,
    actor,
    referral: Referral,
    lead,
    joint: list[tuple[object, str]] | None = None,
    override_reason: str = "",
) -> Referral:
    """Assign the lead mediator (and a joint team), then start the mediation.

    The lead must not be excluded (conflict of interest, unavailable, at capacity). Choosing
    anyone but the best-scored mediator needs a reason, which is kept with the assignment.
    """
    referral = (
        Referral.objects.select_for_update(of=("self",)).select_related("case").get(pk=referral.pk)
    )
    require_open(referral)
    require_coordinator(actor, referral)
    if referral.state != ReferralState.TRIAGED:
        raise ServiceError("not_triaged", _("请先将委派分流至调解组织。"))
    scored, excluded = ranking(referral)
    chosen = next((s for s in scored if s.candidate.user_id == lead.pk), None)
    if chosen is None:
        reason = next((e.reason for e in excluded if e.candidate.user_id == lead.pk), "")
        raise ServiceError(
            "not_eligible",
            EXCLUSION_MESSAGES.get(reason, _("该调解员不在本调解组织的可指派名单中。")),
        )
    if scored[0].candidate.user_id != lead.pk and not override_reason.strip():
        raise InvalidInput(
            "override_reason", _("未选择得分最高的调解员，请说明理由。"), field="override_reason"
        )
    before = snapshot(referral)
    TeamMember.objects.create(
        referral=referral,
        user=lead,
        role=TeamRole.LEAD_MEDIATOR,
        score=chosen.total,
        score_parts=[
            {"criterion": p.criterion, "points": p.points, "detail": p.detail} for p in chosen.parts
        ],
        override_reason=override_reason.strip(),
        assigned_by=actor,
    )
    for user, role in joint or []:
        _check_joint_member(user, role)
        TeamMember.objects.create(referral=referral, user=user, role=role, assigned_by=actor)
    for member in referral.team.all():
        case_services.case_access_grant(
            actor=actor,
            case=referral.case,
            user=member.user,
            basis=AccessBasis.ASSIGNED
            if member.role in (TeamRole.LEAD_MEDIATOR, TeamRole.MEDIATOR)
            else AccessBasis.JOINT,
        )
    referral.state = ReferralState.ASSIGNED
    referral.assigned_at = timezone.now()
    referral.save(update_fields=["state", "assigned_at"])
    case_services.case_transition(actor=actor, case=referral.case, name="accept")
    audit_record(
        actor=actor,
        action="referral.assign",
        target=referral,
        before=before,
        after=snapshot(referral),
        detail={"lead": lead.pk, "override": bool(override_reason.strip())},
    )
    return referral


def _check_joint_member(user, role: str) -> None:
    needed = JOINT_ROLES.get(role)
    if needed is None or not user.memberships.filter(role=needed).exists():
        raise InvalidInput("joint", _("联合调解成员的角色与其职务不符。"), field="joint")


EXCLUSION_MESSAGES = {
    "conflict_related_party": _("该调解员与当事人存在利害关系，应当回避。"),
    "conflict_earlier_involvement": _("该调解员曾以其他身份参与本案，应当回避。"),
    "unavailable": _("该调解员目前不接案。"),
    "at_capacity": _("该调解员在办案件已满。"),
}


def joint_candidates(referral: Referral) -> dict[str, list]:
    """People who may join the team: the referring agency's judges or prosecutors, and
    legal-aid lawyers of the district."""
    base = User.objects.filter(is_active=True)
    return {
        TeamRole.JUDGE: list(
            base.filter(
                memberships__role__in=[Role.JUDGE], memberships__agency=referral.from_agency
            )
        ),
        TeamRole.PROSECUTOR: list(
            base.filter(memberships__role=Role.PROSECUTOR, memberships__agency=referral.from_agency)
        ),
        TeamRole.LEGAL_AID_LAWYER: list(
            base.filter(Q(memberships__role=Role.LEGAL_AID_LAWYER)).distinct()
        ),
    }
