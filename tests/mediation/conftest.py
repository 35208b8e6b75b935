"""A referral assigned to a team (lead mediator and the victim's legal-aid lawyer), the parties
with accounts (victim, suspect, the suspect's agent), supervisors inside and outside the remit,
and a helper to schedule and start a session through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from concord.accounts import services as accounts
from concord.accounts.models import Agency, User
from concord.accounts.roles import AgencyKind, Role
from concord.cases import services as cases
from concord.mediation import services
from concord.mediation.choices import SessionKind
from concord.mediation.models import Session
from concord.referrals import services as referrals
from concord.referrals.choices import TeamRole
from concord.referrals.models import Referral
from tests.conftest import PASSWORD


@dataclass
class Cast:
    referral: Referral
    mediator: User
    lawyer: User
    judge: User
    victim: User
    suspect: User
    suspect_agent: User
    bureau_supervisor: User
    court_supervisor: User
    other_supervisor: User
    outsider: User

    def schedule(self, kind: str = SessionKind.MEDIATION, **overrides) -> Session:
        fields = {
            "starts_at": timezone.now() + timedelta(days=2),
            "room": "第一调解室",
            "address": "上海市松江区某路 100 号",
            "parties": list(self.referral.case.parties.all()),
            "team": list(self.referral.team.all()),
        }
        fields.update(overrides)
        return services.session_schedule(
            actor=self.mediator, referral=self.referral, kind=kind, **fields
        )

    def started(self, **overrides) -> Session:
        return services.session_start(actor=self.mediator, session=self.schedule(**overrides))


def _user(username: str, full_name: str, agency: Agency | None = None, role: str = "") -> User:
    user = accounts.user_create(
        actor=None, username=username, password=PASSWORD, full_name=full_name
    )
    if agency is not None:
        accounts.membership_add(actor=None, user=user, agency=agency, role=role)
    return user


@pytest.fixture
def cast(district, centre, screened_case, django_capture_on_commit_callbacks) -> Cast:
    bureau = accounts.agency_create(
        actor=None, kind=AgencyKind.JUDICIAL_BUREAU, name="松江区司法局", code="sjjb"
    )
    other_bureau = accounts.agency_create(
        actor=None, kind=AgencyKind.JUDICIAL_BUREAU, name="青浦区司法局", code="qpjb"
    )
    # The joint committee works under the district's judicial bureau (People's Mediation Law
    # Art. 5); accounts has no service for moving an agency, so the tree is set directly.
    Agency.objects.filter(pk=district.committee.pk).update(parent=bureau)

    case = screened_case
    suspect = case.parties.get(role="suspect")
    agent = cases.party_add(
        actor=district.officer,
        case=case,
        data=cases.PartyInput(role="agent", name="陈律师"),
        represents=suspect,
    )
    suspect_user = _user("suspect", "王强")
    agent_user = _user("agent", "陈律师")
    cases.party_link_user(actor=district.officer, party=suspect, user=suspect_user)
    cases.party_link_user(actor=district.officer, party=agent, user=agent_user)

    with django_capture_on_commit_callbacks(execute=False):
        referral = referrals.referral_send(
            actor=district.officer, case=case, centre=district.committee, reason="双方有和解意愿"
        )
    for consent in referral.consents.select_related("party"):
        if consent.party.user_id:
            referrals.referral_consent(actor=consent.party.user, consent=consent, accepted=True)
        else:
            referrals.referral_consent(
                actor=district.officer,
                consent=consent,
                accepted=True,
                method="paper",
                scan=SimpleUploadedFile("scan.pdf", b"%PDF-1.4 signed"),
            )
    referral = referrals.referral_triage(
        actor=district.coordinator, referral=referral, committee=district.committee
    )
    referral = referrals.referral_assign(
        actor=district.coordinator,
        referral=referral,
        lead=district.mediator,
        joint=[(centre["lawyer"], TeamRole.LEGAL_AID_LAWYER)],
    )
    return Cast(
        referral=referral,
        mediator=district.mediator,
        lawyer=centre["lawyer"],
        judge=district.judge,
        victim=district.victim_user,
        suspect=suspect_user,
        suspect_agent=agent_user,
        bureau_supervisor=_user("supervisor", "冯监督员", bureau, Role.SUPERVISOR),
        court_supervisor=_user("court_supervisor", "褚监督员", district.court, Role.SUPERVISOR),
        other_supervisor=_user("other_supervisor", "卫监督员", other_bureau, Role.SUPERVISOR),
        outsider=district.other_party_user,
    )
