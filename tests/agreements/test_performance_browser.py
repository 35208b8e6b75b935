"""On the performance page the mediator records a payment with its receipt on a desktop, and the
victim confirms it on a phone; the next instalment, past due and unpaid, shows as overdue."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tests.agreements.test_performance import PNG, TODAY, _signed, instalment_content
from tests.browser import screenshot
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_mediator_records_a_payment_and_the_victim_confirms_it_on_a_phone(
    open_as, district, referral, suspect_user, django_capture_on_commit_callbacks, tmp_path
):
    def sign() -> object:
        try:
            return _signed(
                district,
                referral,
                suspect_user,
                django_capture_on_commit_callbacks,
                instalment_content(),
            )
        finally:
            connection.close()

    # The PAdES seal runs its own event loop, which Playwright's loop in this thread forbids.
    with ThreadPoolExecutor(max_workers=1) as pool:
        agreement = pool.submit(sign).result()
    receipt = tmp_path / "receipt.png"
    receipt.write_bytes(PNG)

    mediator = open_as(district.mediator.username, PASSWORD)
    mediator.goto(f"/agreements/{agreement.pk}/")
    mediator.click("[data-testid=payments-link]")
    mediator.fill("#id_amount", "10000.50")
    mediator.fill("#id_paid_on", TODAY.isoformat())
    mediator.select_option("#id_method", "bank_transfer")
    mediator.fill("#id_reference", "TX-20261121")
    mediator.set_input_files("#id_receipt", str(receipt))
    mediator.click("[data-testid=record]")
    mediator.wait_for_selector("[data-testid=receipt]")
    assert mediator.get_attribute("[data-testid=line-1]", "data-state") == "paid"

    victim = open_as(district.victim_user.username, PASSWORD, phone=True)
    victim.goto(f"/agreements/{agreement.pk}/payments/")
    assert victim.locator("[data-testid=record]").count() == 0
    victim.click("[data-testid=confirm]")
    victim.wait_for_selector("[data-testid=confirmed]")
    assert victim.get_attribute("[data-testid=line-1]", "data-state") == "confirmed"
    assert victim.get_attribute("[data-testid=line-2]", "data-state") == "overdue"
    assert "逾期 10 天" in victim.inner_text("[data-testid=line-2]")
    assert "第503条" in victim.inner_text("[data-testid=consequences]")
    # nothing overflows sideways on a phone except inside the scrolling table
    width = victim.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    screenshot(victim, "agreement-payments-phone")
