"""What a compensation calculation carries while it runs: rules, figures used, trace, items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypedDict

from ..errors import LawInputError
from ..messages_values import Text, text
from ..money import money_str, plain, round_cents, to_decimal
from ..params import ParamValue, Registry
from ..trace import Trace
from .inputs import CompensationInput

STATS = "compensation.statistics."
LOCAL = "compensation.local."


class ItemDict(TypedDict):
    code: str
    amount: str
    formula: str
    citations: list[str]


class ExcludedDict(TypedDict):
    code: str
    amount: str
    reason: str
    citations: list[str]


class ParameterUsedDict(TypedDict, total=False):
    name: str
    value: str
    region: str
    year: str
    source: str
    url: str
    mark: str
    period: str


@dataclass(frozen=True, slots=True)
class Item:
    """One head of damage: its amount (rounded once, half-up to the cent), formula, citations."""

    code: str
    amount: Decimal
    formula: Text  # str() is the English; the Chinese for lang "zh"
    citations: tuple[str, ...]

    def to_dict(self, lang: str = "en") -> ItemDict:
        return {
            "code": self.code,
            "amount": money_str(self.amount),
            "formula": self.formula.get(lang),
            "citations": list(self.citations),
        }


@dataclass(slots=True)
class Ctx:
    reg: Registry
    inp: CompensationInput
    trace: Trace = field(default_factory=Trace)
    items: list[Item] = field(default_factory=list)
    used: list[ParameterUsedDict] = field(default_factory=list)

    def rule(self, name: str, on: dt.date | None = None) -> ParamValue:
        """Return a rule parameter in force on the tort date (or `on`), recording it."""
        value = self.reg.get(f"compensation.{name}", on or self.inp.tort_date)
        self.trace.param(value)
        return value

    def figure(self, name: str, **keys: str) -> Decimal:
        """Return a statistic or local rate for the court's region and as_of, or an override.

        The override (input "parameters") wins and is recorded as user-supplied; a figure
        missing from the data is an error naming the parameter and how to supply it.
        """
        if name in self.inp.overrides:
            value = self.inp.overrides[name]
            self.trace.add(
                "compensation.override",
                plain(value),
                ("input: parameters (user-supplied)",),
                name=name,
            )
            self.used.append(
                {"name": name, "value": plain(value), "source": "input parameters", "mark": "input"}
            )
            return value
        full = (LOCAL if f"{LOCAL}{name}" in self.reg.parameters else STATS) + name
        pv = self.reg.get(full, self.inp.as_of, region=self.inp.region, **keys)
        self.trace.param(pv)
        extra = dict(pv.extra)
        self.used.append(
            {
                "name": name,
                "value": str(pv.value),
                "region": self.inp.region,
                "year": extra.get("stat_year", ""),
                "source": pv.citation,
                "url": pv.url,
                "mark": pv.mark,
                "period": f"{pv.start}..{pv.end or ''}",
                **({"series": keys["series"]} if "series" in keys else {}),  # type: ignore[typeddict-item]
            }
        )
        try:
            return to_decimal(pv.value)
        except ValueError:
            raise LawInputError(
                f"parameters.{name}", f"data value {pv.value!r} is not a number"
            ) from None

    def add_item(
        self, code: str, exact: Decimal, formula: str | Text, citations: tuple[str, ...]
    ) -> Item:
        """Round the item once and record it, with a trace step citing its rule."""
        amount = round_cents(exact)
        f, shown = text(formula), money_str(amount)
        item = Item(code, amount, Text(f"{f.en} = {shown}", f"{f.zh} = {shown}"), citations)
        self.trace.add(f"compensation.item.{code}", shown, citations, formula=f)
        self.items.append(item)
        return item
