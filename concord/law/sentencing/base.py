"""The offence's tier and the base sentence (Opinion II(一), Part IV items)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .. import params
from ..catalogue import PENALTIES, Offence, Tier
from ..errors import LawInputError, MissingParameterError
from ..money import plain
from ..reconciliation import tier_within
from ..trace import Trace
from .inputs import SentenceInput


def guidance(reg: params.Registry, name: str, on: dt.date) -> params.ParamValue:
    """Return Opinion data in force on a date, or say that the Opinion was not collected then."""
    try:
        return reg.get(name, on)
    except MissingParameterError:
        raise LawInputError(
            "as_of",
            f"no sentencing guidance in force on {on.isoformat()} in the data; "
            "the 2021 Opinion applies from 2021-07-01 and earlier versions were not collected",
            code="no_rules",
        ) from None


def applicable_tier(
    reg: params.Registry, inp: SentenceInput, offence: Offence, trace: Trace
) -> Tier:
    number = inp.tier
    if offence.article == "234":
        grades = reg.get("injury.grades", inp.as_of)
        grade = inp.injury_grade
        if grade is None and number is None:
            raise LawInputError(
                "offence.injury_grade", "is required for article 234", code="required"
            )
        if grade is not None:
            order = list(grades.value["order"])
            if order.index(grade) < order.index(grades.value["crime_threshold_234"]):
                raise LawInputError(
                    "offence.injury_grade",
                    f"{grade} is below minor injury (轻伤): "
                    "no crime of intentional injury to sentence",
                    code="no_crime",
                )
            derived = int(grades.value["tier_234"][grade])
            number = max(number or derived, derived)
            trace.add(
                "eligibility.tier_from_injury",
                number,
                (grades.cite(),),
                grade=grade,
                derived=derived,
            )
    if number is None:
        raise LawInputError(
            "offence.tier", f"is required for article {offence.article}", code="required"
        )
    tier = offence.tier(number)
    if tier is None:
        raise LawInputError(
            "offence.tier", f"article {offence.article} has no tier {number}", code="unknown_tier"
        )
    return tier


def base_sentence(
    reg: params.Registry, inp: SentenceInput, offence: Offence, tier: Tier, trace: Trace
) -> tuple[Decimal, Decimal]:
    """Starting point from the Opinion (or the input), plus increments for further victims."""
    if inp.starting_point is not None:
        start = inp.starting_point
        trace.add(
            "sentence.starting_point",
            f"{plain(start[0])}..{plain(start[1])}",
            ("input: offence.starting_point_months",),
            source="input",
        )
    else:
        pv = guidance(reg, "sentencing.starting_points", inp.as_of)
        row = (pv.value.get(offence.article) or {}).get(tier.number)
        if row is None or inp.injury_grade in row.get("not_for_grade", ()):
            raise LawInputError(
                "offence.starting_point_months",
                f"the Opinion's starting point for "
                f"article {offence.article} tier {tier.number} is not in the data; "
                "give [low, high] months as chosen by the court or provincial rules",
                code="parameter_missing",
            )
        start = (Decimal(row["range"][0]), Decimal(row["range"][1]))
        trace.add(
            "sentence.starting_point",
            f"{plain(start[0])}..{plain(start[1])}",
            (pv.cite(),),
            source=str(row["per"]),
        )
    if inp.victims > 1 and inp.increment is None:
        raise LawInputError(
            "offence.increment_months",
            "is required when there is more than one "
            "victim: increments per further victim are set by provincial rules, not collected",
            code="required",
        )
    inc = inp.increment or (Decimal(0), Decimal(0))
    if inp.increment is not None:
        trace.add(
            "sentence.increment",
            f"{plain(inc[0])}..{plain(inc[1])}",
            ("input: offence.increment_months", "法发〔2021〕21号 Part IV item (七)2 [S]"),
            victims=inp.victims,
        )
    base = (start[0] + inc[0], start[1] + inc[1])
    trace.add(
        "sentence.base", f"{plain(base[0])}..{plain(base[1])}", ("法发〔2021〕21号 II(一) [S]",)
    )
    return base


def reconciliation_available(
    reg: params.Registry, on: dt.date, offence: Offence, tier: Tier
) -> bool:
    """Whether the offence tier falls in a CPL 288 category (statutory-maximum reading)."""
    try:
        rules = reg.get("reconciliation.thresholds", on).value
    except MissingParameterError:
        return False
    cd_min = int(reg.get(PENALTIES, on).value["detention"][0])
    one = (
        offence.chapter in rules["civil_dispute_chapters"]
        and not offence.mps_334_excluded
        and tier_within(
            tier, int(rules["civil_dispute_max_months"]), "statutory_max", cd_min
        ).passes
    )
    two = (
        offence.mens_rea == "negligent"
        and offence.chapter not in rules["negligent_excluded_chapters"]
        and tier_within(tier, int(rules["negligent_max_months"]), "statutory_max", cd_min).passes
    )
    return one or two
