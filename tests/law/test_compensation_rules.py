"""Compensation rules beyond the worked examples: proceedings, inputs, limits, errors."""

from __future__ import annotations

from typing import Any

import pytest

from concord.law import compensation
from concord.law.errors import LawInputError, MissingParameterError


def codes(items: Any) -> set[str]:
    return {i.code for i in items}


def test_criminal_incidental_judgment_excludes_mental_distress_and_disability(
    beijing: dict[str, Any],
) -> None:
    """SPC-2021 Arts. 175, 192: material loss only; a mediated figure is shown alongside."""
    case = {
        **beijing,
        "proceeding": "criminal_incidental",
        "victim": {"age": 30},
        "medical_expenses": "1000",
        "disability": {"grades": [10]},
        "mental_distress": "5000",
    }
    result = compensation.calculate(case)
    assert codes(result.items) == {"medical"}
    assert codes(e.item for e in result.excluded) == {"disability", "mental_distress"}
    assert f"{result.total:.2f}" == "1000.00"
    assert f"{result.total_if_mediated:.2f}" == "183300.00"
    reasons = result.to_dict("zh")["excluded"]
    assert all(r["reason"] and r["citations"] for r in reasons)


def test_traffic_crime_keeps_disability_compensation_but_not_mental_distress(
    beijing: dict[str, Any],
) -> None:
    case = {
        **beijing,
        "proceeding": "criminal_incidental",
        "traffic_crime": True,
        "victim": {"age": 30},
        "disability": {"grades": [10]},
        "mental_distress": "5000",
    }
    result = compensation.calculate(case)
    assert codes(result.items) == {"disability"}
    assert codes(e.item for e in result.excluded) == {"mental_distress"}


def test_mediation_agreement_may_include_every_head(beijing: dict[str, Any]) -> None:
    case = {
        **beijing,
        "proceeding": "mediation",
        "victim": {"age": 30},
        "disability": {"grades": [10]},
        "mental_distress": "5000",
    }
    result = compensation.calculate(case)
    assert codes(result.items) == {"disability", "mental_distress"}
    assert result.excluded == ()


def test_missing_region_figure_names_the_parameter_and_how_to_supply_it(
    beijing: dict[str, Any],
) -> None:
    case = {**beijing, "region": "CN-SH", "victim": {"age": 30}, "disability": {"grades": [9]}}
    with pytest.raises(MissingParameterError) as err:
        compensation.calculate(case)
    assert err.value.field == "parameters.urban_disposable_income_per_capita"
    assert err.value.code == "parameter_missing"
    case["parameters"] = {"urban_disposable_income_per_capita": "88366"}
    result = compensation.calculate(case)
    assert f"{result.total:.2f}" == "353464.00"  # 88,366 × 20 × 0.2
    assert result.parameters[0]["mark"] == "input"


def test_secondary_source_figures_carry_their_mark(beijing: dict[str, Any]) -> None:
    case = {**beijing, "region": "CN-GD", "victim": {"age": 30}, "disability": {"grades": [9]}}
    used = compensation.calculate(case).parameters
    assert used[0]["mark"] == "S" and used[0]["year"] == "2023" and used[0]["url"]


def test_several_disabilities_need_the_courts_additional_index(beijing: dict[str, Any]) -> None:
    with pytest.raises(LawInputError) as err:
        compensation.calculate(
            {**beijing, "victim": {"age": 30}, "disability": {"grades": [8, 10]}}
        )
    assert err.value.field == "disability.additional_indices"


def test_additional_indices_above_ten_percent_are_refused(beijing: dict[str, Any]) -> None:
    case = {
        **beijing,
        "victim": {"age": 30},
        "disability": {"grades": [8, 9, 10], "additional_indices": ["0.06", "0.06"]},
    }
    with pytest.raises(LawInputError) as err:
        compensation.calculate(case)
    assert err.value.field == "disability.additional_indices"


def test_combined_index_never_exceeds_one_hundred_percent(beijing: dict[str, Any]) -> None:
    case = {
        **beijing,
        "victim": {"age": 30},
        "disability": {"grades": [1, 2], "additional_indices": ["0.10"]},
    }
    result = compensation.calculate(case)
    assert f"{result.items[0].amount:.2f}" == "1773000.00"


def test_lost_income_from_daily_or_annual_income(beijing: dict[str, Any]) -> None:
    daily = compensation.calculate(
        {**beijing, "victim": {"age": 30}, "lost_income": {"days": 30, "daily_income": "300"}}
    )
    annual = compensation.calculate(
        {**beijing, "victim": {"age": 30}, "lost_income": {"days": 73, "annual_income": "100000"}}
    )
    assert f"{daily.total:.2f}" == "9000.00"
    assert f"{annual.total:.2f}" == "20000.00"  # 73 × 100,000 ÷ 365


def test_lost_income_by_industry_needs_the_industry_wage(beijing: dict[str, Any]) -> None:
    case = {
        **beijing,
        "victim": {"age": 30},
        "lost_income": {"days": 10, "industry": "construction"},
    }
    with pytest.raises(MissingParameterError) as err:
        compensation.calculate(case)
    assert err.value.field == "parameters.industry_average_wage"


def test_nursing_is_carers_times_days_times_rate_and_capped_at_twenty_years(
    beijing: dict[str, Any],
) -> None:
    two = compensation.calculate(
        {
            **beijing,
            "victim": {"age": 30},
            "nursing": {"days": 10, "carers": 2, "daily_rate": "200"},
        }
    )
    long = compensation.calculate(
        {**beijing, "victim": {"age": 30}, "nursing": {"days": 9000, "daily_rate": "100"}}
    )
    assert f"{two.total:.2f}" == "4000.00"
    assert f"{long.total:.2f}" == "730000.00"  # 20 × 365 days


def test_nursing_without_a_rate_asks_for_the_local_carer_rate(beijing: dict[str, Any]) -> None:
    with pytest.raises(MissingParameterError) as err:
        compensation.calculate({**beijing, "victim": {"age": 30}, "nursing": {"days": 10}})
    assert err.value.field == "parameters.carer_daily_rate"


def test_assistive_devices_with_replacements(beijing: dict[str, Any]) -> None:
    case = {
        **beijing,
        "victim": {"age": 30},
        "assistive_devices": [{"unit_cost": "5000", "years": 20, "replacement_cycle_years": 5}],
    }
    assert f"{compensation.calculate(case).total:.2f}" == "25000.00"


def test_adult_dependant_must_be_without_working_capacity(beijing: dict[str, Any]) -> None:
    case = {
        **beijing,
        "victim": {"age": 40},
        "disability": {"grades": [5]},
        "dependents": [{"age": 70}],
    }
    with pytest.raises(LawInputError) as err:
        compensation.calculate(case)
    assert err.value.field == "dependents[0].incapacitated"
    case["dependents"] = [{"age": 70, "incapacitated": True}]
    result = compensation.calculate(case)
    # 50,897 × 60% × 10 years (20 − (70 − 60))
    assert f"{result.items[1].amount:.2f}" == "305382.00"


def test_each_item_is_rounded_once_half_up(beijing: dict[str, Any]) -> None:
    case = {**beijing, "victim": {"age": 30}, "lost_income": {"days": 1, "annual_income": "1000"}}
    result = compensation.calculate(case)
    assert f"{result.items[0].amount:.2f}" == "2.74"  # 2.7397…


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"region": "Beijing"}, "region"),
        ({"proceeding": "arbitration"}, "proceeding"),
        ({"victim": {}}, "victim"),
        ({"victim": {"age": -1}}, "victim.age"),
        ({"victim_fault_share": "1.5"}, "victim_fault_share"),
        ({"medical_expenses": "lots"}, "medical_expenses"),
        ({"disability": {"grades": [11]}}, "disability.grades[0]"),
        ({"as_of": "2024-13-01"}, "as_of"),
        ({"fixed_amounts": {"bonus": "1"}}, "fixed_amounts.bonus"),
    ],
)
def test_bad_input_names_the_field(
    beijing: dict[str, Any], change: dict[str, Any], field: str
) -> None:
    with pytest.raises(LawInputError) as err:
        compensation.calculate({**beijing, "victim": {"age": 30}, **change})
    assert err.value.field == field
