"""An assigned referral of the shared district's case, both parties with accounts, and a
complete criminal reconciliation agreement's content."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from concord.accounts import services as accounts
from concord.agreements import services
from concord.cases import services as cases
from concord.referrals import services as referrals
from tests.conftest import PASSWORD, SUSPECT_ID, VICTIM_ID


@pytest.fixture
def suspect_user(district):
    return accounts.user_create(actor=None, username="suspect", password=PASSWORD, full_name="王强")


@pytest.fixture
def referral(district, centre, screened_case, suspect_user, django_capture_on_commit_callbacks):
    suspect = screened_case.parties.get(role="suspect")
    cases.party_link_user(actor=district.officer, party=suspect, user=suspect_user)
    with django_capture_on_commit_callbacks(execute=False):
        sent = referrals.referral_send(
            actor=district.officer, case=screened_case, centre=district.committee
        )
    for consent in sent.consents.select_related("party"):
        user = consent.party.user
        referrals.referral_consent(actor=user, consent=consent, accepted=True)
    sent = referrals.referral_triage(
        actor=district.coordinator, referral=sent, committee=district.committee
    )
    return referrals.referral_assign(
        actor=district.coordinator, referral=sent, lead=district.mediator
    )


def complete_content(**changes) -> dict:
    today = timezone.localdate()
    content = {
        "facts": "因停车纠纷发生口角，王强推搡致李明轻伤二级。",
        "admission": "王强承认推搡李明致其受伤，对指控无异议，真诚悔罪。",
        "apology": "王强当面向李明赔礼道歉。",
        "understanding": "李明接受道歉和赔偿，对王强予以谅解。",
        "leniency_requested": True,
        "confidentiality": "各方对赔偿数额保密。",
        "payment_method": "银行转账",
        "pay_by": today + timedelta(days=7),
        "items": [
            {"code": "medical", "label": "", "amount": Decimal("12000.00")},
            {"code": "lost_income", "label": "", "amount": Decimal("8000.50")},
            {"code": "mental_distress", "label": "", "amount": Decimal("10000")},
        ],
    }
    content.update(changes)
    return content


@pytest.fixture
def draft(district, referral):
    return services.agreement_draft(
        actor=district.mediator, case=referral.case, referral=referral, **complete_content()
    )


def sign_all(district, agreement, suspect_user, capture):
    """Both parties sign, then the mediator; the centre's seal runs after commit."""
    meta = {"ip": "203.0.113.45", "user_agent": "Mozilla/5.0 (iPhone) " + "x" * 300}
    services.agreement_sign(
        actor=district.victim_user,
        agreement=agreement,
        password=PASSWORD,
        id_last4=VICTIM_ID[-4:].lower(),
        request_meta=meta,
    )
    services.agreement_sign(
        actor=suspect_user,
        agreement=agreement,
        password=PASSWORD,
        id_last4=SUSPECT_ID[-4:],
        request_meta=meta,
    )
    with capture(execute=True):
        return services.agreement_sign(
            actor=district.mediator,
            agreement=agreement,
            password=PASSWORD,
            id_last4="",
            request_meta=meta,
        )
