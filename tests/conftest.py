"""Shared people and places: a small district with one person per role, and an outsider.

State is set up through services, so tests walk the same paths as production.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from concord.accounts import services as accounts
from concord.accounts.models import Agency, User
from concord.accounts.roles import AgencyKind, CommitteeSpecialty, Role
from concord.cases import services as cases
from concord.cases.models import Case

# Playwright fixtures (browser, page, phone_page) for the browser tests in any folder.
pytest_plugins = ["tests.browser"]

PASSWORD = "correct-horse-battery-staple"
# Valid in form (GB 11643 check digits), not real people.
VICTIM_ID = "31011719900315001X"
SUSPECT_ID = "310117198811020032"


@dataclass
class District:
    police: Agency
    other_police: Agency
    procuratorate: Agency
    court: Agency
    committee: Agency
    officer: User
    other_officer: User
    prosecutor: User
    judge: User
    coordinator: User
    mediator: User
    victim_user: User
    other_party_user: User

    def register(
        self,
        *,
        actor: User | None = None,
        agency: Agency | None = None,
        title: str = "王某故意伤害案",
        victim_user: User | None = None,
    ) -> Case:
        case = cases.case_register(
            actor=actor or self.officer,
            agency=agency or self.police,
            data=cases.CaseInput(
                kind="minor_criminal",
                title=title,
                facts="因停车纠纷发生口角，王某推搡致李某轻伤二级。",
                civil_dispute_origin=True,
                parties=[
                    cases.PartyInput(
                        role="victim",
                        name="李明",
                        id_number=VICTIM_ID,
                        phone="13812345678",
                        address="上海市松江区方松街道某路1号",
                    ),
                    cases.PartyInput(role="suspect", name="王强", id_number=SUSPECT_ID),
                ],
                offences=[("234", 1)],
                injuries=[cases.InjuryInput(grade="minor_2", victim_index=0)],
            ),
        )
        if victim_user is not None:
            party = case.parties.get(role="victim")
            party.user = victim_user
            party.save(update_fields=["user"])
        return case


def _user(username: str, full_name: str, agency: Agency | None = None, role: str | None = None):
    user = accounts.user_create(
        actor=None, username=username, password=PASSWORD, full_name=full_name
    )
    if agency is not None:
        accounts.membership_add(actor=None, user=user, agency=agency, role=role)
    return user


@pytest.fixture
def district(db) -> District:
    def agency(kind, name, code, specialty=""):
        return accounts.agency_create(
            actor=None,
            kind=kind,
            name=name,
            name_en=f"{code} agency",
            code=code,
            region_code="CN-SH",
            specialty=specialty,
        )

    police = agency(AgencyKind.POLICE, "松江公安分局", "sjpol")
    other_police = agency(AgencyKind.POLICE, "青浦公安分局", "qppol")
    procuratorate = agency(AgencyKind.PROCURATORATE, "松江区人民检察院", "sjproc")
    court = agency(AgencyKind.COURT, "松江区人民法院", "sjcourt")
    committee = agency(
        AgencyKind.MEDIATION_COMMITTEE,
        "松江区联合人民调解委员会",
        "sjjoint",
        CommitteeSpecialty.JOINT,
    )
    return District(
        police=police,
        other_police=other_police,
        procuratorate=procuratorate,
        court=court,
        committee=committee,
        officer=_user("officer", "赵警官", police, Role.POLICE_OFFICER),
        other_officer=_user("other_officer", "钱警官", other_police, Role.POLICE_OFFICER),
        prosecutor=_user("prosecutor", "孙检察官", procuratorate, Role.PROSECUTOR),
        judge=_user("judge", "周法官", court, Role.JUDGE),
        coordinator=_user("coordinator", "吴协调员", committee, Role.COORDINATOR),
        mediator=_user("mediator", "郑调解员", committee, Role.MEDIATOR),
        victim_user=_user("victim", "李明"),
        other_party_user=_user("stranger", "陌生人"),
    )


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
