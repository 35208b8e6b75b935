"""Cross-cutting properties: ranges stay legal, mitigation never hurts, traces always cite."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from concord.law import compensation, eligibility, sentencing
from concord.law.facts import INJURY_GRADES
from concord.law.messages import MESSAGES

MITIGATING = [
    "surrender",
    "confession",
    "guilty_plea",
    "plea_leniency",
    "compensated",
    "victim_understanding",
    "reconciliation",
    "restitution",
    "custody_conduct",
    "attempt",
    "accessory",
    "meritorious_service",
    "major_confession",
]
AGGRAVATING = ["recidivist", "prior_record", "vulnerable_victim"]
OFFENCES = [
    ("234", None, "minor_2"),
    ("234", None, "serious_1"),
    ("133", 1, None),
    ("133", 2, None),
    ("133", 3, None),
    ("293", 1, None),
    ("293", 2, None),
]

factor_sets = st.sets(st.sampled_from(MITIGATING + AGGRAVATING), max_size=6)
offences = st.sampled_from(OFFENCES)
ages = st.one_of(st.none(), st.integers(12, 90))


def build(
    offence: tuple[str, int | None, str | None], factors: set[str], age: int | None
) -> dict[str, Any]:
    article, tier, grade = offence
    body: dict[str, Any] = {"article": article}
    if tier:
        body["tier"] = tier
    if grade:
        body["injury_grade"] = grade
    f: dict[str, Any] = dict.fromkeys(factors, True)
    if age is not None:
        f["age"] = age
    return {"offence": body, "factors": f, "as_of": "2024-06-01"}


@settings(max_examples=150, deadline=None)
@given(offence=offences, factors=factor_sets, age=ages)
def test_no_estimate_leaves_the_statutory_range(offence: Any, factors: set[str], age: Any) -> None:
    result = sentencing.estimate(build(offence, factors, age))
    low, high = result.statutory_range
    for scenario in result.scenarios.values():
        est = scenario.estimate
        assert low <= est.low <= est.midpoint <= est.high <= high


@settings(max_examples=150, deadline=None)
@given(offence=offences, factors=factor_sets, extra=st.sampled_from(MITIGATING), age=ages)
def test_adding_a_mitigating_factor_never_raises_the_estimate(
    offence: Any, factors: set[str], extra: str, age: Any
) -> None:
    before = sentencing.estimate(build(offence, factors, age))
    after = sentencing.estimate(build(offence, factors | {extra}, age))
    for name in before.scenarios:
        b, a = before.scenarios[name].estimate, after.scenarios[name].estimate
        assert a.low <= b.low and a.high <= b.high


@settings(max_examples=150, deadline=None)
@given(offence=offences, factors=factor_sets, age=ages)
def test_reconciliation_range_is_never_above_the_as_is_range(
    offence: Any, factors: set[str], age: Any
) -> None:
    result = sentencing.estimate(build(offence, factors, age))
    as_is, recon = result.scenarios["as_is"].estimate, result.scenarios["reconciliation"].estimate
    assert recon.low <= as_is.low and recon.high <= as_is.high


def _all_steps_cite(steps: Any) -> None:
    for step in steps:
        assert step.citations and all(c.strip() for c in step.citations), step.rule
        assert step.rule in MESSAGES or step.rule == "parameter", step.rule
        for lang in ("en", "zh"):
            assert "?" not in step.text(lang).replace("??", ""), (step.rule, step.text(lang))


@settings(max_examples=60, deadline=None)
@given(offence=offences, factors=factor_sets, age=ages)
def test_every_sentence_trace_step_cites_something(
    offence: Any, factors: set[str], age: Any
) -> None:
    _all_steps_cite(sentencing.estimate(build(offence, factors, age)).trace.steps)


bools = st.one_of(st.none(), st.booleans())


@settings(max_examples=150, deadline=None)
@given(
    article=st.sampled_from(["234", "233", "264", "293", "397", "261", "336(1)", "133"]),
    grade=st.sampled_from(INJURY_GRADES),
    facts=st.tuples(bools, bools, bools, bools, bools),
)
def test_every_screening_trace_step_cites_something(article: str, grade: str, facts: Any) -> None:
    civil, prior, repents, willing, pil = facts
    data: dict[str, Any] = {
        "offences": [{"article": article, "tier": 1}],
        "injury_grade": grade,
        "as_of": "2024-06-01",
    }
    for key, value in (
        ("civil_dispute_origin", civil),
        ("prior_intentional_crime_within_5_years", prior),
        ("suspect_repents", repents),
        ("victim_willing", willing),
        ("public_interest_litigation", pil),
    ):
        if value is not None:
            data[key] = value
    if article == "234":
        data["offences"] = [{"article": "234"}]
    result = eligibility.screen(data)
    _all_steps_cite(result.trace.steps)
    assert result.recommended in (
        "statutory_reconciliation",
        "public_interest_mediation",
        "compensation_mediation",
        "none",
    )
    for path in result.to_dict()["paths"]:
        assert all(r["citations"] for r in path["reasons"])


@settings(max_examples=40, deadline=None)
@given(
    age=st.integers(0, 100),
    grade=st.integers(1, 10),
    died=st.booleans(),
    fault=st.decimals(0, 1, places=2),
)
def test_every_compensation_trace_step_cites_something(
    age: int, grade: int, died: bool, fault: Any
) -> None:
    data = {
        "region": "CN-HN",
        "as_of": "2023-06-01",
        "proceeding": "criminal_incidental",
        "victim": {"age": age, "deceased": died},
        "disability": {"grades": [grade]},
        "medical_expenses": "1000",
        "dependents": [{"age": 5}],
        "mental_distress": "100",
        "victim_fault_share": str(fault),
        "transport": "10",
        "hospital_days": 3,
        "parameters": {"hospital_food_daily_allowance": "100"},
    }
    result = compensation.calculate(data)
    _all_steps_cite(result.trace.steps)
    assert all(i["citations"] for i in result.to_dict()["items"])
