"""The after-care page and board: who sees what, and the writes through the forms."""

from __future__ import annotations

import pytest
from django.urls import reverse

from concord.aftercare import services
from concord.aftercare.models import AftercareAlert, FollowUpPlan


@pytest.fixture
def planned(district, decided):
    plan = services.plan_create(actor=district.mediator, referral=decided)
    services.followup_record(
        actor=district.mediator,
        contact=plan.contacts.first(),
        reached=True,
        relations="tense",
        notes="被害人仍有怨气（内部记录）",
    )
    return plan


def test_outsiders_get_404_on_every_after_care_url(client, district, planned):
    referral = planned.referral
    contact = planned.contacts.last()
    client.force_login(district.other_officer)
    assert client.get(reverse("aftercare:page", args=[referral.pk])).status_code == 404
    assert client.get(reverse("aftercare:case", args=[referral.case_id])).status_code == 404
    for name, args in [
        ("aftercare:plan_create", [referral.pk]),
        ("aftercare:contact_record", [referral.pk, contact.pk]),
        ("aftercare:recurrence", [referral.pk]),
    ]:
        assert client.post(reverse(name, args=args), {"summary": "x"}).status_code == 404
    client.force_login(district.other_party_user)
    assert client.get(reverse("aftercare:page", args=[referral.pk])).status_code == 404


def test_staff_see_notes_and_parties_see_only_the_schedule(client, district, planned):
    url = reverse("aftercare:page", args=[planned.referral.pk])
    for staff in (district.mediator, district.coordinator, district.officer):
        client.force_login(staff)
        body = client.get(url).content.decode()
        assert "被害人仍有怨气" in body and "国家司法救助" in body, staff
    client.force_login(district.victim_user)
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "被害人仍有怨气" not in body and "关系紧张" not in body
    assert "国家司法救助" not in body and "法律援助" in body
    assert (
        client.post(
            reverse("aftercare:recurrence", args=[planned.referral.pk]), {"summary": "x"}
        ).status_code
        == 404
    )


def test_the_case_link_leads_to_the_settled_referral(client, district, planned):
    client.force_login(district.officer)
    response = client.get(reverse("aftercare:case", args=[planned.referral.case_id]))
    assert response.status_code == 302
    assert response.url == reverse("aftercare:page", args=[planned.referral.pk])


def test_the_page_creates_a_plan_and_records_a_hostile_contact(client, district, decided):
    client.force_login(district.mediator)
    page = reverse("aftercare:page", args=[decided.pk])
    assert "生成回访计划" in client.get(page).content.decode()
    client.post(reverse("aftercare:plan_create", args=[decided.pk]))
    plan = FollowUpPlan.objects.get(referral=decided)
    contact = plan.contacts.first()
    client.post(
        reverse("aftercare:contact_record", args=[decided.pk, contact.pk]),
        {"reached": "yes", "relations": "hostile", "payment_on_track": "no", "notes": "争吵"},
    )
    alert = AftercareAlert.objects.get()
    client.force_login(district.coordinator)
    board = client.get(reverse("aftercare:board")).content.decode()
    assert f'data-testid="board-alert-{alert.pk}"' in board
    client.post(
        reverse("aftercare:alert_acknowledge", args=[decided.pk, alert.pk]),
        {"note": "已安排再次调解", "next": "board"},
    )
    alert.refresh_from_db()
    assert alert.acknowledgement == "已安排再次调解"


def test_the_page_says_which_wage_figure_is_missing(client, district, decided):
    client.force_login(district.officer)
    victim = decided.case.parties.get(role="victim")
    client.post(
        reverse("aftercare:aid_apply", args=[decided.pk, victim.pk]),
        {
            "applied_on": "2026-11-01",
            "category": "injured_unpaid",
            "requested_amount": "50000",
            "court_awardable": "90000",
        },
    )
    body = client.get(reverse("aftercare:page", args=[decided.pk])).content.decode()
    assert "平台尚未登记 CN-SH 上一年度职工月平均工资" in body
    assert "无法计算，缺少：CN-SH 上一年度职工月平均工资" in body
