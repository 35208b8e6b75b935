"""Leniency estimate: the worked example, combination rules, gates and period boundaries."""

from __future__ import annotations

from typing import Any

import pytest

from concord.law import sentencing
from concord.law.errors import LawInputError


def case(factors: dict[str, Any] | None = None, **offence: Any) -> dict[str, Any]:
    return {
        "offence": {"article": "234", "injury_grade": "minor_2", **offence},
        "factors": factors or {},
        "as_of": "2024-06-01",
    }


def months(result: sentencing.SentenceResult, scenario: str = "as_is") -> tuple[float, float]:
    est = result.scenarios[scenario].estimate
    return float(est.low), float(est.high)


def test_worked_example_minor_who_surrendered_and_reconciled() -> None:
    """sentencing-guidance.md §6: 12 × 0.70 = 8.4; × (1 − 20% − 40%) = 3.36 months."""
    result = sentencing.estimate(
        case(
            {
                "age": 17,
                "minor_16_17": {"pct": 30},
                "surrender": {"pct": 20},
                "reconciliation": {"pct": 40},
            },
            starting_point_months=[12, 12],
        )
    )
    assert months(result) == (3.36, 3.36)
    data = result.to_dict()
    assert data["statutory_range_months"] == [1, 36]
    assert data["probation_possible"] is True
    assert data["probation_mandatory_if_conditions_met"] is True  # under 18 (CL 72)


def test_minor_injury_starts_from_the_opinions_starting_point_range() -> None:
    result = sentencing.estimate(case())
    assert months(result) == (1.0, 24.0)
    assert result.to_dict()["statutory_range_months"] == [1, 36]


def test_serious_injury_range_is_three_to_ten_years() -> None:
    result = sentencing.estimate(case(injury_grade="serious_2"))
    assert result.to_dict()["statutory_range_months"] == [36, 120]
    assert months(result) == (36.0, 60.0)


def test_below_the_minimum_is_reported_in_the_trace_but_the_range_stays_inside() -> None:
    result = sentencing.estimate(case({"surrender": {"pct": 40}}, injury_grade="serious_2"))
    assert months(result) == (36.0, 36.0)
    rules = [s.rule for s in result.trace.steps]
    assert "sentence.below_minimum_available" in rules and "sentence.clamped" in rules
    assert result.to_dict()["below_minimum_available"] is True


def test_recidivism_adds_at_least_three_months_and_bars_probation() -> None:
    result = sentencing.estimate(case({"recidivist": True}, starting_point_months=[12, 12]))
    assert months(result) == (15.0, 16.8)  # max(10% × 12, 3) .. 40% × 12
    assert result.to_dict()["probation_possible"] is False


def test_in_court_plea_does_not_count_beside_surrender() -> None:
    both = sentencing.estimate(
        case({"surrender": True, "guilty_plea": True}, starting_point_months=[10, 10])
    )
    alone = sentencing.estimate(case({"surrender": True}, starting_point_months=[10, 10]))
    assert months(both) == months(alone) == (6.0, 10.0)


def test_plea_leniency_alone_is_capped_at_thirty_percent() -> None:
    result = sentencing.estimate(
        case({"plea_leniency": True, "custody_conduct": True}, starting_point_months=[10, 10])
    )
    assert months(result) == (7.0, 10.0)


def test_reconciliation_and_compensation_are_not_counted_twice() -> None:
    result = sentencing.estimate(
        case(
            {"reconciliation": True, "compensated": True, "victim_understanding": True},
            starting_point_months=[20, 20],
        )
    )
    assert months(result) == (10.0, 20.0)  # −50% (III(12)), not −90%
    assert "sentence.no_double_count" in [s.rule for s in result.trace.steps]


def test_scenarios_show_what_mediation_changes() -> None:
    result = sentencing.estimate(case(starting_point_months=[20, 20]))
    assert months(result, "as_is") == (20.0, 20.0)
    assert months(result, "compensation_and_understanding") == (12.0, 20.0)
    assert months(result, "reconciliation") == (10.0, 20.0)
    mid = {n: s.estimate.midpoint for n, s in result.scenarios.items()}
    assert mid["reconciliation"] < mid["compensation_and_understanding"] < mid["as_is"]


def test_reconciliation_scenario_is_unavailable_for_provoking_trouble() -> None:
    result = sentencing.estimate({"offence": {"article": "293", "tier": 1}, "as_of": "2024-06-01"})
    recon = result.to_dict()["scenarios"]["reconciliation"]
    assert recon["available"] is False
    assert (
        recon["estimate_months"]
        == result.to_dict()["scenarios"]["compensation_and_understanding"]["estimate_months"]
    )


def test_more_victims_need_the_provincial_increment() -> None:
    with pytest.raises(LawInputError) as err:
        sentencing.estimate(case(victims=2))
    assert err.value.field == "offence.increment_months"
    result = sentencing.estimate(case(victims=2, increment_months=[3, 6]))
    assert months(result) == (4.0, 30.0)


def test_death_has_no_starting_point_in_the_opinion() -> None:
    with pytest.raises(LawInputError) as err:
        sentencing.estimate(case(injury_grade="death"))
    assert err.value.field == "offence.starting_point_months"


def test_slight_injury_is_not_a_crime_to_sentence() -> None:
    with pytest.raises(LawInputError) as err:
        sentencing.estimate(case(injury_grade="slight"))
    assert err.value.field == "offence.injury_grade"


def test_a_chosen_percentage_must_lie_within_the_opinions_range() -> None:
    with pytest.raises(LawInputError) as err:
        sentencing.estimate(case({"surrender": {"pct": 45}}))
    assert err.value.field == "factors.surrender.pct"


def test_unknown_factor_is_refused_by_name() -> None:
    with pytest.raises(LawInputError) as err:
        sentencing.estimate(case({"bribery": True}))
    assert err.value.field == "factors.bribery"


def test_guidance_day_before_and_day_of_2021_07_01() -> None:
    with pytest.raises(LawInputError) as err:
        sentencing.estimate(case() | {"as_of": "2021-06-30"})
    assert err.value.field == "as_of"
    assert months(sentencing.estimate(case() | {"as_of": "2021-07-01"})) == (1.0, 24.0)


def test_exemption_needs_an_enabling_factor_and_a_minor_crime() -> None:
    assert sentencing.estimate(case()).to_dict()["exemption_possible"] is False
    assert sentencing.estimate(case({"surrender": True})).to_dict()["exemption_possible"] is True
    serious = sentencing.estimate(case({"surrender": True}, injury_grade="serious_2"))
    assert serious.to_dict()["exemption_possible"] is False


def test_result_carries_the_court_decides_warning_in_both_languages() -> None:
    result = sentencing.estimate(case())
    assert "court" in result.to_dict()["warning"]
    assert "法院" in result.to_dict("zh")["warning"]
    assert "个月" in result.explain("zh")
