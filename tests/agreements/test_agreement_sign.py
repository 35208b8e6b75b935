"""Signing: each party on their own device after an identity check, then the mediator; the
centre's PAdES seal on the final PDF verifies, and changing one byte breaks it."""

from __future__ import annotations

import hashlib
import re
import time
from io import BytesIO

import pytest

from concord.agreements import pades, services
from concord.agreements.choices import AgreementState, SignerRole, SignMethod
from concord.audit.models import AuditEntry
from concord.audit.services import audit_verify
from concord.core.errors import InvalidInput, PermissionRefused, ServiceError
from concord.core.storage import blob_get
from tests.agreements.conftest import sign_all
from tests.conftest import PASSWORD, SUSPECT_ID, VICTIM_ID

META = {"ip": "203.0.113.45", "user_agent": "x" * 500}


@pytest.fixture
def ready(district, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.agreement_ready(actor=district.mediator, agreement=draft, expected_version=1)
    draft.refresh_from_db()
    return draft


def test_both_parties_then_the_mediator_sign_and_the_centre_seals(
    district, ready, suspect_user, django_capture_on_commit_callbacks
):
    started = time.perf_counter()
    sign_all(district, ready, suspect_user, django_capture_on_commit_callbacks)
    elapsed = time.perf_counter() - started
    ready.refresh_from_db()
    assert ready.state == AgreementState.SIGNED
    signatures = list(ready.signatures.order_by("id"))
    assert [s.role for s in signatures] == [
        SignerRole.PARTY,
        SignerRole.PARTY,
        SignerRole.MEDIATOR,
        SignerRole.COMMITTEE_SEAL,
    ]
    victim, suspect, mediator, seal = signatures
    assert victim.method == SignMethod.PASSWORD_ID4 and mediator.method == SignMethod.PASSWORD
    # each signer signed the exact bytes of the signing copy
    signing_copy = blob_get(ready.signing_pdf_sha256)
    assert victim.pdf_sha256 == hashlib.sha256(signing_copy).hexdigest() == suspect.pdf_sha256
    assert victim.ip_masked == "203.0.113.*" and len(victim.user_agent) == 200
    assert victim.evidence == {"password": True, "id_last4": True}
    assert seal.pdf_sha256 == ready.signed_pdf_sha256 and ready.sealed_at is not None
    assert AuditEntry.objects.filter(action="agreement.sign").count() == 3
    assert AuditEntry.objects.filter(action="agreement.seal").count() == 1
    assert audit_verify() is None
    print(f"three signatures and the seal (render + PAdES): {elapsed:.2f}s")


def test_the_sealed_pdf_verifies_and_one_changed_byte_fails_it(
    district, ready, suspect_user, django_capture_on_commit_callbacks
):
    sign_all(district, ready, suspect_user, django_capture_on_commit_callbacks)
    ready.refresh_from_db()
    signed = blob_get(ready.signed_pdf_sha256)
    result = pades.agreement_verify(signed)
    assert result.valid is True and result.intact is True and result.trusted is True
    assert "Mediation Centre Seal" in result.signer and result.signed_at is not None
    # One byte inside the signed range: the first content stream's data.
    start = signed.index(b"stream\n") + len(b"stream\n") + 10
    byte_range = [int(n) for n in re.search(rb"/ByteRange \[([\d ]+)\]", signed).group(1).split()]
    assert start < byte_range[1]  # inside the first signed range
    tampered = bytearray(signed)
    tampered[start] ^= 0x01
    broken = pades.agreement_verify(bytes(tampered))
    assert broken.valid is False and broken.intact is False and broken.reason == "tampered"


def test_a_later_revision_that_changes_the_content_is_detected(
    district, ready, suspect_user, django_capture_on_commit_callbacks
):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    sign_all(district, ready, suspect_user, django_capture_on_commit_callbacks)
    ready.refresh_from_db()
    writer = IncrementalPdfFileWriter(BytesIO(blob_get(ready.signed_pdf_sha256)))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 700 Td (PAID 0) Tj ET")
    page["/Contents"] = writer.add_object(stream)
    writer.update_container(page)
    out = BytesIO()
    writer.write(out)
    result = pades.agreement_verify(out.getvalue())
    assert result.valid is False and result.intact is True and result.reason == "modified"


def test_a_wrong_password_or_id_is_refused_audited_and_locks_after_five(district, ready):
    for _ in range(3):
        with pytest.raises(InvalidInput) as caught:
            services.agreement_sign(
                actor=district.victim_user,
                agreement=ready,
                password="wrong",
                id_last4=VICTIM_ID[-4:],
                request_meta=META,
            )
        assert caught.value.field == "password"
    for _ in range(2):
        with pytest.raises(InvalidInput) as caught:
            services.agreement_sign(
                actor=district.victim_user,
                agreement=ready,
                password=PASSWORD,
                id_last4="0000",
                request_meta=META,
            )
        assert caught.value.field == "id_last4"
    assert AuditEntry.objects.filter(action="agreement.sign_refused").count() == 5
    with pytest.raises(ServiceError) as caught:
        services.agreement_sign(
            actor=district.victim_user,
            agreement=ready,
            password=PASSWORD,
            id_last4=VICTIM_ID[-4:],
            request_meta=META,
        )
    assert caught.value.code == "locked"
    assert not ready.signatures.exists()


def test_parties_sign_only_their_own_line_once_and_the_mediator_signs_last(
    district, ready, suspect_user
):
    with pytest.raises(ServiceError) as caught:
        services.agreement_sign(
            actor=district.mediator,
            agreement=ready,
            password=PASSWORD,
            id_last4="",
            request_meta=META,
        )
    assert caught.value.code == "parties_first"
    with pytest.raises(InvalidInput):  # the suspect cannot use the victim's ID digits
        services.agreement_sign(
            actor=suspect_user,
            agreement=ready,
            password=PASSWORD,
            id_last4=VICTIM_ID[-4:],
            request_meta=META,
        )
    with pytest.raises(PermissionRefused):
        services.agreement_sign(
            actor=district.officer,
            agreement=ready,
            password=PASSWORD,
            id_last4=SUSPECT_ID[-4:],
            request_meta=META,
        )
    services.agreement_sign(
        actor=suspect_user,
        agreement=ready,
        password=PASSWORD,
        id_last4=SUSPECT_ID[-4:],
        request_meta=META,
    )
    ready.refresh_from_db()
    assert ready.state == AgreementState.SIGNING
    with pytest.raises(ServiceError) as caught:
        services.agreement_sign(
            actor=suspect_user,
            agreement=ready,
            password=PASSWORD,
            id_last4=SUSPECT_ID[-4:],
            request_meta=META,
        )
    assert caught.value.code == "already_signed"
    with pytest.raises(ServiceError) as caught:  # signing started: no more edits
        services.agreement_update(
            actor=district.mediator, agreement=ready, expected_version=ready.version, facts="改"
        )
    assert caught.value.code == "not_editable"


def test_a_draft_cannot_be_signed(district, draft):
    with pytest.raises(ServiceError) as caught:
        services.agreement_sign(
            actor=district.victim_user,
            agreement=draft,
            password=PASSWORD,
            id_last4=VICTIM_ID[-4:],
            request_meta=META,
        )
    assert caught.value.code == "not_signable"


def test_ip_addresses_keep_only_the_network():
    assert services.mask_ip("203.0.113.45") == "203.0.113.*"
    assert services.mask_ip("2001:db8:1:2:3:4:5:6") == "2001:0db8:0001:0002::*"
    assert services.mask_ip("not an address") == ""


def test_the_signed_agreement_is_the_referrals_settled_outcome(
    district, ready, suspect_user, django_capture_on_commit_callbacks
):
    """The mediator's signature completes the agreement; the referral records it as settled,
    with the agreed total, and the case moves to 'agreement signed'."""
    referral = ready.referral
    sign_all(district, ready, suspect_user, django_capture_on_commit_callbacks)
    referral.refresh_from_db()
    ready.refresh_from_db()
    assert referral.state == "settled" and referral.outcome == "settled"
    assert referral.agreed_amount == ready.total
    assert f"{ready.total:.2f}" in referral.agreement_summary
    referral.case.refresh_from_db()
    assert referral.case.state == "agreement_signed"
