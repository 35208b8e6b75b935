"""Screening (CPL 288, MPS 334, public-interest and compensation mediation) on worked cases."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from concord.law import eligibility
from concord.law.errors import LawInputError
from concord.law.params import registry

from .conftest import neighbour_injury


def paths(result: eligibility.EligibilityResult) -> dict[str, bool | None]:
    return {p.path: p.eligible for p in result.paths}


def test_minor_injury_from_a_neighbour_dispute_qualifies_under_288_1() -> None:
    result = eligibility.screen(neighbour_injury())
    assert result.recommended == "statutory_reconciliation"
    assert result.decided is True
    assert paths(result)["compensation_mediation"] is False


def test_serious_injury_is_above_three_years_so_compensation_mediation_is_recommended() -> None:
    result = eligibility.screen(neighbour_injury(injury_grade="serious_2"))
    assert paths(result)["statutory_reconciliation"] is False
    assert result.recommended == "compensation_mediation"
    text = result.to_dict()["paths"][0]["reasons"][0]["text"]
    assert "234" in text and "outside" in text


def test_negligent_homicide_basic_tier_qualifies_under_288_2_at_exactly_seven_years() -> None:
    result = eligibility.screen(
        neighbour_injury(offences=[{"article": "233", "tier": 1}], civil_dispute_origin=False)
    )
    assert result.recommended == "statutory_reconciliation"
    assert "288 para 1" in result.paths[0].reasons[0].citations[0]


def test_dereliction_of_duty_is_excluded_even_though_negligent() -> None:
    result = eligibility.screen(neighbour_injury(offences=[{"article": "397", "tier": 1}]))
    assert paths(result)["statutory_reconciliation"] is False


def test_provoking_trouble_is_never_a_civil_dispute() -> None:
    """MPS 334(3): a case involving 寻衅滋事 is excluded, also for a co-charged injury."""
    result = eligibility.screen(
        neighbour_injury(offences=[{"article": "234"}, {"article": "293", "tier": 1}])
    )
    assert paths(result)["statutory_reconciliation"] is False
    assert result.recommended == "compensation_mediation"
    texts = [r.to_dict()["text"] for r in result.paths[0].reasons]
    assert any("civil dispute" in t for t in texts)


def test_an_intentional_crime_within_five_years_closes_the_procedure() -> None:
    result = eligibility.screen(neighbour_injury(prior_intentional_crime_within_5_years=True))
    assert paths(result)["statutory_reconciliation"] is False
    assert "para 2" in " ".join(result.paths[0].reasons[-1].citations)


def test_missing_facts_give_cannot_decide_yet_with_what_is_needed() -> None:
    result = eligibility.screen(
        {"offences": [{"article": "234"}], "injury_grade": "minor_1", "as_of": "2024-06-01"}
    )
    assert result.decided is False
    assert set(result.needs) >= {
        "civil_dispute_origin",
        "prior_intentional_crime_within_5_years",
        "suspect_repents",
        "victim_willing",
    }
    assert result.paths[0].eligible is None
    assert result.to_dict()["paths"][0]["decided"] is False


def test_missing_injury_grade_for_art_234_is_asked_for() -> None:
    result = eligibility.screen(neighbour_injury(injury_grade=None))
    assert "injury_grade" in result.needs


def test_slight_injury_is_no_crime_and_no_criminal_path() -> None:
    result = eligibility.screen(neighbour_injury(injury_grade="slight"))
    assert result.recommended == "none"
    assert all(p.eligible is False for p in result.paths)
    assert "PSAPL" in " ".join(result.paths[0].reasons[0].citations)


def test_illegal_medical_practice_with_public_interest_litigation() -> None:
    result = eligibility.screen(
        neighbour_injury(
            offences=[{"article": "336(1)", "tier": 1}], public_interest_litigation=True
        )
    )
    assert result.recommended == "public_interest_mediation"
    assert "[U]" in result.paths[1].reasons[0].citations[0]


@pytest.mark.parametrize(
    ("reading", "expected"), [("statutory_max", False), ("predicted_sentence", True)]
)
def test_the_two_readings_diverge_for_a_five_year_tier(reading: str, expected: bool) -> None:
    """Art. 261 (≤5 years): outside 288(1) by its maximum, inside by a predicted sentence."""
    result = eligibility.screen(
        neighbour_injury(offences=[{"article": "261", "tier": 1}], interpretation=reading)
    )
    assert (result.recommended == "statutory_reconciliation") is expected
    assert result.interpretation == reading


def test_statutory_max_is_the_default_reading() -> None:
    assert eligibility.screen(neighbour_injury()).interpretation == "statutory_max"


def test_tier_lower_than_the_injury_requires_is_refused() -> None:
    with pytest.raises(LawInputError) as err:
        eligibility.screen(
            neighbour_injury(injury_grade="serious_1", offences=[{"article": "234", "tier": 1}])
        )
    assert err.value.field == "offences[0].tier"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"offences": []}, "offences"),
        ({"offences": [{"article": "999"}]}, "offences[0].article"),
        ({"offences": [{"article": "264", "tier": 7}]}, "offences[0].tier"),
        ({"injury_grade": "bad"}, "injury_grade"),
        ({"victim_willing": "yes"}, "victim_willing"),
        ({"as_of": "yesterday"}, "as_of"),
    ],
)
def test_bad_input_names_the_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(LawInputError) as err:
        eligibility.screen(neighbour_injury(**change))
    assert err.value.field == field


def test_catalogue_day_before_and_day_of_amendment_xi() -> None:
    with pytest.raises(LawInputError) as err:
        eligibility.screen(neighbour_injury(as_of="2021-02-28"))
    assert err.value.field == "as_of"
    assert eligibility.screen(neighbour_injury(as_of="2021-03-01")).recommended == (
        "statutory_reconciliation"
    )


def test_compensation_mediation_rule_day_before_and_day_of_the_2021_guidance() -> None:
    facts = neighbour_injury(injury_grade="serious_2")
    before = eligibility.screen(neighbour_injury(injury_grade="serious_2", as_of="2021-06-30"))
    assert before.recommended == "none"
    assert (
        eligibility.screen(facts | {"as_of": "2021-07-01"}).recommended == "compensation_mediation"
    )


def test_cpl_numbering_day_before_and_day_of_the_2018_amendment() -> None:
    reg = registry()
    old = reg.get("reconciliation.procedure", dt.date(2018, 10, 25))
    new = reg.get("reconciliation.procedure", dt.date(2018, 10, 26))
    assert (old.value["scope_article"], new.value["scope_article"]) == ("277", "288")
    assert (old.mark, new.mark) == ("U", "V")


def test_every_result_renders_in_both_languages_with_the_court_decides_warning() -> None:
    result = eligibility.screen(neighbour_injury())
    assert "court" in result.to_dict("en")["warning"]
    assert "法院" in result.to_dict("zh")["warning"]
    assert "第234条" in result.explain("zh")
