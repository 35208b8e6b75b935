"""The calculators over /api/v1/law/: the contract's JSON, 422 with a localised message."""

from __future__ import annotations

import json

import pytest

from concord.accounts.services import api_token_issue

SCREEN = {
    "offences": [{"article": "234"}],
    "injury_grade": "minor_2",
    "civil_dispute_origin": True,
    "prior_intentional_crime_within_5_years": False,
    "suspect_repents": True,
    "victim_willing": True,
}


@pytest.fixture
def auth(district):
    _, plain = api_token_issue(actor=district.mediator, user=district.mediator, name="t")
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def _post(client, path, body, **headers):
    return client.post(path, json.dumps(body), content_type="application/json", **headers)


def test_eligibility_over_the_api(client, auth):
    response = _post(client, "/api/v1/law/eligibility", SCREEN, **auth)
    assert response.status_code == 200
    body = response.json()
    assert body["recommended"] == "statutory_reconciliation"
    assert all(step["citations"] for step in body["trace"])


def test_compensation_over_the_api_matches_the_worked_example(client, auth):
    """compensation.md Example C1: Beijing 2023 figures, child aged 10, grade 10 → 177,300."""
    body = {
        "region": "CN-BJ",
        "as_of": "2024-06-01",
        "proceeding": "civil",
        "victim": {"age": 10},
        "disability": {"grades": [10]},
    }
    response = _post(client, "/api/v1/law/compensation", body, **auth)
    assert response.status_code == 200, response.content
    items = {i["code"]: i["amount"] for i in response.json()["items"]}
    assert items["disability"] == "177300.00"


def test_sentence_over_the_api_stays_in_the_statutory_range(client, auth):
    body = {
        "offence": {"article": "234", "injury_grade": "minor_2"},
        "factors": {"confession": True},
    }
    out = _post(client, "/api/v1/law/sentence", body, **auth).json()
    low, high = out["statutory_range_months"]
    assert low <= out["estimate_months"]["low"] <= out["estimate_months"]["high"] <= high


def test_bad_input_is_422_naming_the_field_in_chinese(client, auth):
    response = _post(client, "/api/v1/law/eligibility", {"offences": []}, **auth)
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "offences"
    assert "缺少必填项" in body["message"]


def test_bad_input_is_422_in_english_for_english_users(client, auth):
    response = _post(
        client,
        "/api/v1/law/sentence",
        {"offence": {"article": "9999"}},
        HTTP_COOKIE="concord_language=en",
        **auth,
    )
    assert response.status_code == 422
    assert response.json()["field"].startswith("offence")
    assert response.json()["message"].isascii()


def test_missing_statistics_say_which_figure_and_how_to_supply_it(client, auth):
    body = {
        "region": "CN-SH",
        "as_of": "2026-06-01",
        "proceeding": "civil",
        "victim": {"age": 30},
        "disability": {"grades": [9]},
    }
    response = _post(client, "/api/v1/law/compensation", body, **auth)
    assert response.status_code == 422
    assert response.json()["field"].startswith("parameters.")


def test_law_api_needs_authentication(client, db):
    assert _post(client, "/api/v1/law/eligibility", SCREEN).status_code == 401
