"""A district whose centre can take referrals: mediators with profiles, a legal-aid lawyer."""

from __future__ import annotations

import pytest

from concord.accounts import services as accounts
from concord.accounts.roles import AgencyKind, CommitteeSpecialty, Role
from concord.cases import services as cases
from tests.conftest import PASSWORD


@pytest.fixture
def centre(district):
    """The joint committee is the centre; it has a court studio and a second mediator."""
    accounts.mediator_profile_set(
        actor=None,
        user=district.mediator,
        specialties=["injury"],
        languages=["普通话", "上海话"],
        area="",
        years_experience=10,
    )
    studio = accounts.agency_create(
        actor=None,
        kind=AgencyKind.MEDIATION_COMMITTEE,
        name="法院调解工作室",
        name_en="Court studio",
        code="sjstudio",
        specialty=CommitteeSpecialty.COURT_STATION,
        parent=district.committee,
    )
    second = accounts.user_create(
        actor=None, username="mediator2", password=PASSWORD, full_name="王调解员"
    )
    for agency in (district.committee, studio):
        accounts.membership_add(actor=None, user=second, agency=agency, role=Role.MEDIATOR)
    accounts.membership_add(actor=None, user=district.mediator, agency=studio, role=Role.MEDIATOR)
    accounts.membership_add(
        actor=None, user=district.coordinator, agency=studio, role=Role.COORDINATOR
    )
    accounts.mediator_profile_set(
        actor=None,
        user=second,
        specialties=["neighbour"],
        languages=["普通话"],
        area="",
        years_experience=2,
    )
    lawyer = accounts.user_create(
        actor=None, username="lawyer", password=PASSWORD, full_name="律师甲"
    )
    aid = accounts.agency_create(
        actor=None, kind=AgencyKind.LEGAL_AID, name="法律援助中心", code="sjaid"
    )
    accounts.membership_add(actor=None, user=lawyer, agency=aid, role=Role.LEGAL_AID_LAWYER)
    district.committee.refresh_from_db()
    return {"committee": district.committee, "studio": studio, "second": second, "lawyer": lawyer}


@pytest.fixture
def screened_case(district):
    case = district.register(victim_user=district.victim_user)
    return cases.case_transition(actor=district.officer, case=case, name="screen")
