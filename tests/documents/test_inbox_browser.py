"""On a phone, the victim opens the inbox, opens the notice and signs for it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from concord.documents.services import Recipient
from tests.browser import login, screenshot
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_party_signs_for_a_notice_on_a_phone(phone_page, district, issue):
    case = district.register(victim_user=district.victim_user)
    victim = case.parties.get(role="victim")
    issue(case, recipients=[Recipient(party=victim)], languages=("zh-hans", "en"))
    page = phone_page
    login(page, district.victim_user.username, PASSWORD)
    page.goto("/documents/inbox/")
    item = page.get_by_test_id("inbox-item")
    expect(item).to_have_count(1)
    expect(item).to_contain_text("案件委托人民调解告知书")
    expect(item.get_by_test_id("receipt-state")).to_have_text("待签收")
    # The buttons fit the phone's width: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    with page.expect_response(lambda r: "/pdf" in r.url) as pdf:
        page.evaluate(
            "url => fetch(url).then(r => r.status)",
            item.get_by_test_id("download-pdf-zh-hans").get_attribute("href"),
        )
    assert pdf.value.status == 200
    assert pdf.value.headers["content-type"] == "application/pdf"
    screenshot(page, "documents-inbox-phone")
    item.get_by_test_id("acknowledge").click()
    expect(page.locator(".messages")).to_contain_text("已签收")
    expect(item.get_by_test_id("receipt-state")).to_have_text("已签收")
    expect(item.get_by_test_id("acknowledged-at")).to_be_visible()
    receipt = case.issued_documents.get().versions.get().receipts.get(party=victim)
    assert receipt.acknowledged_at is not None
