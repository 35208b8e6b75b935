"""A police officer registers a case and finds it; a party cannot open someone else's case."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser import login, screenshot
from tests.conftest import PASSWORD, VICTIM_ID

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_registers_finds_opens_and_switches_language(page, district):
    login(page, "officer", PASSWORD)
    expect(page.locator("h1")).to_have_text("我的案件")
    page.get_by_test_id("register-case").click()

    # A bad ID number is refused with a message in Chinese, and nothing is registered.
    page.select_option("#id_kind", "minor_criminal")
    page.fill("#id_title", "周某故意伤害案")
    page.select_option("#id_offence", "234")
    page.fill("#id_occurred_on", "2025-03-14")
    page.fill("#id_place", "松江区方松街道")
    page.fill("#id_facts", "因琐事发生争执，周某拳击被害人面部致鼻骨骨折。")
    page.select_option("#id_injury_grade", "minor_2")
    page.fill("#id_victim_name", "吴芳")
    page.fill("#id_victim_id_number", "310117199003150011")
    page.fill("#id_victim_phone", "13912345678")
    page.fill("#id_suspect_name", "周斌")
    page.click("button[type=submit].primary")
    expect(page.locator(".field.has-error .error")).to_contain_text("校验位")
    screenshot(page, "register-error-zh")

    page.fill("#id_victim_id_number", VICTIM_ID)
    page.click("button[type=submit].primary")
    expect(page.locator(".messages")).to_contain_text("案件已登记")
    number = page.get_by_test_id("case-number").inner_text()
    expect(page.get_by_test_id("case-state")).to_have_text("已登记")
    # Personal data is masked on screen.
    expect(page.get_by_test_id("id-masked").first).to_have_text("310***********001X")
    assert VICTIM_ID not in page.content()
    screenshot(page, "case-zh")

    page.goto("/cases/")
    page.fill("#id_q", "周某")
    page.click(".filters button[type=submit]")
    expect(page.locator("table.cases tbody tr")).to_have_count(1)
    page.get_by_role("link", name=number).click()
    expect(page.locator("h1")).to_have_text("周某故意伤害案")

    page.get_by_test_id("lang-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Parties")).to_be_visible()
    expect(page.get_by_test_id("case-state")).to_have_text("Registered")
    screenshot(page, "case-en")
    # The choice sticks across pages.
    page.goto("/cases/")
    expect(page.locator("h1")).to_have_text("My cases")

    page.get_by_test_id("lang-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.locator("h1")).to_have_text("我的案件")


def test_party_cannot_open_someone_elses_case(page, district):
    own = district.register(victim_user=district.victim_user)
    other = district.register(title="别人的案件")
    login(page, "victim", PASSWORD)
    expect(page.locator("table.cases tbody tr")).to_have_count(1)
    page.goto(f"/cases/{own.pk}/")
    expect(page.locator("h1")).to_have_text(own.title)
    response = page.goto(f"/cases/{other.pk}/")
    assert response.status == 404
    assert "别人的案件" not in page.content()


def test_case_list_works_on_a_phone(phone_page, district):
    district.register()
    login(phone_page, "officer", PASSWORD)
    row = phone_page.locator("table.cases tbody tr").first
    expect(row).to_be_visible()
    box = row.bounding_box()
    assert box is not None and box["width"] <= 390
    screenshot(phone_page, "list-phone-zh")
    assert re.search(r"王某故意伤害案", phone_page.content())
