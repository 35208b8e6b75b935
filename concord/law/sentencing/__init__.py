"""Leniency estimate under the 2021 Guiding Opinions on Sentencing (法发〔2021〕21号).

Starting point → base sentence → adjustments → clamped range, for three scenarios: as the
case stands, with compensation and the victim's understanding, and with a reconciliation
agreement. Always a range inside the statutory range, with the warning that the court decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .. import params
from ..catalogue import PENALTIES, lookup, statutory_range
from ..inputs import Reader, as_of
from ..trace import Trace
from .adjust import COMPENSATION_VARIANTS, combine, resolve
from .base import applicable_tier, base_sentence, guidance, reconciliation_available
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
    table_pv = guidance(reg, "sentencing.adjustments", on)
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
    tier = applicable_tier(reg, inp, offence, trace)
    penalties = reg.get(PENALTIES, on)
    stat = statutory_range(tier, penalties)
    trace.add(
        "sentence.statutory_range",
        f"{stat[0]}..{stat[1]}",
        (cat.cite(), penalties.cite()),
        article=offence.article,
        tier=tier.number,
    )
    base = base_sentence(reg, inp, offence, tier, trace)
    rules_pv = guidance(reg, "sentencing.combination", on)
    prob_rules = reg.get("sentencing.probation", on)
    recon_ok = reconciliation_available(reg, on, offence, tier)
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


def _scenario_flags(name: str) -> tuple[str, ...]:
    if name == "as_is":
        return ()
    if name == "compensation_and_understanding":
        return ("compensated", "victim_understanding")
    return ("compensated", "victim_understanding", "reconciliation")


__all__ = ["COMPENSATION_VARIANTS", "SentenceInput", "SentenceResult", "estimate"]
