"""Disability and death compensation, and dependants' living expenses (PI-2022 Arts. 12, 15–17)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..errors import LawInputError
from ..inputs import Reader
from ..messages_values import Text
from ..money import ZERO, plain
from .context import Ctx
from .items import Result


def years_for_age(age: int, schedule: Mapping[str, Any]) -> int:
    """Return years of compensation: 20; one less per year of age over 60; 5 from age 75."""
    full, start = int(schedule["full_years"]), int(schedule["reduction_from_age"])
    floor_age, floor_years = int(schedule["floor_from_age"]), int(schedule["floor_years"])
    if age >= floor_age:
        return floor_years
    if age >= start:
        return max(full - (age - start), floor_years)
    return full


def combined_index(
    grades: list[int], additional: list[Decimal], table: Mapping[str, Any]
) -> Decimal:
    """Index of the most serious grade plus each further disability's additional index.

    GB 18667-2002 App. B.2 [S]: C = Ct × (Ih + Σ Ia), each Ia ≤ 10%, Σ Ia ≤ 10%, total ≤ 100%.
    """
    by_grade = {int(k): Decimal(str(v)) for k, v in table["by_grade"].items()}
    main = by_grade[min(grades)]
    if sum(additional, ZERO) > Decimal(str(table["additional_max_total"])):
        raise LawInputError(
            "disability.additional_indices",
            f"must add up to at most {table['additional_max_total']}",
            code="max",
        )
    return min(main + sum(additional, ZERO), Decimal(str(table["total_max"])))


def _income_name(ctx: Ctx) -> str:
    split = ctx.rule("regime").value["urban_rural_split"]
    if split and ctx.inp.residence == "rural":
        return "rural_net_income_per_capita"
    return "urban_disposable_income_per_capita"


def _consumption_name(ctx: Ctx) -> str:
    split = ctx.rule("regime").value["urban_rural_split"]
    if split and ctx.inp.residence == "rural":
        return "rural_living_expenditure_per_capita"
    return "urban_consumption_expenditure_per_capita"


def disability_index(ctx: Ctx) -> Decimal | None:
    """Read the disability grades and return the combined index, or None without disability."""
    d = ctx.inp.reader.obj("disability")
    if d is None:
        return None
    raw = d.require("grades", d.list("grades"))
    if not raw:
        raise LawInputError("disability.grades", "must list at least one grade from 1 to 10")
    grades = []
    for i, g in enumerate(raw):
        if isinstance(g, bool) or not isinstance(g, int) or not 1 <= g <= 10:
            raise LawInputError(f"disability.grades[{i}]", "must be a whole number from 1 to 10")
        grades.append(g)
    table = ctx.rule("disability_index").value
    additional: list[Decimal] = []
    if len(grades) > 1:
        extra = d.list("additional_indices")
        if extra is None or len(extra) != len(grades) - 1:
            raise LawInputError(
                "disability.additional_indices",
                f"needs {len(grades) - 1} value(s), one per further disability: the court's "
                "additional index Ia (0–0.10 each) varies by province and is never assumed",
                code="required",
            )
        cap = Decimal(str(table["additional_max_each"]))
        for i, _ in enumerate(extra):
            value = _reader_decimal(d, "additional_indices", i, cap)
            additional.append(value)
    index = combined_index(grades, additional, table)
    ctx.trace.add(
        "compensation.disability_index",
        plain(index),
        ("GB 18667-2002 App. B [S]",),
        grades=", ".join(map(str, grades)),
        additional=", ".join(map(plain, additional)) or "-",
    )
    return index


def _reader_decimal(d: Reader, key: str, i: int, cap: Decimal) -> Decimal:
    sub = Reader({str(i): d.raw(key)[i]}, d.path(key))
    value = sub.decimal(str(i), 0, cap)
    assert value is not None
    return value


def disability(ctx: Ctx, index: Decimal | None) -> Result:
    """P_inc × years(age at rating) × index, counted from the rating date (Art. 12)."""
    if index is None:
        return None
    age = ctx.inp.age_at_rating
    assert age is not None
    years = years_for_age(age, ctx.rule("age_schedule").value)
    ctx.trace.add("compensation.years_for_age", years, ("PI-2022 Art. 12 [V]",), age=age)
    income = ctx.figure(_income_name(ctx))
    inc, idx = plain(income), plain(index)
    return income * years * index, Text(
        f"{inc} × {years} years × {idx}", f"{inc} × {years}年 × {idx}"
    )


def death_compensation(ctx: Ctx) -> Result:
    """P_inc × years(age at death), paid in a lump sum (Arts. 15, 20)."""
    if not ctx.inp.died:
        return None
    age = ctx.inp.age_at_death
    assert age is not None
    years = years_for_age(age, ctx.rule("age_schedule").value)
    ctx.trace.add("compensation.years_for_age", years, ("PI-2022 Art. 15 [V]",), age=age)
    income = ctx.figure(_income_name(ctx))
    return income * years, Text(f"{plain(income)} × {years} years", f"{plain(income)} × {years}年")


def dependants(ctx: Ctx, index: Decimal | None) -> Result:
    """Each dependant: P_con × index ÷ obligors a year, for their years; yearly total capped.

    Minors until 18; adults without working capacity per the age schedule (Art. 17). With
    several dependants the yearly total may not exceed one year of P_con (Art. 17 para 2),
    so the sum is built year by year.
    """
    deps = ctx.inp.dependants
    if not deps:
        return None
    if ctx.inp.died:
        index = Decimal(1)
    if index is None:
        raise LawInputError(
            "dependents", "count only with a disability or a death (PI-2022 Art. 16)"
        )
    rules = ctx.rule("dependants").value
    schedule = ctx.rule("age_schedule").value
    consumption = ctx.figure(_consumption_name(ctx))
    spans = []
    for dep in deps:
        years = (
            int(rules["minor_until_age"]) - dep.age
            if dep.age < int(rules["minor_until_age"])
            else years_for_age(dep.age, schedule)
        )
        spans.append((years, consumption * index / dep.obligors))
    total, capped_years = ZERO, 0
    for year in range(1, max((s[0] for s in spans), default=0) + 1):
        owed = sum((amount for years, amount in spans if years >= year), ZERO)
        if owed > consumption:
            owed, capped_years = consumption, capped_years + 1
        total += owed
    ctx.trace.add(
        "compensation.dependants_cap",
        plain(total),
        ("PI-2022 Art. 17 para 2 [V]",),
        years=", ".join(str(s[0]) for s in spans),
        capped_years=capped_years,
        cap=plain(consumption),
    )
    shares = " + ".join(f"{plain(a)} × {y}y" for y, a in spans)
    shares_zh = " + ".join(f"{plain(a)} × {y}年" for y, a in spans)
    cap = plain(consumption)
    return total, Text(
        f"Σ per year min({shares}; cap {cap}/year)", f"逐年累计（{shares_zh}，每年以{cap}为限）"
    )
