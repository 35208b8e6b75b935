"""The agreement pages: the mediator edits with server-side rows, the party reads and signs on
a phone, outsiders get 404, and the signed state shows the verification."""

from __future__ import annotations

import pytest
from django.utils import timezone

from concord.agreements import services
from concord.agreements.choices import AgreementState
from tests.agreements.conftest import sign_all
from tests.conftest import PASSWORD, VICTIM_ID


def _editor_post(agreement, **changes):
    data = {
        "version": agreement.version,
        "agreement_date": agreement.agreement_date.isoformat(),
        "facts": agreement.facts,
        "admission": "承认犯罪，真诚悔罪。",
        "apology": "当面道歉。",
        "understanding": "予以谅解。",
        "leniency_requested": "on",
        "confidentiality": "",
        "other_terms": "",
        "payment_mode": "instalments",
        "payment_method": "银行转账",
        "pay_by": "",
        "guarantee": "",
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "0",
        "items-0-code": "medical",
        "items-0-label": "",
        "items-0-amount": "1000",
        "items-1-code": "",
        "items-1-label": "",
        "items-1-amount": "",
        "instalments-TOTAL_FORMS": "2",
        "instalments-INITIAL_FORMS": "0",
        "instalments-0-due_on": timezone.localdate().isoformat(),
        "instalments-0-amount": "400",
        "instalments-1-due_on": "",
        "instalments-1-amount": "",
    }
    data.update(changes)
    return data


def test_the_mediator_edits_rows_and_sees_the_problems_with_their_articles(client, district, draft):
    client.force_login(district.mediator)
    response = client.post(f"/agreements/{draft.pk}/edit/", _editor_post(draft))
    assert response.status_code == 302, response.content.decode()[-3000:]
    draft.refresh_from_db()
    assert draft.version == 2 and draft.items.count() == 1 and draft.instalments.count() == 1
    page = client.get(f"/agreements/{draft.pk}/").content.decode()
    assert 'data-code="instalments.sum"' in page
    assert "各期金额合计 400.00 元，与赔偿总额 1000.00 元不符" in page
    assert "第499条" in page and 'data-testid="agreement-ready" disabled' in page
    assert "<script" not in page and "style=" not in page
    stale = client.post(f"/agreements/{draft.pk}/edit/", _editor_post(draft, version="1"))
    assert stale.status_code == 409 and "请刷新后重新编辑" in stale.content.decode()


def test_outsiders_get_404_everywhere(client, district, draft):
    client.force_login(district.other_party_user)
    for url in (
        f"/agreements/{draft.pk}/",
        f"/agreements/case/{draft.case_id}/",
        f"/agreements/{draft.pk}/pdf/signing-zh/",
    ):
        assert client.get(url).status_code == 404
    assert client.post(f"/agreements/{draft.pk}/sign/", {"password": PASSWORD}).status_code == 404
    client.force_login(district.victim_user)  # a party, but the agreement is still a draft
    assert client.get(f"/agreements/{draft.pk}/").status_code == 404


def test_the_party_reads_and_signs_then_sees_the_verified_seal(
    client, district, draft, suspect_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.agreement_ready(actor=district.mediator, agreement=draft, expected_version=1)
    client.force_login(district.victim_user)
    page = client.get(f"/agreements/case/{draft.case_id}/", follow=True).content.decode()
    assert 'data-testid="signing-pdf"' in page and 'name="id_last4"' in page
    assert "编辑协议" not in page
    pdf = client.get(f"/agreements/{draft.pk}/pdf/signing-zh/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    wrong = client.post(f"/agreements/{draft.pk}/sign/", {"password": PASSWORD, "id_last4": "9999"})
    assert wrong.status_code == 422 and "身份证号码后四位不正确" in wrong.content.decode()
    signed = client.post(
        f"/agreements/{draft.pk}/sign/",
        {"password": PASSWORD, "id_last4": VICTIM_ID[-4:]},
        HTTP_USER_AGENT="Mozilla/5.0 (iPhone)",
        REMOTE_ADDR="198.51.100.7",
    )
    assert signed.status_code == 302
    signature = draft.signatures.get()
    assert signature.ip_masked == "198.51.100.*" and signature.user_agent == "Mozilla/5.0 (iPhone)"
    draft.refresh_from_db()
    # the suspect and the mediator sign through the services; the page then shows the seal
    services.agreement_sign(
        actor=suspect_user,
        agreement=draft,
        password=PASSWORD,
        id_last4="0032",
        request_meta={},
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.agreement_sign(
            actor=district.mediator,
            agreement=draft,
            password=PASSWORD,
            id_last4="",
            request_meta={},
        )
    page = client.get(f"/agreements/{draft.pk}/").content.decode()
    assert 'data-testid="verification"' in page and "签章有效" in page
    assert client.get(f"/agreements/{draft.pk}/pdf/signed/").status_code == 200


@pytest.mark.parametrize("language", ["en"])
def test_the_pages_work_in_english(client, district, draft, language):
    client.force_login(district.mediator)
    client.post("/accounts/language/", {"language": language, "next": "/"})
    page = client.get(f"/agreements/{draft.pk}/").content.decode()
    assert "Criminal reconciliation agreement" in page
    assert "Mental-distress damages are outside what a court would award" in page


def test_sign_all_helper_reaches_signed(
    district, draft, suspect_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.agreement_ready(actor=district.mediator, agreement=draft, expected_version=1)
    draft.refresh_from_db()
    sign_all(district, draft, suspect_user, django_capture_on_commit_callbacks)
    draft.refresh_from_db()
    assert draft.state == AgreementState.SIGNED
