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
from concord.cases.choices import CaseState, Stage
from concord.cases.models import Case, CaseAccess, CaseEvent, Party
from concord.core.identity import id_number_problem
from concord.demo.builder import load_demo
from concord.demo.district import (
    AGENCIES,
    DEMO_PASSWORD,
    MEDIATORS,
    PARTY_LOGINS,
    STAFF_LOGINS,
)

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
    AuditEntry,
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
