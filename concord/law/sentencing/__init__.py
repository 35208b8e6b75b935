"""Leniency estimate under the 2021 Guiding Opinions on Sentencing (法发〔2021〕21号).

Starting point → base sentence → adjustments → clamped range, for three scenarios: as the
case stands, with compensation and the victim's understanding, and with a reconciliation
agreement. Always a range inside the statutory range, with the warning that the court decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .. import params
from ..catalogue import PENALTIES, Offence, Tier, lookup, statutory_range
from ..errors import LawInputError, MissingParameterError
from ..inputs import Reader, as_of
from ..money import plain
from ..reconciliation import tier_within
from ..trace import Trace
from .adjust import COMPENSATION_VARIANTS, combine, resolve
from .inputs import SentenceInput
from .outcome import clamp, compute, exemption, probation
from .result import Scenario, SentenceResult

SCENARIOS = ("as_is", "compensation_and_understanding", "reconciliation")


def estimate(
    data: Mapping[str, Any] | SentenceInput,
    as_of: dt.date | None = None,
    *,
    registry: params.Registry | None = None,
) -> SentenceResult:
    """Estimate the sentence range in months for the case as it is and after mediation."""
    reg = registry or params.registry()
    on = data.as_of if isinstance(data, SentenceInput) else _as_of(data, as_of)
    table_pv = _guidance(reg, "sentencing.adjustments", on)
    table = table_pv.value
    inp = (
        data
        if isinstance(data, SentenceInput)
        else SentenceInput.from_dict(data, frozenset(table), as_of)
    )
    trace = Trace()
    offence, cat = lookup(reg, on, inp.article, "offence.article")
    trace.add(
        "eligibility.offence",
        offence.article,
        (cat.cite(),),
        name_en=offence.en,
        name_zh=offence.zh,
        chapter=offence.chapter,
        mens_rea=offence.mens_rea,
    )
    tier = _tier(reg, inp, offence, trace)
    penalties = reg.get(PENALTIES, on)
    stat = statutory_range(tier, penalties)
    trace.add(
        "sentence.statutory_range",
        f"{stat[0]}..{stat[1]}",
        (cat.cite(), penalties.cite()),
        article=offence.article,
        tier=tier.number,
    )
    base = _base(reg, inp, offence, tier, trace)
    rules_pv = _guidance(reg, "sentencing.combination", on)
    prob_rules = reg.get("sentencing.probation", on)
    recon_ok = _reconciliation_available(reg, on, offence, tier)
    scenarios = {}
    for name in SCENARIOS:
        available = name != "reconciliation" or recon_ok
        flags = _scenario_flags(name if available else SCENARIOS[1])
        case = inp.with_flags(*flags)
        sub = Trace() if name != "as_is" else trace
        sub.add(
            "sentence.scenario",
            name,
            (table_pv.cite(),),
            added=", ".join(flags) or "-",
            available="yes" if available else "no",
        )
        applied = resolve(case, offence.mens_rea, table)
        comb = combine(applied, rules_pv.value, sub, rules_pv.cite())
        below = [
            str(a.row["reduce_below_minimum"]) + " [V]"
            for a in comb.counted
            if a.row.get("reduce_below_minimum")
        ]
        est = clamp(compute(base, comb), stat, sub, (table_pv.cite(),), below)
        reconciled = "reconciliation" in case.flags
        prob, mandatory = probation(
            est, case.flags, inp.age, prob_rules.value, reconciled, sub, prob_rules.cite()
        )
        exempt = exemption(
            [a.row for a in comb.counted],
            tier.ft_max,
            int(rules_pv.value["minor_crime_max_months"]),
            sub,
        )
        scenarios[name] = Scenario(
            name,
            est,
            comb.counted,
            prob,
            mandatory,
            exempt,
            bool(below),
            available,
            tuple(sub.steps),
        )
    trace.add(
        "sentence.judicial_adjustment",
        f"±{rules_pv.value['judicial_adjustment_pct']}%",
        (rules_pv.cite(),),
    )
    for name in SCENARIOS[1:]:
        trace.extend(scenarios[name].steps)
    return SentenceResult(
        offence, tier, stat, scenarios, table, trace, on, params.rules_version(reg)
    )


def _as_of(data: Mapping[str, Any], default: dt.date | None) -> dt.date:
    return as_of(Reader(data), default)


def _guidance(reg: params.Registry, name: str, on: dt.date) -> params.ParamValue:
    try:
        return reg.get(name, on)
    except MissingParameterError:
        raise LawInputError(
            "as_of",
            f"no sentencing guidance in force on {on.isoformat()} in the data; "
            "the 2021 Opinion applies from 2021-07-01 and earlier versions were not collected",
            code="no_rules",
        ) from None


def _scenario_flags(name: str) -> tuple[str, ...]:
    if name == "as_is":
        return ()
    if name == "compensation_and_understanding":
        return ("compensated", "victim_understanding")
    return ("compensated", "victim_understanding", "reconciliation")


def _tier(reg: params.Registry, inp: SentenceInput, offence: Offence, trace: Trace) -> Tier:
    number = inp.tier
    if offence.article == "234":
        grades = reg.get("injury.grades", inp.as_of)
        grade = inp.injury_grade
        if grade is None and number is None:
            raise LawInputError(
                "offence.injury_grade", "is required for article 234", code="required"
            )
        if grade is not None:
            order = list(grades.value["order"])
            if order.index(grade) < order.index(grades.value["crime_threshold_234"]):
                raise LawInputError(
                    "offence.injury_grade",
                    f"{grade} is below minor injury (轻伤): "
                    "no crime of intentional injury to sentence",
                    code="no_crime",
                )
            derived = int(grades.value["tier_234"][grade])
            number = max(number or derived, derived)
            trace.add(
                "eligibility.tier_from_injury",
                number,
                (grades.cite(),),
                grade=grade,
                derived=derived,
            )
    if number is None:
        raise LawInputError(
            "offence.tier", f"is required for article {offence.article}", code="required"
        )
    tier = offence.tier(number)
    if tier is None:
        raise LawInputError(
            "offence.tier", f"article {offence.article} has no tier {number}", code="unknown_tier"
        )
    return tier


def _base(
    reg: params.Registry, inp: SentenceInput, offence: Offence, tier: Tier, trace: Trace
) -> tuple[Decimal, Decimal]:
    """Starting point from the Opinion (or the input), plus increments for further victims."""
    if inp.starting_point is not None:
        start = inp.starting_point
        trace.add(
            "sentence.starting_point",
            f"{plain(start[0])}..{plain(start[1])}",
            ("input: offence.starting_point_months",),
            source="input",
        )
    else:
        pv = _guidance(reg, "sentencing.starting_points", inp.as_of)
        row = (pv.value.get(offence.article) or {}).get(tier.number)
        if row is None or inp.injury_grade in row.get("not_for_grade", ()):
            raise LawInputError(
                "offence.starting_point_months",
                f"the Opinion's starting point for "
                f"article {offence.article} tier {tier.number} is not in the data; "
                "give [low, high] months as chosen by the court or provincial rules",
                code="parameter_missing",
            )
        start = (Decimal(row["range"][0]), Decimal(row["range"][1]))
        trace.add(
            "sentence.starting_point",
            f"{plain(start[0])}..{plain(start[1])}",
            (pv.cite(),),
            source=str(row["per"]),
        )
    if inp.victims > 1 and inp.increment is None:
        raise LawInputError(
            "offence.increment_months",
            "is required when there is more than one "
            "victim: increments per further victim are set by provincial rules, not collected",
            code="required",
        )
    inc = inp.increment or (Decimal(0), Decimal(0))
    if inp.increment is not None:
        trace.add(
            "sentence.increment",
            f"{plain(inc[0])}..{plain(inc[1])}",
            ("input: offence.increment_months", "法发〔2021〕21号 Part IV item (七)2 [S]"),
            victims=inp.victims,
        )
    base = (start[0] + inc[0], start[1] + inc[1])
    trace.add(
        "sentence.base", f"{plain(base[0])}..{plain(base[1])}", ("法发〔2021〕21号 II(一) [S]",)
    )
    return base


def _reconciliation_available(
    reg: params.Registry, on: dt.date, offence: Offence, tier: Tier
) -> bool:
    """Whether the offence tier falls in a CPL 288 category (statutory-maximum reading)."""
    try:
        rules = reg.get("reconciliation.thresholds", on).value
    except MissingParameterError:
        return False
    cd_min = int(reg.get(PENALTIES, on).value["detention"][0])
    one = (
        offence.chapter in rules["civil_dispute_chapters"]
        and not offence.mps_334_excluded
        and tier_within(
            tier, int(rules["civil_dispute_max_months"]), "statutory_max", cd_min
        ).passes
    )
    two = (
        offence.mens_rea == "negligent"
        and offence.chapter not in rules["negligent_excluded_chapters"]
        and tier_within(tier, int(rules["negligent_max_months"]), "statutory_max", cd_min).passes
    )
    return one or two


__all__ = ["COMPENSATION_VARIANTS", "SentenceInput", "SentenceResult", "estimate"]
