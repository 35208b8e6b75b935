"""The pages: my documents on a phone, downloads (audited), signing for, the outbox, and the
case page's document list. Anyone the document is not for gets 404."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from concord.audit.models import AuditEntry
from concord.documents import selectors
from concord.documents.services import Recipient
from tests.conftest import PASSWORD


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def case(district):
    return district.register(victim_user=district.victim_user)


@pytest.fixture
def notice(district, case, issue):
    document = issue(
        case,
        recipients=[Recipient(party=case.parties.get(role="victim"))],
        languages=("zh-hans", "en"),
    )
    return document.versions.get()


def test_the_victim_finds_the_notice_in_their_inbox(client, district, notice):
    response = login(client, district.victim_user).get(reverse("documents:inbox"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "案件委托人民调解告知书" in page
    assert notice.document.case.number in page
    assert 'data-testid="acknowledge"' in page
    assert "<script" not in page and "style=" not in page


def test_inbox_of_someone_else_is_empty(client, district, notice):
    response = login(client, district.other_party_user).get(reverse("documents:inbox"))
    assert 'data-testid="inbox-empty"' in response.content.decode()


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF"), ("docx", b"PK")])
def test_the_recipient_downloads_and_the_read_is_audited(client, district, notice, fmt, magic):
    url = reverse(f"documents:{fmt}", kwargs={"version_id": notice.pk})
    response = login(client, district.victim_user).get(url + "?lang=en")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(magic)
    entry = AuditEntry.objects.filter(action="document.read").get()
    assert entry.actor == district.victim_user
    assert entry.detail == {"version": notice.pk, "format": fmt, "language": "en"}


def test_the_holding_agency_downloads_too(client, district, notice):
    url = reverse("documents:pdf", kwargs={"version_id": notice.pk})
    assert login(client, district.officer).get(url).status_code == 200


@pytest.mark.parametrize("who", ["other_officer", "other_party_user", "mediator"])
def test_others_get_404_on_download(client, district, notice, who):
    url = reverse("documents:pdf", kwargs={"version_id": notice.pk})
    assert login(client, getattr(district, who)).get(url).status_code == 404
    assert not AuditEntry.objects.filter(action="document.read").exists()


def test_acknowledging_records_the_time(client, district, notice):
    receipt = notice.receipts.get()
    url = reverse("documents:acknowledge", kwargs={"receipt_id": receipt.pk})
    response = login(client, district.victim_user).post(url)
    assert response.status_code == 302
    receipt.refresh_from_db()
    assert receipt.acknowledged_at is not None
    page = client.get(reverse("documents:inbox")).content.decode()
    assert 'data-testid="acknowledged-at"' in page


@pytest.mark.parametrize("who", ["other_officer", "other_party_user", "officer"])
def test_others_get_404_on_acknowledge(client, district, notice, who):
    receipt = notice.receipts.get()
    url = reverse("documents:acknowledge", kwargs={"receipt_id": receipt.pk})
    assert login(client, getattr(district, who)).post(url).status_code == 404
    receipt.refresh_from_db()
    assert receipt.acknowledged_at is None


def test_acknowledge_is_post_only(client, district, notice):
    receipt = notice.receipts.get()
    url = reverse("documents:acknowledge", kwargs={"receipt_id": receipt.pk})
    assert login(client, district.victim_user).get(url).status_code == 405


def test_coordinator_reads_the_outbox_with_masked_addresses(client, district, notice):
    response = login(client, district.coordinator).get(reverse("documents:outbox"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "138****5678" in page
    assert "13812345678" not in page


@pytest.mark.parametrize("who", ["victim_user", "officer", "mediator"])
def test_outbox_is_404_for_others(client, district, who):
    response = login(client, getattr(district, who)).get(reverse("documents:outbox"))
    assert response.status_code == 404


def test_pages_need_a_login(client, notice):
    response = client.get(reverse("documents:inbox"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_case_page_partial_lists_versions_and_receipts(rf, district, case, notice):
    documents = selectors.case_documents(district.officer, case)
    html = render_to_string("documents/_case_documents.html", {"documents": documents})
    assert "案件委托人民调解告知书" in html
    assert reverse("documents:pdf", kwargs={"version_id": notice.pk}) in html
    assert 'data-testid="receipts-status"' in html
    assert "0/1" in html
