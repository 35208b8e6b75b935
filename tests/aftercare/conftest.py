"""A referral driven through the services to the agency's decision on a settlement."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from concord.referrals import services as referrals
from concord.referrals.choices import Decision


def drive_to_feedback(district, case, capture, *, settled=True):
    with capture(execute=False):
        referral = referrals.referral_send(
            actor=district.officer, case=case, centre=district.committee, reason="双方有和解意愿"
        )
    for consent in referral.consents.select_related("party"):
        if consent.party.user_id == district.victim_user.pk:
            referrals.referral_consent(actor=district.victim_user, consent=consent, accepted=True)
        else:
            referrals.referral_consent(
                actor=district.officer,
                consent=consent,
                accepted=True,
                method="paper",
                scan=SimpleUploadedFile("scan.pdf", b"%PDF-1.4 scanned signature page"),
            )
    referral = referrals.referral_triage(
        actor=district.coordinator, referral=referral, committee=district.committee
    )
    referral = referrals.referral_assign(
        actor=district.coordinator, referral=referral, lead=district.mediator
    )
    if settled:
        referral = referrals.referral_outcome(
            actor=district.mediator,
            referral=referral,
            settled=True,
            agreement_summary="赔礼道歉并分三期赔偿",
            amount=Decimal("30000.00"),
        )
    else:
        referral = referrals.referral_outcome(
            actor=district.mediator, referral=referral, settled=False, note="赔偿数额差距过大"
        )
    with capture(execute=False):
        return referrals.referral_feedback(actor=district.mediator, referral=referral)


@pytest.fixture
def decided(district, centre, screened_case, django_capture_on_commit_callbacks):
    """A settled referral the police have decided on (leniency suggestion)."""
    referral = drive_to_feedback(district, screened_case, django_capture_on_commit_callbacks)
    return referrals.referral_decide(
        actor=district.officer,
        referral=referral,
        decision=Decision.LENIENCY_SUGGESTION,
        note="建议从宽",
    )
