"""The referral journey in the browser, each step taken by the person whose job it is."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from concord.cases.models import Case
from concord.referrals.models import Referral
from tests.browser import screenshot
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCAN = {
    "name": "signed.pdf",
    "mimeType": "application/pdf",
    "buffer": b"%PDF-1.4 signed application and confidentiality agreement",
}


def refer_from_case_page(page, case_id: int) -> int:
    page.goto(f"/cases/{case_id}/")
    page.get_by_test_id("action-screen").click()
    page.get_by_test_id("action-refer").click()
    page.select_option("#id_centre", label="松江区联合人民调解委员会")
    page.fill("#id_reason", "双方均有调解意愿")
    page.get_by_test_id("send-referral").click()
    expect(page.get_by_test_id("referral-state")).to_have_text("已发送，待分流")
    return int(page.url.rstrip("/").rsplit("/", 1)[-1])


def parties_answer(victim, staff, referral_id: int) -> None:
    victim.goto(f"/referrals/{referral_id}/")
    victim.check("input[name=accepted][value=yes]")
    victim.get_by_test_id("consent-submit").click()
    expect(victim.locator(".messages")).to_contain_text("答复已记录")
    staff.goto(f"/referrals/{referral_id}/")
    form = staff.get_by_test_id("paper-consent-suspect")
    form.locator("input[name=scan]").set_input_files(SCAN)
    form.locator("button[type=submit]").click()
    expect(staff.locator(".messages")).to_contain_text("答复已记录")


def triage_and_assign(coordinator, referral_id: int) -> None:
    coordinator.goto("/referrals/triage/")
    coordinator.get_by_test_id(f"tile-{referral_id}").get_by_role("link").click()
    coordinator.get_by_test_id("triage-submit").click()
    expect(coordinator.get_by_test_id("referral-state")).to_have_text("已分流，待指派")
    screenshot(coordinator, "referral-assign-zh")
    coordinator.get_by_test_id("assign-submit").click()
    expect(coordinator.get_by_test_id("referral-state")).to_have_text("已指派调解员")


def test_police_referral_settles_and_the_police_decide(open_as, district, centre):
    case = district.register(victim_user=district.victim_user)
    officer = open_as("officer", PASSWORD)
    referral_id = refer_from_case_page(officer, case.pk)

    victim = open_as("victim", PASSWORD, phone=True)
    victim.get_by_test_id("nav-inbox").click()
    expect(victim.get_by_test_id("inbox-item")).to_have_count(3)  # notice, application, NDA
    parties_answer(victim, officer, referral_id)
    victim.get_by_test_id("legal-aid-apply").click()  # a victim may ask for a legal-aid lawyer
    expect(victim.locator(".messages")).to_contain_text("法律援助申请已提交")
    screenshot(victim, "referral-victim-phone-zh")

    coordinator = open_as("coordinator", PASSWORD)
    triage_and_assign(coordinator, referral_id)

    mediator = open_as("mediator", PASSWORD)
    mediator.goto("/referrals/queue/")
    mediator.get_by_role("link", name=Referral.objects.get(pk=referral_id).number).click()
    mediator.check("input[name=settled][value=yes]")
    mediator.fill("#id_agreement_summary", "王强赔礼道歉，一次性赔偿李明医疗费等共计三万元")
    mediator.fill("#id_amount", "30000")
    mediator.get_by_test_id("outcome-submit").click()
    expect(mediator.get_by_test_id("outcome")).to_have_text("调解成功")
    mediator.get_by_test_id("feedback-submit").click()
    expect(mediator.get_by_test_id("referral-state")).to_have_text("已反馈办案机关")

    officer.goto(f"/referrals/{referral_id}/")
    officer.select_option("#id_decision", "leniency_suggestion")
    officer.get_by_test_id("decide-submit").click()
    expect(officer.get_by_test_id("decision")).to_contain_text("从宽处理建议")
    officer.goto(f"/cases/{case.pk}/")
    expect(officer.get_by_test_id("case-state")).to_have_text("调解成功")
    # the contact letter, three documents for each of the two parties, the feedback letter
    expect(officer.get_by_test_id("case-document")).to_have_count(8)
    for title in (
        "人民调解申请书",
        "刑事（附带民事）案件委托人民调解联系函",
        "案件委托人民调解告知书",
        "调解结果反馈函",
        "保密协议",
    ):
        expect(officer.get_by_test_id("case-documents")).to_contain_text(title)
    screenshot(officer, "referral-settled-case-zh")
    assert Case.objects.get(pk=case.pk).state == "settled"


def test_failed_mediation_is_referred_again_at_the_procuratorate(open_as, district, centre):
    case = district.register(victim_user=district.victim_user)
    officer = open_as("officer", PASSWORD)
    first = refer_from_case_page(officer, case.pk)
    victim = open_as("victim", PASSWORD)
    parties_answer(victim, officer, first)
    coordinator = open_as("coordinator", PASSWORD)
    triage_and_assign(coordinator, first)

    mediator = open_as("mediator", PASSWORD)
    mediator.goto(f"/referrals/{first}/")
    mediator.check("input[name=settled][value=no]")
    mediator.fill("#id_note", "赔偿金额分歧过大")
    mediator.get_by_test_id("outcome-submit").click()
    mediator.get_by_test_id("feedback-submit").click()

    officer.goto(f"/referrals/{first}/")
    officer.select_option("#id_decision", "continue")
    officer.get_by_test_id("decide-submit").click()
    officer.goto(f"/cases/{case.pk}/")
    expect(officer.get_by_test_id("case-state")).to_have_text("调解不成")
    officer.select_option("[data-testid=transfer-to]", label="松江区人民检察院")
    officer.get_by_test_id("action-transfer").click()
    expect(officer.locator(".messages")).to_contain_text("案件已移送")

    prosecutor = open_as("prosecutor", PASSWORD)
    prosecutor.goto(f"/cases/{case.pk}/")
    prosecutor.get_by_test_id("action-rescreen").click()
    prosecutor.get_by_test_id("action-refer").click()
    prosecutor.select_option("#id_centre", label="松江区联合人民调解委员会")
    prosecutor.get_by_test_id("send-referral").click()
    expect(prosecutor.get_by_test_id("referral-state")).to_have_text("已发送，待分流")
    second = Referral.objects.exclude(pk=first).get(case=case)
    assert second.stage == "prosecution" and second.from_agency == district.procuratorate
