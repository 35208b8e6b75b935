"""The leniency estimate's result: statutory range, scenarios, adjustments and the trace."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypedDict

from ..catalogue import Offence, Tier
from ..messages import WARNING_KEY, render
from ..trace import Step, StepDict, Trace
from .adjust import Applied
from .outcome import Estimate


class AdjustmentDict(TypedDict):
    factor: str
    item: str
    name: str
    pct_min: float
    pct_max: float
    modality: str
    priority_group: bool
    citation: str


class ScenarioDict(TypedDict):
    available: bool
    estimate_months: dict[str, float]
    probation_possible: bool
    probation_mandatory_if_conditions_met: bool
    exemption_possible: bool
    below_minimum_available: bool
    factors: list[str]


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    estimate: Estimate
    counted: tuple[Applied, ...]
    probation_possible: bool
    probation_mandatory: bool
    exemption_possible: bool
    below_minimum_available: bool
    available: bool
    steps: tuple[Step, ...]

    def to_dict(self) -> ScenarioDict:
        return {
            "available": self.available,
            "estimate_months": self.estimate.to_dict(),
            "probation_possible": self.probation_possible,
            "probation_mandatory_if_conditions_met": self.probation_mandatory,
            "exemption_possible": self.exemption_possible,
            "below_minimum_available": self.below_minimum_available,
            "factors": [a.key for a in self.counted],
        }


def adjustment_dict(a: Applied, lang: str) -> AdjustmentDict:
    return {
        "factor": a.key,
        "item": str(a.row["item"]),
        "name": str(a.row["zh" if lang == "zh" else "en"]),
        "pct_min": float(a.low),
        "pct_max": float(a.high),
        "modality": str(a.row["modality"]),
        "priority_group": a.priority,
        "citation": f"法发〔2021〕21号 {a.row['item']} [S]",
    }


@dataclass(frozen=True, slots=True)
class SentenceResult:
    """The estimate as the case stands, plus what compensation or reconciliation would change."""

    offence: Offence
    tier: Tier
    statutory_range: tuple[int, int]
    scenarios: Mapping[str, Scenario]
    table: Mapping[str, Any]
    trace: Trace
    as_of: dt.date
    rules_version: str

    @property
    def estimate(self) -> Estimate:
        return self.scenarios["as_is"].estimate

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        as_is = self.scenarios["as_is"]
        return {
            "offence": {
                "article": self.offence.article,
                "tier": self.tier.number,
                "name": self.offence.zh if lang == "zh" else self.offence.en,
            },
            "as_of": self.as_of.isoformat(),
            "statutory_range_months": list(self.statutory_range),
            "estimate_months": as_is.estimate.to_dict(),
            "scenarios": {name: s.to_dict() for name, s in self.scenarios.items()},
            "probation_possible": as_is.probation_possible,
            "probation_mandatory_if_conditions_met": as_is.probation_mandatory,
            "exemption_possible": as_is.exemption_possible,
            "below_minimum_available": as_is.below_minimum_available,
            "adjustments": [adjustment_dict(a, lang) for a in as_is.counted],
            "warning": render(WARNING_KEY, lang, {}),
            "rules_version": self.rules_version,
            "trace": self.trace.to_list(lang),
        }

    def explain(self, lang: str = "en") -> str:
        est = self.estimate
        head = render("sentence.summary", lang, {"low": str(est.low), "high": str(est.high)})
        return f"{head}\n{self.trace.render(lang)}\n{render(WARNING_KEY, lang, {})}"


__all__ = ["Scenario", "SentenceResult", "StepDict"]
