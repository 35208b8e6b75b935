"""Sentencing adjustments (Opinion Part III) and how they combine (Part II(二)).

General rule: percentages of the same direction add, opposite directions subtract, and the
net is applied once to the base sentence. Exceptions, each a policy in combination.yaml:
the priority group (minors, the elderly, attempt, accessories …) is applied first and
multiplies; an in-court plea does not count beside surrender or confession; plea-leniency
absorbs the factors listed under it into one capped reduction; III(11) and III(12) are not
both counted for the same compensation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..errors import LawInputError
from ..money import ONE, ZERO, plain
from ..trace import Trace
from .inputs import SentenceInput

HUNDRED = Decimal(100)
COMPENSATION_VARIANTS = (
    "compensation_and_understanding",
    "compensation_only",
    "understanding_only",
)


@dataclass(frozen=True, slots=True)
class Applied:
    """A factor found in the case: signed percentages, low = most lenient, high = least."""

    key: str
    low: Decimal
    high: Decimal
    row: Mapping[str, Any]

    @property
    def priority(self) -> bool:
        return bool(self.row.get("priority"))


@dataclass(frozen=True, slots=True)
class Combined:
    """Multipliers of the priority group, net percentages of the rest, and recidivism."""

    mult_low: Decimal
    mult_high: Decimal
    net_low: Decimal
    net_high: Decimal
    recidivist: Applied | None
    counted: tuple[Applied, ...]


def age_factor(age: int | None, mens_rea: str) -> str | None:
    """Map the offender's age to its Part III item (III(1), III(2))."""
    if age is None:
        return None
    if age < 16:
        return "minor_12_15"
    if age < 18:
        return "minor_16_17"
    if age >= 75:
        return "elderly_negligent" if mens_rea == "negligent" else "elderly_intentional"
    return None


def resolve(inp: SentenceInput, mens_rea: str, table: Mapping[str, Any]) -> list[Applied]:
    """Turn the input's flags into factors with their percentage ranges."""
    keys = set(inp.flags) & set(table)
    by_age = age_factor(inp.age, mens_rea)
    if by_age and not keys & {
        "minor_12_15",
        "minor_16_17",
        "elderly_intentional",
        "elderly_negligent",
    }:
        keys.add(by_age)
    paid, forgiven = "compensated" in inp.flags, "victim_understanding" in inp.flags
    if paid or forgiven:
        keys.add(
            COMPENSATION_VARIANTS[0]
            if paid and forgiven
            else COMPENSATION_VARIANTS[1]
            if paid
            else COMPENSATION_VARIANTS[2]
        )
    out = []
    for key in (k for k in table if k in keys):
        row = table[key]
        low, high = Decimal(str(row["min"])), Decimal(str(row["max"]))
        if key in inp.chosen:
            pct = inp.chosen[key] if low >= 0 else -inp.chosen[key]
            if not low <= pct <= high:
                raise LawInputError(
                    f"factors.{key}.pct",
                    f"must lie within {plain(abs(low))}–{plain(abs(high))} "
                    f"percent for {row['item']}",
                    code="range",
                )
            low = high = pct
        out.append(Applied(key, low, high, row))
    return out


def combine(applied: list[Applied], rules: Mapping[str, Any], trace: Trace, cite: str) -> Combined:
    """Apply the exclusions, the plea-leniency cap and the two-stage combination."""
    present = {a.key for a in applied}
    kept = []
    for a in applied:
        blockers = present & set(a.row.get("excluded_by", ()))
        if blockers:
            trace.add(
                "sentence.excluded_factor",
                a.key,
                (f"法发〔2021〕21号 {a.row['item']} [S]",),
                by=", ".join(sorted(blockers)),
            )
        else:
            kept.append(a)
    kept = _reconciliation_vs_compensation(kept, rules, trace, cite)
    mult_low = mult_high = ONE
    for a in (a for a in kept if a.priority):
        mult_low *= ONE + a.low / HUNDRED
        mult_high *= ONE + a.high / HUNDRED
    rec = next((a for a in kept if a.key == "recidivist"), None)
    rest = [a for a in kept if not a.priority and a is not rec]
    net_low, net_high = _net(rest, rules, trace, cite)
    floor = -Decimal(str(rules["max_total_reduction"]))
    net_low, net_high = max(net_low, floor), max(net_high, floor)
    trace.add(
        "sentence.combination",
        f"{plain(net_low)}%..{plain(net_high)}%",
        (cite,),
        priority=f"×{plain(mult_low)}..×{plain(mult_high)}",
        factors=", ".join(a.key for a in kept) or "-",
    )
    return Combined(mult_low, mult_high, net_low, net_high, rec, tuple(kept))


def _reconciliation_vs_compensation(
    kept: list[Applied], rules: Mapping[str, Any], trace: Trace, cite: str
) -> list[Applied]:
    """III(11) and III(12) for the same compensation count once: the larger reduction."""
    rec = next((a for a in kept if a.key == "reconciliation"), None)
    comp = next((a for a in kept if a.key in COMPENSATION_VARIANTS), None)
    if rec is None or comp is None or rules["reconciliation_vs_compensation"] != "larger_of":
        return kept
    merged = Applied("reconciliation", min(rec.low, comp.low), min(rec.high, comp.high), rec.row)
    trace.add("sentence.no_double_count", "reconciliation", (cite,), dropped=comp.key)
    return [merged if a is rec else a for a in kept if a is not comp]


def _net(
    rest: list[Applied], rules: Mapping[str, Any], trace: Trace, cite: str
) -> tuple[Decimal, Decimal]:
    """Sum signed percentages; under plea-leniency its absorbed factors form one capped group."""
    keys = {a.key for a in rest}
    if "plea_leniency" not in keys:
        return sum((a.low for a in rest), ZERO), sum((a.high for a in rest), ZERO)
    absorbed_keys = set(rules["plea_leniency_absorbs"]) | {"plea_leniency"}
    group = [a for a in rest if a.key in absorbed_keys]
    others = [a for a in rest if a.key not in absorbed_keys]
    raised = keys & set(rules["plea_leniency_raised_by"])
    cap = Decimal(str(rules["plea_leniency_cap_raised" if raised else "plea_leniency_cap_plain"]))
    low = max(-cap, sum((a.low for a in group), ZERO))
    high = min((a.high for a in group), default=ZERO)
    if rules.get("plea_never_heavier"):
        without = [a for a in group if a.key != "plea_leniency"]
        low = min(low, sum((a.low for a in without), ZERO))
        high = min(high, sum((a.high for a in without), ZERO))
    trace.add(
        "sentence.plea_leniency_cap",
        f"{plain(low)}%..{plain(high)}%",
        (cite,),
        cap=plain(cap),
        absorbed=", ".join(a.key for a in group),
    )
    return low + sum((a.low for a in others), ZERO), high + sum((a.high for a in others), ZERO)
