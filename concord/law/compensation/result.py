"""The compensation result: items, exclusions, totals, figures used, and the trace."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TypedDict

from ..messages import WARNING_KEY, render
from ..money import money_str, plain
from ..trace import StepDict, Trace
from .context import ExcludedDict, Item, ItemDict, ParameterUsedDict


class ObligorDict(TypedDict):
    name: str
    share: str
    amount: str
    advanced: str
    outstanding: str


class CompensationDict(TypedDict):
    region: str
    as_of: str
    proceeding: str
    items: list[ItemDict]
    excluded: list[ExcludedDict]
    gross_total: str
    victim_fault_share: str
    total: str
    total_if_mediated: str
    obligors: list[ObligorDict]
    parameters: list[ParameterUsedDict]
    warning: str
    rules_version: str
    trace: list[StepDict]


@dataclass(frozen=True, slots=True)
class Excluded:
    item: Item
    reason_key: str
    citations: tuple[str, ...]

    def to_dict(self, lang: str) -> ExcludedDict:
        return {
            "code": self.item.code,
            "amount": money_str(self.item.amount),
            "reason": render(self.reason_key, lang, {}),
            "citations": list(self.citations),
        }


@dataclass(frozen=True, slots=True)
class Obligor:
    name: str
    share: Decimal
    amount: Decimal
    advanced: Decimal

    def to_dict(self) -> ObligorDict:
        return {
            "name": self.name,
            "share": plain(self.share),
            "amount": money_str(self.amount),
            "advanced": money_str(self.advanced),
            "outstanding": money_str(self.amount - self.advanced),
        }


@dataclass(frozen=True, slots=True)
class CompensationResult:
    """What the obligor owes, item by item, with exclusions and the figures used."""

    region: str
    as_of: dt.date
    proceeding: str
    items: tuple[Item, ...]
    excluded: tuple[Excluded, ...]
    gross_total: Decimal
    victim_fault_share: Decimal
    total: Decimal
    total_if_mediated: Decimal
    obligors: tuple[Obligor, ...]
    parameters: tuple[ParameterUsedDict, ...]
    trace: Trace
    rules_version: str

    def item(self, code: str) -> Item | None:
        return next((i for i in self.items if i.code == code), None)

    def to_dict(self, lang: str = "en") -> CompensationDict:
        return {
            "region": self.region,
            "as_of": self.as_of.isoformat(),
            "proceeding": self.proceeding,
            "items": [i.to_dict(lang) for i in self.items],
            "excluded": [e.to_dict(lang) for e in self.excluded],
            "gross_total": money_str(self.gross_total),
            "victim_fault_share": plain(self.victim_fault_share),
            "total": money_str(self.total),
            "total_if_mediated": money_str(self.total_if_mediated),
            "obligors": [o.to_dict() for o in self.obligors],
            "parameters": list(self.parameters),
            "warning": render(WARNING_KEY, lang, {}),
            "rules_version": self.rules_version,
            "trace": self.trace.to_list(lang),
        }

    def explain(self, lang: str = "en") -> str:
        head = render("compensation.summary", lang, {"total": money_str(self.total)})
        return f"{head}\n{self.trace.render(lang)}\n{render(WARNING_KEY, lang, {})}"
