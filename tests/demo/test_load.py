"""Loading the demo district: a real lifecycle for every case, idempotent, usable logins."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.utils import timezone

from concord.accounts.models import Agency, MediatorProfile, Membership, User
from concord.accounts.roles import AgencyKind, Role
from concord.audit.models import AuditEntry
from concord.audit.services import audit_verify
from concord.cases.choices import AccessBasis, CaseKind, CaseState, PartyRole, Stage
from concord.cases.models import Case, CaseAccess, CaseEvent, LawResult, Party
from concord.cases.selectors import case_relations, visible_cases
from concord.core.identity import id_number_problem
from concord.demo.builder import load_demo
from concord.demo.district import (
    AGENCIES,
    ASSIGNER,
    DEMO_PASSWORD,
    JOINT_TEAM,
    MEDIATORS,
    PARTY_LOGINS,
    STAFF_LOGINS,
)
from concord.demo.showcase import LINKED_BY
from concord.documents.models import Document, DocumentVersion, OutboxMessage
from concord.referrals.choices import TeamRole
from concord.referrals.models import PartyConsent, Referral, TeamMember

from .conftest import SMALL_DEMO

pytestmark = pytest.mark.django_db

COUNTED = (
    Agency,
    User,
    Membership,
    MediatorProfile,
    Case,
    Party,
    CaseEvent,
    CaseAccess,
    LawResult,
    AuditEntry,
    Referral,
    PartyConsent,
    TeamMember,
    Document,
    DocumentVersion,
    OutboxMessage,
)
# States a case reaches only through a referral to mediation.
REFERRED_OR_LATER = (
    CaseState.REFERRED,
    CaseState.IN_MEDIATION,
    CaseState.AGREEMENT_SIGNED,
    CaseState.UNDER_REVIEW,
    CaseState.SETTLED,
    CaseState.FAILED,
    CaseState.WITHDRAWN,
)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_the_demo_has_every_lifecycle_state_and_stage(demo):
    assert demo.cases_created == SMALL_DEMO
    assert Case.objects.count() == SMALL_DEMO
    assert set(Case.objects.values_list("state", flat=True)) == set(CaseState.values)
    assert set(Case.objects.values_list("stage", flat=True)) == set(Stage.values)


def test_the_district_has_its_agencies_and_twenty_mediators(demo):
    assert Agency.objects.count() == len(AGENCIES)
    assert all(Agency.objects.values_list("name_en", flat=True))
    committees = Agency.objects.filter(kind=AgencyKind.MEDIATION_COMMITTEE)
    assert {a.specialty for a in committees} >= {
        "joint",
        "medical",
        "traffic",
        "police_station",
        "procuratorate_studio",
        "court_station",
        "subdistrict",
    }
    assert MediatorProfile.objects.count() == len(MEDIATORS) == 20
    assert Membership.objects.filter(role=Role.MEDIATOR).count() == 20
    languages = [set(p.languages) for p in MediatorProfile.objects.all()]
    assert sum("English" in spoken for spoken in languages) >= 1
    assert all("普通话" in spoken for spoken in languages)


def test_a_second_run_creates_nothing_and_the_audit_chain_verifies(demo):
    before = _counts()
    report = load_demo(cases=SMALL_DEMO)
    assert _counts() == before
    assert (report.agencies_created, report.users_created, report.cases_created) == (0, 0, 0)
    assert report.cases_present == SMALL_DEMO
    assert audit_verify() is None


def test_a_second_run_gives_a_changed_demo_password_back(demo):
    user = User.objects.get(username="judge")
    user.set_password("another-long-passphrase")
    user.save(update_fields=["password"])
    report = load_demo(cases=SMALL_DEMO)
    assert report.passwords_reset == 1
    assert authenticate(username="judge", password=DEMO_PASSWORD) is not None
    assert AuditEntry.objects.filter(action="user.password_reset").count() == 1
    assert audit_verify() is None


def test_every_login_authenticates_with_the_demo_password(demo):
    for login in STAFF_LOGINS + PARTY_LOGINS:
        user = authenticate(username=login.username, password=DEMO_PASSWORD)
        assert user is not None, login.username
        validate_password(DEMO_PASSWORD, user)
    admin = User.objects.get(username="admin")
    assert (admin.is_superuser, admin.is_staff) == (True, True)
    for login in STAFF_LOGINS:
        assert User.objects.get(username=login.username).memberships.exists(), login.username


def test_party_logins_are_parties_of_the_showcase_case(demo):
    victim = Party.objects.get(user__username="victim")
    suspect = Party.objects.get(user__username="suspect")
    relative = Party.objects.get(user__username="relative")
    assert victim.case_id == suspect.case_id == relative.case_id
    assert relative.represents_id == suspect.pk
    case = victim.case
    assert (case.stage, case.state) == (Stage.TRIAL, CaseState.IN_MEDIATION)
    mediator = User.objects.get(username="mediator")
    assert case.access_grants.filter(agency__in=mediator.agency_ids()).exists()
    for party in (victim, suspect, relative):
        assert "party" in case_relations(party.user, case)


def test_party_logins_are_linked_through_the_service(demo):
    """party_link_user audits the link with the acting officer and the party before and after."""
    links = AuditEntry.objects.filter(action="party.user_link").select_related("actor")
    linked = {str(p.pk) for p in Party.objects.filter(user__isnull=False)}
    assert {entry.object_id for entry in links} == linked
    assert len(linked) == len(PARTY_LOGINS)
    for entry in links:
        assert entry.actor.username == LINKED_BY
        assert entry.before_digest and entry.after_digest
        assert entry.before_digest != entry.after_digest


def test_the_showcase_has_its_mediator_assigned_and_a_joint_team(demo):
    case = Case.objects.get(parties__user__username="victim")
    grants = case.access_grants.filter(user__isnull=False, active=True)
    assigned = {g.user.username for g in grants if g.basis == AccessBasis.ASSIGNED}
    joint = {g.user.username for g in grants if g.basis == AccessBasis.JOINT}
    assert assigned == {"mediator"}
    assert joint == set(JOINT_TEAM) == {"judge", "legalaid"}
    legalaid = User.objects.get(username="legalaid")
    assert visible_cases(legalaid).filter(pk=case.pk).exists()
    assert visible_cases(legalaid).count() >= 1


def test_every_lead_mediator_is_assigned_to_their_case_by_the_coordinator(demo):
    """referral_assign grants the team access and takes the case's "accept" step."""
    leads = TeamMember.objects.filter(role=TeamRole.LEAD_MEDIATOR)
    assert leads.exists()
    assigned = set(
        CaseAccess.objects.filter(basis=AccessBasis.ASSIGNED, active=True).values_list(
            "case_id", "user__username"
        )
    )
    assert set(leads.values_list("referral__case_id", "user__username")) == assigned
    grant_ids = CaseAccess.objects.filter(basis=AccessBasis.ASSIGNED).values_list("id", flat=True)
    audited = AuditEntry.objects.filter(
        action="case.access_grant", object_id__in=[str(pk) for pk in grant_ids]
    ).select_related("actor")
    assert len(audited) == len(assigned)
    assert {entry.actor.username for entry in audited} == {ASSIGNER}
    accepts = CaseEvent.objects.filter(code="case.transition.accept").select_related("actor")
    assert accepts.count() == leads.count()
    assert {event.actor.username for event in accepts} == {ASSIGNER}
    mediator = User.objects.get(username="mediator")
    mine = visible_cases(mediator).filter(access_grants__user=mediator)
    assert mine.exists()


def test_suspects_carry_the_prior_crime_fact_mostly_false(demo):
    priors = list(
        Party.objects.filter(role=PartyRole.SUSPECT).values_list(
            "prior_intentional_crime_within_5_years", flat=True
        )
    )
    assert None not in priors
    assert 0 < priors.count(True) < priors.count(False)


def test_referred_cases_are_screened_on_recorded_facts(demo):
    """Most cases that went to mediation have a decided screening, on the facts recorded."""
    referred = Case.objects.filter(state__in=REFERRED_OR_LATER).exclude(kind=CaseKind.CIVIL_DISPUTE)
    assert referred.count() >= 10
    decided = 0
    for case in referred:
        latest = case.law_results.filter(kind=LawResult.Kind.ELIGIBILITY).first()
        assert latest is not None, case.number
        decided += latest.output_en["decided"]
        assert case.suspect_repents is True, case.number
        assert case.victim_willing is not None, case.number
    assert decided >= 0.9 * referred.count()
    assert Case.objects.filter(state__in=REFERRED_OR_LATER, victim_willing=False).exists()
    # Registered but not yet screened: the facts are not recorded, the screening waits for them.
    waiting = Case.objects.filter(state=CaseState.REGISTERED).exclude(kind=CaseKind.CIVIL_DISPUTE)
    assert all(case.victim_willing is None for case in waiting)


def test_civil_disputes_are_not_screened(demo):
    civil = Case.objects.filter(kind=CaseKind.CIVIL_DISPUTE)
    assert civil.exists()
    assert not LawResult.objects.filter(case__in=civil).exists()


def test_every_id_number_is_valid_in_form(demo):
    numbers = [p.id_number for p in Party.objects.all() if p.id_number]
    assert len(numbers) > SMALL_DEMO
    assert [n for n in numbers if id_number_problem(n)] == []


def test_timelines_are_dated_over_the_past_year_in_order(demo):
    now = timezone.now()
    for case in Case.objects.prefetch_related("events"):
        events = sorted(case.events.all(), key=lambda event: event.pk)
        times = [event.at for event in events]
        assert times == sorted(times), case.number
        assert times[0] == case.registered_at
        assert now - timedelta(days=366) < times[0] and times[-1] < now
        assert case.number.startswith(f"{timezone.localtime(case.registered_at).year}-")
    registered = Case.objects.values_list("registered_at", flat=True)
    assert max(registered) - min(registered) > timedelta(days=200)


def test_grants_and_screening_results_are_dated_with_the_timeline(demo):
    """Access grants and stored results carry the planned dates, in the order they were made."""
    now = timezone.now()
    for case in Case.objects.prefetch_related("events", "access_grants", "law_results"):
        for grant in case.access_grants.all():
            # Triage grants the committee access without a timeline event: the case's last
            # planned step (updated_at) bounds the grants, not its last event.
            assert case.registered_at <= grant.granted_at <= case.updated_at, case.number
        results = sorted(case.law_results.all(), key=lambda result: result.pk)
        if not results:
            continue
        times = [result.computed_at for result in results]
        assert times == sorted(times), case.number
        assert times[0] == case.registered_at, case.number
        assert times[-1] < now
        # The "earlier results" table lists them newest first: the newest is the last stored.
        assert case.law_results.first() == results[-1]
        screened_on = {e.at for e in case.events.all() if e.code == "case.updated"}
        assert set(times[1:]) <= screened_on, case.number
