"""Screening: which path a case may take — statutory reconciliation, compensation mediation,
public-interest mediation, or none — with reasons, citations and the facts still missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict

from . import params
from .charges import charged_offences
from .facts import EligibilityInput
from .messages import WARNING_KEY, render
from .reconciliation import Tri
from .screening_paths import (
    PATHS,
    PathResult,
    compensation_path,
    public_interest_path,
    statutory_path,
)
from .trace import StepDict, Trace, reason

GRADES = "injury.grades"


class EligibilityDict(TypedDict):
    recommended: str
    decided: bool
    needs: list[str]
    paths: list[dict[str, object]]
    as_of: str
    interpretation: str
    warning: str
    rules_version: str
    trace: list[StepDict]


@dataclass(frozen=True, slots=True)
class EligibilityResult:
    """The screening result: recommended path, every path with reasons, and the trace."""

    recommended: str
    paths: tuple[PathResult, ...]
    needs: tuple[str, ...]
    as_of: dt.date
    interpretation: str
    trace: Trace = field(compare=False)
    rules_version: str = ""

    @property
    def decided(self) -> bool:
        return not self.needs

    def to_dict(self, lang: str = "en") -> EligibilityDict:
        return {
            "recommended": self.recommended,
            "decided": self.decided,
            "needs": list(self.needs),
            "paths": [p.to_dict(lang) for p in self.paths],
            "as_of": self.as_of.isoformat(),
            "interpretation": self.interpretation,
            "warning": render(WARNING_KEY, lang, {}),
            "rules_version": self.rules_version,
            "trace": self.trace.to_list(lang),
        }

    def explain(self, lang: str = "en") -> str:
        head = render("eligibility.summary", lang, {"path": self.recommended})
        return f"{head}\n{self.trace.render(lang)}\n{render(WARNING_KEY, lang, {})}"


@dataclass(slots=True)
class _Ctx:
    reg: params.Registry
    facts: EligibilityInput
    trace: Trace
    cites: dict[str, tuple[str, ...]]


def screen(
    facts: Mapping[str, Any] | EligibilityInput,
    as_of: dt.date | None = None,
    *,
    registry: params.Registry | None = None,
) -> EligibilityResult:
    """Screen a case's facts and return the recommended path with reasons and a trace."""
    reg = registry or params.registry()
    if not isinstance(facts, EligibilityInput):
        facts = EligibilityInput.from_dict(facts, today=as_of)
    trace = Trace()
    on = facts.as_of
    proc = reg.get("reconciliation.procedure", on) if on >= _first(reg) else None
    rules = reg.get("reconciliation.thresholds", on) if proc else None
    reading_param = reg.get("reconciliation.interpretation", on) if proc else None
    reading = facts.interpretation or (reading_param.value if reading_param else "statutory_max")
    cites: dict[str, tuple[str, ...]] = {}
    if proc and rules and reading_param:
        cites = _cites(reg, proc, rules)
        trace.param(proc)
        trace.add("eligibility.reading", reading, (reading_param.cite(),), source=_src(facts))
    ctx = _Ctx(reg, facts, trace, cites)
    crime, offences = charged_offences(reg, facts, trace)
    if crime is not False and cites:
        statutory = statutory_path(reg, facts, trace, cites, offences, reading)
    else:
        statutory = _closed_statutory(ctx, crime)
    public = public_interest_path(reg, facts, trace, crime)
    compensation = compensation_path(reg, facts, trace, crime, statutory)
    paths = (statutory, public, compensation)
    recommended, needs = _recommend(paths)
    trace.add(
        "eligibility.recommended",
        recommended,
        _path_cites(paths, recommended),
        needs=", ".join(needs) or "-",
    )
    return EligibilityResult(
        recommended, paths, needs, on, reading, trace, params.rules_version(reg)
    )


def _first(reg: params.Registry) -> dt.date:
    """Return the first day the statutory procedure is in force in the data."""
    first = reg.memo.get("procedure_first")
    if first is None:
        first = min(v.start for v in reg.parameters["reconciliation.procedure"].values)
        reg.memo["procedure_first"] = first
    return first


def _cites(
    reg: params.Registry, proc: params.ParamValue, rules: params.ParamValue
) -> dict[str, tuple[str, ...]]:
    """Citations of CPL 288 (or 277 before 2018-10-26) paragraphs, built once per version."""
    key = ("cites", proc, rules)
    cites = reg.memo.get(key)
    if cites is None:
        law, art = proc.value["law"], proc.value["scope_article"]
        cites = {
            "para1": (f"{law} Art. {art} para 1 [{proc.mark}]", rules.cite()),
            "para2": (f"{law} Art. {art} para 2 [{proc.mark}]", "SPP-2019 Art. 492 [V]"),
            "parties": (f"{law} Art. {art} para 1 [{proc.mark}]", "SPP-2019 Art. 492 [V]"),
        }
        reg.memo[key] = cites
    return cites


def _src(facts: EligibilityInput) -> str:
    return "input" if facts.interpretation else "parameter"


def _closed_statutory(ctx: _Ctx, crime: Tri) -> PathResult:
    if crime is False:
        return PathResult(PATHS[0], False, (reason("reason.no_crime", _grade_cites(ctx)),))
    return PathResult(
        PATHS[0],
        False,
        (
            reason(
                "reason.procedure_not_in_force", ("CPL (2012) Art. 277 [U]",), on=ctx.facts.as_of
            ),
        ),
    )


def _grade_cites(ctx: _Ctx) -> tuple[str, ...]:
    return (ctx.reg.get(GRADES, ctx.facts.as_of).cite(), "PSAPL (2012) Arts. 9, 43 [V]")


def _recommend(paths: tuple[PathResult, ...]) -> tuple[str, tuple[str, ...]]:
    """Pick the first eligible path in order; report what undecided earlier paths still need."""
    needs: list[str] = []
    for path in paths:
        if path.eligible is True:
            return path.path, tuple(dict.fromkeys(needs))
        if path.eligible is None:
            needs.extend(path.needs)
    return "none", tuple(dict.fromkeys(needs))


def _path_cites(paths: tuple[PathResult, ...], recommended: str) -> tuple[str, ...]:
    for path in paths:
        if path.path == recommended and path.reasons:
            return path.reasons[0].citations
    cites = [c for p in paths for r in p.reasons for c in r.citations]
    return tuple(dict.fromkeys(cites)) or ("CPL (2018) Art. 288 [V]",)


__all__ = ["EligibilityInput", "EligibilityResult", "PathResult", "screen"]
