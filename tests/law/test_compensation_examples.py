"""compensation.md §6: every worked example, and the day before / day of each figure's period."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from concord.law import compensation
from concord.law.errors import LawInputError, MissingParameterError


def amounts(result: compensation.CompensationResult) -> dict[str, str]:
    return {item.code: f"{item.amount:.2f}" for item in result.items}


def test_example_a_school_stabbing_split_sixty_forty_after_the_schools_advance() -> None:
    """Example A: items sum to 39,977.13; guardian 60% 23,986.28; school 40% 15,990.85 − 9,000."""
    result = compensation.calculate(
        {
            "region": "CN-BJ",
            "as_of": "2024-06-01",
            "proceeding": "civil",
            "victim": {"age": 12},
            "fixed_amounts": {
                "medical": "13783.37",
                "nursing": "407.96",
                "hospital_food": "310.00",
                "nutrition": "248.00",
                "disability": "19227.80",
                "mental_distress": "6000",
            },
            "obligors": [
                {"name": "guardian", "share": "0.6"},
                {"name": "school", "share": "0.4", "advanced": "9000"},
            ],
        }
    )
    assert f"{result.gross_total:.2f}" == "39977.13"
    assert f"{result.total:.2f}" == "39977.13"
    guardian, school = (o.to_dict() for o in result.obligors)
    assert guardian["amount"] == "23986.28"
    assert school["amount"] == "15990.85"
    assert school["outstanding"] == "6990.85"


def test_example_b_receipts_nutrition_cap_and_food_subsidy(beijing: dict[str, Any]) -> None:
    """Example B: 294,802.19 + 5,600 = 300,402.19; nutrition capped at 10,000; 131 × 30 = 3,930."""
    result = compensation.calculate(
        {
            **beijing,
            "victim": {"age": 40},
            "medical_expenses": ["294802.19", "5600"],
            "nutrition": {"share_of_medical": "0.05", "cap": "10000"},
            "hospital_days": 131,
            "parameters": {"hospital_food_daily_allowance": "30"},
        }
    )
    assert amounts(result) == {
        "medical": "300402.19",
        "hospital_food": "3930.00",
        "nutrition": "10000.00",
    }
    assert any(p["source"] == "input parameters" for p in result.parameters)


@pytest.mark.parametrize(
    ("age", "grades", "extra", "expected"),
    [
        (10, [10], None, "177300.00"),  # C1
        (68, [8], None, "319140.00"),  # C2: 20 − 8 = 12 years
        (80, [6], None, "221625.00"),  # C3: 5 years at 75+
        (30, [8, 10], ["0.02"], "567360.00"),  # C4: 30% + Ia 2%
    ],
)
def test_examples_c1_to_c4_disability_on_beijing_2023_figures(
    beijing: dict[str, Any], age: int, grades: list[int], extra: list[str] | None, expected: str
) -> None:
    disability: dict[str, Any] = {"grades": grades}
    if extra:
        disability["additional_indices"] = extra
    result = compensation.calculate({**beijing, "victim": {"age": age}, "disability": disability})
    assert amounts(result)["disability"] == expected


def test_example_c1_victim_thirty_percent_at_fault_pays_seventy_percent(
    beijing: dict[str, Any],
) -> None:
    result = compensation.calculate(
        {
            **beijing,
            "victim": {"age": 10},
            "disability": {"grades": [10]},
            "victim_fault_share": "0.3",
        }
    )
    assert f"{result.total:.2f}" == "124110.00"


def test_example_c5_three_children_capped_year_by_year(beijing: dict[str, Any]) -> None:
    """C5: 25,448.5 per child per year; years 1–8 capped at 50,897; total 508,970."""
    result = compensation.calculate(
        {
            **beijing,
            "victim": {"age": 35},
            "disability": {"grades": [1]},
            "dependents": [
                {"age": 6, "obligors": 2},
                {"age": 10, "obligors": 2},
                {"age": 16, "obligors": 2},
            ],
        }
    )
    assert amounts(result)["dependents"] == "508970.00"
    # reported as its own item, counted once in the total
    assert result.gross_total == Decimal("1773000.00") + Decimal("508970.00")


def test_example_c6_hunan_funeral_from_2022_wages() -> None:
    result = compensation.calculate(
        {
            "region": "CN-HN",
            "as_of": "2023-06-01",
            "proceeding": "civil",
            "victim": {"age": 50, "deceased": True},
        }
    )
    assert amounts(result)["funeral"] == "47295.00"
    assert amounts(result)["death_compensation"] == "946020.00"  # 47,301 × 20


def _disability(as_of: str, region: str = "CN-BJ") -> compensation.CompensationResult:
    return compensation.calculate(
        {
            "region": region,
            "as_of": as_of,
            "proceeding": "civil",
            "victim": {"age": 30},
            "disability": {"grades": [10]},
        }
    )


def test_beijing_2023_figure_is_missing_the_day_before_its_publication() -> None:
    with pytest.raises(MissingParameterError) as err:
        _disability("2024-03-20")
    assert err.value.field == "parameters.urban_disposable_income_per_capita"
    assert "CN-BJ" in err.value.message and '"parameters"' in err.value.message


def test_beijing_2023_figure_applies_from_the_day_of_publication() -> None:
    assert amounts(_disability("2024-03-21"))["disability"] == "177300.00"


def test_beijing_2023_figure_ends_with_2024_and_2024_data_is_not_guessed() -> None:
    assert amounts(_disability("2024-12-31"))["disability"] == "177300.00"
    with pytest.raises(MissingParameterError):
        _disability("2025-01-01")


def test_hunan_2024_income_day_before_and_day_of_publication() -> None:
    with pytest.raises(MissingParameterError):
        _disability("2025-01-21", "CN-HN")
    assert amounts(_disability("2025-01-22", "CN-HN"))["disability"] == "102486.00"


def test_hunan_2024_wages_for_funeral_day_before_and_day_of_publication() -> None:
    case = {"region": "CN-HN", "proceeding": "civil", "victim": {"age": 40, "deceased": True}}
    with pytest.raises(MissingParameterError) as err:
        compensation.calculate({**case, "as_of": "2025-06-30"})
    assert err.value.field == "parameters.average_wage"
    result = compensation.calculate({**case, "as_of": "2025-07-01"})
    assert amounts(result)["funeral"] == "49831.50"  # 99,663 ÷ 2


def test_guangdong_2021_figure_day_before_and_day_of_release() -> None:
    with pytest.raises(MissingParameterError):
        _disability("2022-01-18", "CN-GD")
    assert amounts(_disability("2022-01-19", "CN-GD"))["disability"] == "109708.00"


def test_rural_victim_needs_rural_figures_before_2022_05_01_but_not_from_that_day(
    beijing: dict[str, Any],
) -> None:
    case = {**beijing, "victim": {"age": 30}, "disability": {"grades": [10]}, "residence": "rural"}
    with pytest.raises(MissingParameterError) as err:
        compensation.calculate({**case, "tort_date": "2022-04-30"})
    assert err.value.field == "parameters.rural_net_income_per_capita"
    result = compensation.calculate({**case, "tort_date": "2022-05-01"})
    assert amounts(result)["disability"] == "177300.00"


def test_criminal_incidental_exclusions_have_no_rule_before_2021_03_01() -> None:
    case = {
        "region": "CN-GD",
        "proceeding": "criminal_incidental",
        "victim": {"age": 30},
        "medical_expenses": "100",
    }
    with pytest.raises(LawInputError):
        compensation.calculate({**case, "as_of": "2021-02-28"})
    assert amounts(compensation.calculate({**case, "as_of": "2021-03-01"})) == {"medical": "100.00"}
