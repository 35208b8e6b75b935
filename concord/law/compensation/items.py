"""Heads of damage other than disability, death and dependants (PI-2022 Arts. 6–11, 13–14)."""

from __future__ import annotations

from decimal import Decimal

from ..errors import LawInputError
from ..inputs import Reader
from ..messages_values import Text
from ..money import ZERO, plain, to_decimal
from .context import Ctx

Result = tuple[Decimal, str | Text] | None  # amount and formula; a plain str reads the same in zh

CITES: dict[str, tuple[str, ...]] = {
    "medical": ("PI-2022 Art. 6 [V]", "CC Art. 1179 [V]"),
    "lost_income": ("PI-2022 Art. 7 [V]",),
    "nursing": ("PI-2022 Art. 8 [V]",),
    "transport": ("PI-2022 Art. 9 [V]",),
    "accommodation": ("PI-2022 Art. 10 para 2 [V]",),
    "hospital_food": ("PI-2022 Art. 10 para 1 [V]",),
    "nutrition": ("PI-2022 Art. 11 [V]",),
    "disability": ("PI-2022 Art. 12 [V]", "GB 18667-2002 App. B [S]"),
    "assistive_devices": ("PI-2022 Art. 13 [V]",),
    "dependents": ("PI-2022 Arts. 16–17 [V]",),
    "mental_distress": ("CC Art. 1183 [V]", "MD Art. 5 [V]", "PI-2022 Art. 23 [V]"),
    "funeral": ("PI-2022 Art. 14 [V]",),
    "death_compensation": ("PI-2022 Art. 15 [V]", "CC Art. 1179 [V]"),
}


def _sum_amounts(r: Reader, key: str) -> Result:
    raw = r.raw(key)
    if raw is None:
        return None
    parts = raw if isinstance(raw, list) else [raw]
    amounts = []
    for i, part in enumerate(parts):
        sub = Reader(part, f"{key}[{i}]") if isinstance(part, dict) else None
        try:
            value = sub.decimal("amount") if sub else to_decimal(part)
        except ValueError:
            raise LawInputError(r.path(key), "must be an amount or a list of amounts") from None
        if value is None or value < 0:
            raise LawInputError(r.path(key), "amounts must be present and not negative")
        amounts.append(value)
    return sum(amounts, ZERO), " + ".join(plain(a) for a in amounts)


def medical(ctx: Ctx) -> Result:
    """Medical expenses actually incurred, proven by receipts and records (Art. 6)."""
    return _sum_amounts(ctx.inp.reader, "medical_expenses")


def transport(ctx: Ctx) -> Result:
    """Actual transport costs of the victim and necessary companions (Art. 9)."""
    return _sum_amounts(ctx.inp.reader, "transport")


def accommodation(ctx: Ctx) -> Result:
    """Reasonable lodging and meals when treated away from home (Art. 10 para 2)."""
    return _sum_amounts(ctx.inp.reader, "accommodation")


def mental_distress(ctx: Ctx) -> Result:
    """Mental-distress damages: a discretionary amount, given as input (CC 1183, MD Art. 5)."""
    return _sum_amounts(ctx.inp.reader, "mental_distress")


def lost_income(ctx: Ctx) -> Result:
    """Period × rate: actual income, else the industry's average wage (Art. 7)."""
    r = ctx.inp.reader.obj("lost_income")
    if r is None:
        return None
    days = r.require("days", r.decimal("days"))
    daily = r.decimal("daily_income")
    if daily is not None:
        return days * daily, _per_day(f"{plain(days)} days", f"{plain(days)}天", daily)
    per_year = Decimal(str(ctx.rule("lost_income").value))
    annual = r.decimal("annual_income")
    source = Text("annual income", "年收入")
    if annual is None:
        industry = r.str("industry")
        if industry is None:
            raise LawInputError("lost_income", "needs daily_income, annual_income or industry")
        annual = ctx.figure("industry_average_wage", industry=industry)
        source = Text(f"average wage of {industry}", f"“{industry}”行业平均工资")
    d, a = plain(days), plain(annual)
    return days * annual / per_year, Text(
        f"{d} days × {a} ({source.en}) ÷ {per_year}", f"{d}天 × {a}（{source.zh}）÷ {per_year}"
    )


def _per_day(en: str, zh: str, rate: Decimal) -> Text:
    """ "<period> × <rate>/day" in both languages."""
    return Text(f"{en} × {plain(rate)}/day", f"{zh} × {plain(rate)}元/天")


def nursing(ctx: Ctx) -> Result:
    """Carers × days × rate; one carer in principle; at most 20 years at once (Art. 8)."""
    r = ctx.inp.reader.obj("nursing")
    if r is None:
        return None
    rules = ctx.rule("nursing").value
    days = r.require("days", r.decimal("days"))
    limit = Decimal(rules["max_years"]) * Decimal(rules["days_per_year"])
    if days > limit:
        ctx.trace.add(
            "compensation.nursing_limit", plain(limit), ("PI-2022 Art. 8 [V]",), days=plain(days)
        )
        days = limit
    carers = r.int("carers", 1, 10) or int(rules["default_carers"])
    rate = r.decimal("daily_rate")
    if rate is None:
        rate = ctx.figure("carer_daily_rate")
    d = plain(days)
    return days * carers * rate, _per_day(
        f"{carers} carer(s) × {d} days", f"{carers}人 × {d}天", rate
    )


def hospital_food(ctx: Ctx) -> Result:
    """Hospital days × the local business-trip meal allowance (Art. 10 para 1)."""
    days = ctx.inp.reader.decimal("hospital_days")
    if days is None:
        return None
    rate = ctx.figure("hospital_food_daily_allowance")
    return days * rate, _per_day(f"{plain(days)} days", f"{plain(days)}天", rate)


def nutrition(ctx: Ctx) -> Result:
    """Nutrition by local practice: days × rate, or a capped share of medical costs (Art. 11)."""
    r = ctx.inp.reader
    spec = r.obj("nutrition")
    days = r.decimal("nutrition_days")
    if spec is None and days is None:
        return None
    if spec is not None and spec.has("share_of_medical"):
        share = spec.require("share_of_medical", spec.decimal("share_of_medical", 0, 1))
        base = medical(ctx)
        if base is None:
            raise LawInputError("nutrition.share_of_medical", "needs medical_expenses")
        amount, formula = base[0] * share, f"{plain(base[0])} × {plain(share)}"
        cap = spec.decimal("cap")
        if cap is not None and amount > cap:
            return cap, Text(f"min({formula}, cap {plain(cap)})", f"{formula}，以{plain(cap)}为限")
        return amount, formula
    if spec is not None:
        days = spec.require("days", spec.decimal("days"))
    rate = spec.decimal("daily_rate") if spec is not None else None
    if rate is None:
        rate = ctx.figure("nutrition_daily_rate")
    assert days is not None
    return days * rate, _per_day(f"{plain(days)} days", f"{plain(days)}天", rate)


def assistive_devices(ctx: Ctx) -> Result:
    """Ordinary suitable devices; replacements per the fitting institution's opinion (Art. 13).

    A device given as unit_cost, years and replacement_cycle_years costs
    unit_cost × (1 + floor(years / cycle)) — a common method, not in the text [U].
    """
    raw = ctx.inp.reader.raw("assistive_devices")
    if (
        not isinstance(raw, list)
        or not raw
        or not isinstance(raw[0], dict)
        or "unit_cost" not in raw[0]
    ):
        return _sum_amounts(ctx.inp.reader, "assistive_devices")
    total, parts = ZERO, []
    for i, item in enumerate(raw):
        d = Reader(item, f"assistive_devices[{i}]")
        cost = d.require("unit_cost", d.decimal("unit_cost"))
        years = d.require("years", d.int("years", 0, 100))
        cycle = d.require("replacement_cycle_years", d.int("replacement_cycle_years", 1, 100))
        count = 1 + years // cycle
        total += cost * count
        parts.append(f"{plain(cost)} × {count}")
    ctx.trace.add(
        "compensation.devices_method",
        plain(total),
        ("compensation.md §2.8 [U]",),
        method="unit_cost × (1 + floor(years / cycle))",
    )
    return total, " + ".join(parts)


def funeral(ctx: Ctx) -> Result:
    """Six months of the previous year's average monthly wage (Art. 14)."""
    if not ctx.inp.died:
        return None
    months = Decimal(str(ctx.rule("funeral").value))
    series = (
        ctx.reg.get(
            "compensation.statistics.funeral_wage_series", ctx.inp.as_of, region=ctx.inp.region
        )
        if "average_wage" not in ctx.inp.overrides
        else None
    )
    if series is not None:
        ctx.trace.param(series)
    wage = ctx.figure("average_wage", series=str(series.value) if series else "input")
    return wage / 12 * months, f"{plain(wage)} ÷ 12 × {plain(months)}"
