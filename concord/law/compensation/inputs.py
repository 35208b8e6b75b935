"""The input of the compensation calculator, parsed and validated field by field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..errors import LawInputError
from ..facts import INJURY_GRADES
from ..inputs import Reader, as_of, completed_years
from ..money import ZERO

PROCEEDINGS = ("criminal_incidental", "civil", "mediation")
ITEM_CODES = (
    "medical", "lost_income", "nursing", "transport", "accommodation", "hospital_food",
    "nutrition", "disability", "assistive_devices", "dependents", "mental_distress",
    "funeral", "death_compensation",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Dependant:
    age: int
    obligors: int
    incapacitated: bool


@dataclass(frozen=True, slots=True)
class CompensationInput:
    """Everything the calculator reads; money as Decimal, dates as date."""

    region: str
    as_of: dt.date
    tort_date: dt.date
    proceeding: str
    reader: Reader = field(repr=False, compare=False)
    age_at_rating: int | None = None
    age_at_death: int | None = None
    died: bool = False
    residence: str = "urban"
    traffic_crime: bool = False
    victim_fault_share: Decimal = ZERO
    overrides: Mapping[str, Decimal] = field(default_factory=dict)
    fixed_amounts: Mapping[str, Decimal] = field(default_factory=dict)
    dependants: tuple[Dependant, ...] = ()
    injury_grade: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], today: dt.date | None = None) -> CompensationInput:
        """Parse the JSON input of `concord law compensation`."""
        r = Reader(data)
        on = as_of(r, today)
        region = r.require("region", r.str("region")).upper()
        if not region.startswith("CN-"):
            raise LawInputError("region", "must be an ISO 3166-2 code such as CN-SH", code="region")
        victim = r.require("victim", r.obj("victim"))
        death = r.obj("death")
        died = bool(victim.bool("deceased")) or death is not None
        death_date = (death.date("date") if death else None) or on
        rating_date = on
        if (dis := r.obj("disability")) is not None:
            rating_date = dis.date("rating_date") or on
        age_rating, age_death = _ages(victim, rating_date, death_date)
        overrides = {}
        for key, value in (r.obj("parameters") or Reader({}, "parameters")).data.items():
            overrides[str(key)] = Reader({key: value}, "parameters").decimal(key)
        fixed = {}
        fixed_reader = r.obj("fixed_amounts") or Reader({}, "fixed_amounts")
        for key in fixed_reader.data:
            if key not in ITEM_CODES:
                raise LawInputError(
                    f"fixed_amounts.{key}", f"must be one of {', '.join(ITEM_CODES)}"
                )
            fixed[str(key)] = fixed_reader.decimal(key)
        return cls(
            region=region,
            as_of=on,
            tort_date=r.date("tort_date") or on,
            proceeding=r.require("proceeding", r.enum("proceeding", PROCEEDINGS)),
            reader=r,
            age_at_rating=age_rating,
            age_at_death=age_death if died else None,
            died=died,
            residence=r.enum("residence", ("urban", "rural")) or "urban",
            traffic_crime=bool(r.bool("traffic_crime")),
            victim_fault_share=r.decimal("victim_fault_share", 0, 1) or ZERO,
            overrides=overrides,
            fixed_amounts=fixed,
            dependants=_dependants(r),
            injury_grade=r.enum("injury_grade", INJURY_GRADES),
        )


def _ages(victim: Reader, rating_date: dt.date, death_date: dt.date) -> tuple[int, int]:
    """Age in completed years at the disability rating and at death (PI-2022 Arts. 12, 15)."""
    born = victim.date("birth_date")
    if born is not None:
        if born > rating_date:
            raise LawInputError("victim.birth_date", "is after the rating date", code="date_order")
        return completed_years(born, rating_date), completed_years(born, death_date)
    age = victim.int("age", 0, 130)
    if age is None:
        raise LawInputError("victim", "needs age or birth_date", code="required")
    return age, age


def _dependants(r: Reader) -> tuple[Dependant, ...]:
    out = []
    for i, raw in enumerate(r.list("dependents") or []):
        d = Reader(raw, f"dependents[{i}]")
        age = d.require("age", d.int("age", 0, 130))
        incapacitated = bool(d.bool("incapacitated"))
        if age >= 18 and not incapacitated:
            raise LawInputError(
                f"dependents[{i}].incapacitated",
                "an adult dependant counts only if without working capacity and livelihood; "
                "set incapacitated to true (PI-2022 Art. 17)",
                code="dependant_adult",
            )
        out.append(Dependant(age, d.int("obligors", 1, 20) or 1, incapacitated))
    return tuple(out)
