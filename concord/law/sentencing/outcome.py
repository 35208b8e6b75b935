"""From base sentence to a clamped range; the probation and exemption gates.

Opinion II(三) (declared sentence), CL Arts. 37, 72–74.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..money import ONE, plain
from ..trace import Trace
from .adjust import HUNDRED, Combined

TENTH = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Estimate:
    """A sentence range in months, always inside the statutory range."""

    low: Decimal
    high: Decimal
    midpoint: Decimal

    def to_dict(self) -> dict[str, float]:
        return {"low": float(self.low), "high": float(self.high), "midpoint": float(self.midpoint)}


def months(value: Decimal) -> Decimal:
    return value.quantize(TENTH, rounding=ROUND_HALF_UP)


def _recidivism(stage1: Decimal, pct: Decimal, floor_months: Decimal) -> Decimal:
    """III(15): +10% to +40%, generally at least 3 months."""
    return max(stage1 * pct / HUNDRED, floor_months)


def compute(base: tuple[Decimal, Decimal], comb: Combined) -> tuple[Decimal, Decimal, Decimal]:
    """Priority group first (multiplied), then the net of the rest once, then recidivism."""
    s1_low, s1_high = base[0] * comb.mult_low, base[1] * comb.mult_high
    low = s1_low * (ONE + comb.net_low / HUNDRED)
    high = s1_high * (ONE + comb.net_high / HUNDRED)
    mid_base = (base[0] + base[1]) / 2
    mid = mid_base * (comb.mult_low + comb.mult_high) / 2
    mid = mid * (ONE + (comb.net_low + comb.net_high) / 2 / HUNDRED)
    if comb.recidivist is not None:
        row = comb.recidivist.row
        floor = Decimal(str(row.get("min_months", 0)))
        low += _recidivism(s1_low, comb.recidivist.low, floor)
        high += _recidivism(s1_high, comb.recidivist.high, floor)
        mid += _recidivism(
            (s1_low + s1_high) / 2, (comb.recidivist.low + comb.recidivist.high) / 2, floor
        )
    return low, high, mid


def clamp(
    raw: tuple[Decimal, Decimal, Decimal],
    statutory: tuple[int, int],
    trace: Trace,
    cite: tuple[str, ...],
    below_min_basis: list[str],
) -> Estimate:
    """Keep the estimate inside the statutory range (II(三)2–3).

    Below the minimum, a court may go lower only on a statutory basis for 减轻; the trace says
    so, but the reported range stays at the minimum — the court decides.
    """
    lo, hi = Decimal(statutory[0]), Decimal(statutory[1])
    low, high, mid = raw
    if low < lo and below_min_basis:
        trace.add(
            "sentence.below_minimum_available",
            plain(lo),
            cite + tuple(below_min_basis),
            computed=plain(months(low)),
        )
    if low < lo or high > hi:
        trace.add(
            "sentence.clamped",
            f"{plain(lo)}..{plain(hi)}",
            cite,
            computed=f"{plain(months(low))}..{plain(months(high))}",
        )
    low, high = min(max(low, lo), hi), min(max(high, lo), hi)
    mid = min(max(mid, low), high)
    return Estimate(months(low), months(high), months(mid))


def probation(
    est: Estimate,
    flags: frozenset[str],
    age: int | None,
    rules: Mapping[str, Any],
    reconciled: bool,
    trace: Trace,
    cite: str,
) -> tuple[bool, bool]:
    """CL 72–74: at most 3 years, no recidivist or ringleader; the conditions are the court's."""
    barred = sorted(flags & set(rules["barred"]))
    possible = est.low <= Decimal(rules["max_months"]) and not barred
    groups = set()
    if age is not None and age < 18:
        groups.add("under_18")
    if age is not None and age >= 75:
        groups.add("aged_75_plus")
    if "pregnant" in flags:
        groups.add("pregnant")
    mandatory = possible and (
        bool(groups & set(rules["mandatory_if_conditions_met"])) or reconciled
    )
    trace.add(
        "sentence.probation",
        "yes" if possible else "no",
        (cite,) + (("SPC-2021 Art. 596 para 1 [V]",) if reconciled else ()),
        low=plain(est.low),
        barred=", ".join(barred) or "-",
        mandatory="yes" if mandatory else "no",
    )
    return possible, mandatory


def exemption(
    applied_rows: list[Mapping[str, Any]], statutory_max: int, minor_max: int, trace: Trace
) -> bool:
    """Exemption needs a factor allowing it and a minor crime (CL 37, 19, 27, 67, 68; SPC 596)."""
    bases = [f"{r['exemption']} [V]" for r in applied_rows if r.get("exemption")]
    possible = bool(bases) and statutory_max <= minor_max
    cites = tuple(bases) or ("CL Art. 37 [V]",)
    trace.add(
        "sentence.exemption",
        "yes" if possible else "no",
        cites,
        bases=", ".join(bases) or "-",
        statutory_max=statutory_max,
        minor_max=minor_max,
    )
    return possible
