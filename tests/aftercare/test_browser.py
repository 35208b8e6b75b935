"""In the browser: a mediator records a tense-turned-hostile home visit on a phone, and the
coordinator sees the alert on the after-care board and acknowledges it."""

from __future__ import annotations

import pytest

from concord.aftercare import services
from concord.aftercare.models import AftercareAlert
from tests.browser import screenshot
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_hostile_home_visit_reaches_the_coordinator(open_as, district, decided):
    plan = services.plan_create(actor=district.mediator, referral=decided)
    visit = plan.contacts.get(kind="visit")

    mediator = open_as("mediator", PASSWORD, phone=True)
    mediator.goto(f"/aftercare/{decided.pk}/")
    mediator.click(f"[data-testid=record-open-{visit.pk}]")
    mediator.select_option(f"[data-testid=relations-{visit.pk}]", "hostile")
    mediator.select_option(f"#payment-{visit.pk}", "no")
    mediator.fill(f"[data-testid=notes-{visit.pk}]", "上门时双方在楼道争吵，第二期赔偿未付")
    screenshot(mediator, "aftercare-record-visit-phone")
    mediator.click(f"[data-testid=record-submit-{visit.pk}]")
    mediator.wait_for_selector(".msg-success")
    assert "第二期赔偿未付" in mediator.inner_text(f"[data-testid=contact-{visit.pk}]")

    alert = AftercareAlert.objects.get()
    coordinator = open_as("coordinator", PASSWORD)
    coordinator.goto("/aftercare/")
    card = coordinator.locator(f"[data-testid=board-alert-{alert.pk}]")
    assert "回访发现敌对情绪" in card.inner_text()
    coordinator.fill(f"[data-testid=ack-note-{alert.pk}]", "安排调解员三日内再次上门调解")
    screenshot(coordinator, "aftercare-board-alert")
    coordinator.click(f"[data-testid=ack-submit-{alert.pk}]")
    coordinator.wait_for_selector("[data-testid=no-alerts]")
    alert.refresh_from_db()
    assert alert.acknowledged_by == district.coordinator
    coordinator.goto(f"/aftercare/{decided.pk}/")
    assert "安排调解员三日内再次上门调解" in coordinator.inner_text("#alerts")
    screenshot(coordinator, "aftercare-page-acknowledged")
