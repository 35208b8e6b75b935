"""The public calculators page, the parameters page and the calculators on a case."""

from __future__ import annotations

from django.urls import reverse

from concord.cases import services
from concord.cases.models import LawResult
from tests.conftest import PASSWORD


def test_public_page_screens_without_login(client, db):
    response = client.post(
        reverse("calculators:page"),
        {
            "kind": "eligibility",
            "eligibility-offence": "234",
            "eligibility-injury_grade": "minor_2",
            "eligibility-civil_dispute_origin": "true",
            "eligibility-prior_intentional_crime_within_5_years": "false",
            "eligibility-suspect_repents": "true",
            "eligibility-victim_willing": "true",
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "刑事和解（刑事诉讼法第288条）" in text
    assert "CPL" in text  # citations are shown


def test_public_page_reports_missing_figures_with_422(client, db):
    response = client.post(
        reverse("calculators:page"),
        {
            "kind": "compensation",
            "compensation-region": "CN-SH",
            "compensation-proceeding": "civil",
            "compensation-victim_age": "30",
            "compensation-disability_grades": ["9"],
        },
    )
    assert response.status_code == 422
    assert "统计数据" in response.content.decode()


def test_parameters_page_lists_sources_and_marks(client, db):
    response = client.get(reverse("calculators:parameters"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "compensation.age_schedule" in text and "PI-2022" in text


def test_registering_a_case_screens_it_and_keeps_the_result(district):
    case = district.register()
    result = case.law_results.get(kind="eligibility")
    assert result.input["offences"] == [{"article": "234", "tier": 1}]
    assert result.output_zh["recommended"] and result.trace_en


def test_changed_facts_rescreen_and_keep_the_old_result(district):
    case = district.register()
    first = case.law_results.get(kind="eligibility")
    services.case_update(
        actor=district.officer,
        case=case,
        expected_version=case.version,
        suspect_repents=True,
        victim_willing=True,
    )
    results = list(case.law_results.filter(kind="eligibility"))
    assert len(results) == 2 and results[-1] == first
    assert "suspect_repents" in first.output_en["needs"]
    assert "suspect_repents" not in results[0].output_en["needs"]
    assert "victim_willing" not in results[0].output_en["needs"]


def test_unchanged_facts_do_not_store_again(district):
    case = district.register()
    from concord.cases.rules import screening_refresh

    screening_refresh(actor=district.officer, case=case)
    assert case.law_results.filter(kind="eligibility").count() == 1


def test_case_law_page_is_prefilled_and_stores_a_sentence_estimate(client, district):
    case = district.register()
    client.login(username="officer", password=PASSWORD)
    page = client.get(reverse("cases:law", args=[case.pk]))
    assert page.status_code == 200
    assert page.context["forms"]["sentence"].initial["offence"] == "234"
    response = client.post(
        reverse("cases:law", args=[case.pk]),
        {
            "kind": "sentence",
            "sentence-offence": "234",
            "sentence-injury_grade": "minor_2",
            "sentence-factors": ["confession", "compensated", "victim_understanding"],
        },
    )
    assert response.status_code == 302
    stored = case.law_results.get(kind=LawResult.Kind.SENTENCE)
    assert stored.computed_by == district.officer
    printed = client.get(reverse("cases:law_print", args=[case.pk, stored.pk]))
    assert printed.status_code == 200 and "从宽幅度预估" in printed.content.decode()


def test_case_law_page_is_404_for_outsiders(client, district):
    case = district.register()
    client.login(username="other_officer", password=PASSWORD)
    assert client.get(reverse("cases:law", args=[case.pk])).status_code == 404
    result = case.law_results.first()
    assert client.get(reverse("cases:law_print", args=[case.pk, result.pk])).status_code == 404
