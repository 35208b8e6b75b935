"""The cases API: same permissions as the pages, token or session auth, JSON errors."""

from __future__ import annotations

import json

import pytest

from concord.accounts.services import api_token_issue
from concord.cases.models import Case
from tests.conftest import PASSWORD, VICTIM_ID


@pytest.fixture
def token_for(district):
    def issue(user):
        _, plain = api_token_issue(actor=user, user=user, name="test")
        return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}

    return issue


NEW_CASE = {
    "agency": "sjpol",
    "kind": "minor_criminal",
    "title": "陈某故意伤害案",
    "facts": "邻里纠纷引发斗殴。",
    "civil_dispute_origin": True,
    "parties": [
        {"role": "victim", "name": "刘芳", "id_number": VICTIM_ID, "phone": "13900001111"},
        {"role": "suspect", "name": "陈刚"},
    ],
    "offences": [{"article": "234", "tier": 1}],
    "injuries": [{"grade": "minor_2", "victim_index": 0}],
}


def _post(client, url, body, **headers):
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


def test_openapi_document_is_served(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/cases/" in paths and "/api/v1/cases/{case_id}" in paths


def test_unauthenticated_request_gets_json_401(client, district):
    response = client.get("/api/v1/cases/")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


def test_bad_token_gets_401(client, district):
    response = client.get("/api/v1/cases/", HTTP_AUTHORIZATION="Bearer nope")
    assert response.status_code == 401


def test_create_read_list_update(client, district, token_for):
    auth = token_for(district.officer)
    created = _post(client, "/api/v1/cases/", NEW_CASE, **auth)
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["state"] == "registered" and body["stage"] == "investigation"
    victim = body["parties"][0]
    assert victim["id_number_masked"] == "310***********001X"
    assert VICTIM_ID not in created.content.decode()

    read = client.get(f"/api/v1/cases/{body['id']}", **auth)
    assert read.status_code == 200 and read.json()["title"] == "陈某故意伤害案"

    listed = client.get("/api/v1/cases/?offence=234", **auth).json()
    assert listed["count"] == 1 and listed["results"][0]["id"] == body["id"]

    updated = client.patch(
        f"/api/v1/cases/{body['id']}",
        json.dumps({"version": body["version"], "place": "方松街道"}),
        content_type="application/json",
        **auth,
    )
    assert updated.status_code == 200
    assert updated.json()["place"] == "方松街道"
    assert updated.json()["version"] == body["version"] + 1


def test_stale_update_is_refused_and_nothing_is_overwritten(client, district, token_for):
    auth = token_for(district.officer)
    case = district.register()
    first = client.patch(
        f"/api/v1/cases/{case.pk}",
        json.dumps({"version": case.version, "place": "A"}),
        content_type="application/json",
        **auth,
    )
    assert first.status_code == 200
    stale = client.patch(
        f"/api/v1/cases/{case.pk}",
        json.dumps({"version": case.version, "place": "B"}),
        content_type="application/json",
        **auth,
    )
    assert stale.status_code == 409
    assert stale.json()["code"] == "stale"
    assert Case.objects.get(pk=case.pk).place == "A"


def test_other_agency_gets_404_on_read_and_update(client, district, token_for):
    case = district.register()
    auth = token_for(district.other_officer)
    assert client.get(f"/api/v1/cases/{case.pk}", **auth).status_code == 404
    response = client.patch(
        f"/api/v1/cases/{case.pk}",
        json.dumps({"version": 1, "title": "x"}),
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_registering_at_an_agency_you_do_not_belong_to_is_refused(client, district, token_for):
    auth = token_for(district.other_officer)
    response = _post(client, "/api/v1/cases/", NEW_CASE, **auth)
    assert response.status_code == 403
    assert response.json()["code"] == "not_member"
    assert not Case.objects.exists()


def test_invalid_id_number_is_422_naming_the_field_in_the_users_language(
    client, district, token_for
):
    auth = token_for(district.officer)
    bad = json.loads(json.dumps(NEW_CASE))
    bad["parties"][0]["id_number"] = "310117199003150011"
    response = _post(client, "/api/v1/cases/", bad, **auth)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "id_number"
    assert body["field"] == "parties[0].id_number"
    assert "校验位" in body["message"]
    english = _post(client, "/api/v1/cases/", bad, HTTP_COOKIE="concord_language=en", **auth)
    assert "check" in english.json()["message"].lower()


def test_schema_violation_is_422_json(client, district, token_for):
    auth = token_for(district.officer)
    response = _post(client, "/api/v1/cases/", {"title": ""}, **auth)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


def test_session_auth_works_for_reads(client, district):
    case = district.register()
    assert client.login(username="officer", password=PASSWORD)
    assert client.get(f"/api/v1/cases/{case.pk}").status_code == 200


def test_party_reads_own_case_only(client, district, token_for):
    own = district.register(victim_user=district.victim_user)
    other = district.register(title="别人的案件")
    auth = token_for(district.victim_user)
    assert client.get(f"/api/v1/cases/{own.pk}", **auth).status_code == 200
    assert client.get(f"/api/v1/cases/{other.pk}", **auth).status_code == 404
    assert client.get("/api/v1/cases/", **auth).json()["count"] == 1
