"""The calculators in a real browser: the public page on a phone, and on a case."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import login, screenshot
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_party_uses_the_public_calculators_on_a_phone(phone_page, db):
    page = phone_page
    page.goto("/law/")
    page.select_option("#id_eligibility-offence", "234")
    page.select_option("#id_eligibility-injury_grade", "minor_2")
    page.select_option("#id_eligibility-civil_dispute_origin", "true")
    page.select_option("#id_eligibility-prior_intentional_crime_within_5_years", "false")
    page.select_option("#id_eligibility-suspect_repents", "true")
    page.select_option("#id_eligibility-victim_willing", "true")
    page.get_by_test_id("run-eligibility").click()
    expect(page.get_by_test_id("recommended")).to_contain_text("刑事和解")
    screenshot(page, "law-public-phone-zh")

    page.select_option("#id_sentence-offence", "234")
    page.select_option("#id_sentence-injury_grade", "minor_2")
    page.check("input[name=sentence-factors][value=confession]")
    page.get_by_test_id("run-sentence").click()
    expect(page.get_by_test_id("scenario-reconciliation")).to_be_visible()
    page.get_by_test_id("lang-switch").click()
    expect(page.locator("h1")).to_contain_text("Law calculators")
    screenshot(page, "law-public-phone-en")


def test_mediator_runs_the_sentence_estimate_on_a_case(page, district):
    case = district.register()
    login(page, "officer", PASSWORD)
    page.goto(f"/cases/{case.pk}/")
    expect(page.get_by_test_id("screening-recommended")).not_to_be_empty()
    page.get_by_test_id("open-law").click()
    expect(page.locator("#id_sentence-offence")).to_have_value("234")
    page.check("input[name=sentence-factors][value=compensated]")
    page.check("input[name=sentence-factors][value=victim_understanding]")
    page.get_by_test_id("run-sentence").click()
    expect(page.locator(".messages")).to_contain_text("测算结果已保存")
    expect(page.locator("#sentence [data-testid=scenario-as_is]")).to_be_visible()
    screenshot(page, "case-law-zh")
