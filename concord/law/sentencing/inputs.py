"""The input of the leniency estimate, parsed and validated field by field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from ..errors import LawInputError
from ..facts import INJURY_GRADES
from ..inputs import Reader, as_of
from ..money import to_decimal

# Contract names that are not themselves adjustment ids.
CONTEXT_FACTS = ("age", "pregnant", "ringleader", "compensated", "victim_understanding", "mens_rea")


@dataclass(frozen=True, slots=True)
class SentenceInput:
    """Offence facts and sentencing factors; `chosen` fixes a percentage a court has chosen."""

    article: str
    as_of: dt.date
    tier: int | None = None
    injury_grade: str | None = None
    victims: int = 1
    starting_point: tuple[Decimal, Decimal] | None = None
    increment: tuple[Decimal, Decimal] | None = None
    flags: frozenset[str] = frozenset()
    chosen: Mapping[str, Decimal] = field(default_factory=dict)
    age: int | None = None

    def with_flags(self, *names: str) -> SentenceInput:
        """Return the same case with more factors present (for the scenarios)."""
        return replace(self, flags=self.flags | frozenset(names))

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], known: frozenset[str], today: dt.date | None = None
    ) -> SentenceInput:
        """Parse `concord law sentence` input; `known` is the set of adjustment ids in force."""
        r = Reader(data)
        o = r.require("offence", r.obj("offence"))
        f = r.obj("factors") or Reader({}, "factors")
        flags: set[str] = set()
        chosen: dict[str, Decimal] = {}
        for key, value in f.data.items():
            if key == "age":
                continue
            if key not in known and key not in CONTEXT_FACTS:
                raise LawInputError(
                    f"factors.{key}",
                    "is not a known factor; known: "
                    + ", ".join(sorted(known | set(CONTEXT_FACTS))),
                    code="unknown_factor",
                )
            if isinstance(value, bool):
                if value:
                    flags.add(key)
            elif isinstance(value, Mapping) and "pct" in value:
                flags.add(key)
                try:
                    chosen[key] = abs(to_decimal(value["pct"]))
                except ValueError:
                    raise LawInputError(
                        f"factors.{key}.pct", "must be a number of percent"
                    ) from None
            else:
                raise LawInputError(
                    f"factors.{key}", 'must be true, false or {"pct": number}', code="type"
                )
        return cls(
            article=o.require("article", o.str("article")),
            as_of=as_of(r, today),
            tier=o.int("tier", 1, 9),
            injury_grade=o.enum("injury_grade", INJURY_GRADES),
            victims=o.int("victims", 1, 1000) or 1,
            starting_point=_pair(o, "starting_point_months"),
            increment=_pair(o, "increment_months"),
            flags=frozenset(flags),
            chosen=chosen,
            age=f.int("age", 12, 130),
        )


def _pair(r: Reader, key: str) -> tuple[Decimal, Decimal] | None:
    raw = r.list(key)
    if raw is None:
        return None
    if len(raw) != 2:
        raise LawInputError(r.path(key), "must be [low, high] in months")
    try:
        low, high = to_decimal(raw[0]), to_decimal(raw[1])
    except ValueError:
        raise LawInputError(r.path(key), "must be two numbers of months") from None
    if low < 0 or high < low:
        raise LawInputError(r.path(key), "must satisfy 0 ≤ low ≤ high")
    return low, high
