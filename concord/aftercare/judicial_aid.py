"""The cap on state judicial aid for a crime victim, with the trace the page shows.

Rule (2014 Opinion, as reported [S]; corrections-and-aid.md §B): aid is set from the previous
year's average monthly wage of employees where the case-handling organ sits, generally within
``cap_months`` months of it, and never above the compensation the court should have awarded:

    cap = min(cap_months × monthly wage, court-awardable compensation)

Exception, not computed: for especially heavy losses or hardship the approving organ may go
above the months cap under strict review — still never above the court-awardable figure.

The rule reads its numbers from ``concord/law/parameters/aid/``. A wage figure entered by staff
(with its source) is used as given; otherwise the region's figure on record is used; if there
is none, the cap is not computed and the missing figure is named — it is never guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from concord.law import params
from concord.law.errors import MissingParameterError

CAP_MONTHS = "aid.judicial_aid_cap_months"
MONTHLY_WAGE = "aid.monthly_wage"
CENT = Decimal("0.01")


def round_cents(amount: Decimal) -> Decimal:
    """Round half-up to the cent, once, at the end of the calculation."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Step:
    name: str
    value: str
    source: str = ""


@dataclass(frozen=True)
class AidCap:
    value: Decimal | None
    # Names of the figures the cap needs and does not have ("monthly_wage", "court_awardable").
    missing: tuple[str, ...]
    steps: tuple[Step, ...] = field(default=())
    rules_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": str(self.value) if self.value is not None else None,
            "missing": list(self.missing),
            "steps": [{"name": s.name, "value": s.value, "source": s.source} for s in self.steps],
            "rules_version": self.rules_version,
        }


def wage_on_record(*, region: str, on: dt.date, registry=None):
    """Return the region's monthly wage parameter value in force on ``on``, or None."""
    reg = registry or params.registry()
    try:
        return reg.get(MONTHLY_WAGE, on, region=region)
    except MissingParameterError:
        return None


def judicial_aid_cap(
    *,
    on: dt.date,
    region: str,
    monthly_wage: Decimal | None = None,
    wage_source: str = "",
    court_awardable: Decimal | None = None,
    registry=None,
) -> AidCap:
    """Return min(cap_months × monthly wage, court-awardable compensation), with its steps."""
    reg = registry or params.registry()
    months = reg.get(CAP_MONTHS, on)
    steps = [Step("cap_months", str(months.value), months.cite())]
    missing = []
    if monthly_wage is not None:
        steps.append(Step("monthly_wage", str(monthly_wage), f"{wage_source} [input]"))
    else:
        record = wage_on_record(region=region, on=on, registry=reg)
        if record is None:
            missing.append("monthly_wage")
        else:
            monthly_wage = Decimal(str(record.value))
            steps.append(Step("monthly_wage", str(monthly_wage), record.cite()))
    wage_cap = None
    if monthly_wage is not None:
        wage_cap = Decimal(months.value) * monthly_wage
        steps.append(Step("wage_cap", str(round_cents(wage_cap)), "cap_months × monthly_wage"))
    if court_awardable is None:
        missing.append("court_awardable")
    else:
        steps.append(Step("court_awardable", str(court_awardable), "[input]"))
    value = None
    if wage_cap is not None and court_awardable is not None:
        value = round_cents(min(wage_cap, court_awardable))
        steps.append(Step("cap", str(value), "min(wage_cap, court_awardable)"))
    return AidCap(
        value=value,
        missing=tuple(missing),
        steps=tuple(steps),
        rules_version=params.rules_version(reg),
    )
