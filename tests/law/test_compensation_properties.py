"""Properties of the compensation rules, checked on generated cases."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from concord.law import compensation
from concord.law.compensation.disability import years_for_age
from concord.law.facts import INJURY_GRADES
from concord.law.params import registry

BASE_DATE = dt.date(2024, 6, 1)
BASE: dict[str, Any] = {"region": "CN-BJ", "as_of": "2024-06-01", "proceeding": "civil"}
ages = st.integers(min_value=0, max_value=110)
grades = st.integers(min_value=1, max_value=10)
money = st.decimals(min_value=0, max_value=1_000_000, places=2)


def total(**case: Any) -> Decimal:
    return compensation.calculate({**BASE, **case}).total


@settings(max_examples=60, deadline=None)
@given(age=ages, grade=grades)
def test_a_more_serious_disability_grade_never_lowers_compensation(age: int, grade: int) -> None:
    """Grade 1 is the most serious: moving one grade up never lowers the amount."""
    less = total(victim={"age": age}, disability={"grades": [grade]})
    more = total(victim={"age": age}, disability={"grades": [max(grade - 1, 1)]})
    assert more >= less


@settings(max_examples=40, deadline=None)
@given(age=ages, first=grades, second=grades, ia=st.decimals(0, Decimal("0.10"), places=2))
def test_a_further_disability_never_lowers_compensation(
    age: int, first: int, second: int, ia: Decimal
) -> None:
    one = total(victim={"age": age}, disability={"grades": [first]})
    two = total(
        victim={"age": age}, disability={"grades": [first, second], "additional_indices": [str(ia)]}
    )
    assert two >= one


@settings(max_examples=30, deadline=None)
@given(medical=money, index=st.integers(0, len(INJURY_GRADES) - 2))
def test_a_worse_injury_grade_never_lowers_compensation(medical: Decimal, index: int) -> None:
    """The heads follow proven losses; recording a worse injury grade never lowers them."""
    lower = total(
        victim={"age": 30}, medical_expenses=str(medical), injury_grade=INJURY_GRADES[index]
    )
    worse = total(
        victim={"age": 30}, medical_expenses=str(medical), injury_grade=INJURY_GRADES[index + 1]
    )
    assert worse >= lower


@settings(max_examples=60, deadline=None)
@given(medical=money, mental=money, share=st.decimals(0, 1, places=2))
def test_the_victims_fault_share_scales_the_liable_amount(
    medical: Decimal, mental: Decimal, share: Decimal
) -> None:
    """CC 1173: the obligor owes (1 − share) of the gross, rounded once, half-up to the cent."""
    result = compensation.calculate(
        {
            **BASE,
            "victim": {"age": 30},
            "medical_expenses": str(medical),
            "mental_distress": str(mental),
            "victim_fault_share": str(share),
        }
    )
    expected = (result.gross_total * (1 - share)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert result.total == expected
    assert result.total <= result.gross_total


def reference_years(age: int) -> int:
    """PI-2022 Art. 12 restated independently: 20; minus one per year over 60; 5 from 75."""
    if age < 60:
        return 20
    if age < 75:
        return 20 - (age - 60)
    return 5


@given(age=st.integers(min_value=0, max_value=130))
def test_disability_years_follow_the_age_rule_at_every_age(age: int) -> None:
    schedule = registry().get("compensation.age_schedule", BASE_DATE).value
    assert years_for_age(age, schedule) == reference_years(age)


@settings(max_examples=40, deadline=None)
@given(age=st.integers(0, 110))
def test_disability_amount_uses_the_age_rule(age: int) -> None:
    amount = total(victim={"age": age}, disability={"grades": [1]})
    assert amount == Decimal(88650) * reference_years(age)


@settings(max_examples=40, deadline=None)
@given(children=st.lists(st.tuples(st.integers(0, 17), st.integers(1, 3)), min_size=1, max_size=5))
def test_dependants_never_exceed_one_year_of_consumption_per_year(
    children: list[tuple[int, int]],
) -> None:
    result = compensation.calculate(
        {
            **BASE,
            "victim": {"age": 30},
            "disability": {"grades": [1]},
            "dependents": [{"age": a, "obligors": n} for a, n in children],
        }
    )
    dependants = next(i for i in result.items if i.code == "dependents")
    longest = max(18 - a for a, _ in children)
    assert dependants.amount <= Decimal(50897) * longest
