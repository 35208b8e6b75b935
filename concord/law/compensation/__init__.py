"""Personal-injury compensation (人身损害赔偿) under the Civil Code and the SPC interpretation.

`calculate` computes every head of damage with its formula and citations, sets aside what
the proceeding cannot award, applies the victim's own fault share and splits the rest
among obligors. Money is Decimal, rounded once per item, half-up to the cent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from .. import params
from ..errors import LawInputError, MissingParameterError
from ..inputs import Reader
from ..messages_values import Text
from ..money import ONE, ZERO, plain, round_cents
from . import disability as dis
from . import items as it
from .context import Ctx, Item
from .inputs import CompensationInput
from .result import CompensationResult, Excluded, Obligor

SIMPLE: tuple[tuple[str, Callable[[Ctx], it.Result]], ...] = (
    ("medical", it.medical),
    ("lost_income", it.lost_income),
    ("nursing", it.nursing),
    ("transport", it.transport),
    ("accommodation", it.accommodation),
    ("hospital_food", it.hospital_food),
    ("nutrition", it.nutrition),
)


def calculate(
    data: Mapping[str, Any] | CompensationInput,
    as_of: dt.date | None = None,
    *,
    registry: params.Registry | None = None,
) -> CompensationResult:
    """Compute compensation for one victim; raise LawInputError naming any bad or missing figure."""
    reg = registry or params.registry()
    inp = data if isinstance(data, CompensationInput) else CompensationInput.from_dict(data, as_of)
    ctx = Ctx(reg, inp)
    ctx.rule("regime")
    if inp.injury_grade:
        ctx.trace.add("compensation.injury_grade", inp.injury_grade, ("PI-2022 Arts. 6–12 [V]",))
    for code, rule in SIMPLE:
        _run(ctx, code, lambda rule=rule: rule(ctx))
    index = dis.disability_index(ctx) if "disability" not in inp.fixed_amounts else None
    _run(ctx, "disability", lambda: dis.disability(ctx, index))
    _run(ctx, "assistive_devices", lambda: it.assistive_devices(ctx))
    _run(ctx, "dependents", lambda: dis.dependants(ctx, index))
    _run(ctx, "funeral", lambda: it.funeral(ctx))
    _run(ctx, "death_compensation", lambda: dis.death_compensation(ctx))
    _run(ctx, "mental_distress", lambda: it.mental_distress(ctx))
    kept, excluded = _exclusions(ctx)
    gross = sum((i.amount for i in kept), ZERO)
    total = _after_fault(ctx, kept)
    mediated = _after_fault(ctx, ctx.items, record=False)
    obligors = _obligors(ctx, total)
    ctx.trace.add(
        "compensation.total",
        plain(total),
        ("CC Arts. 1173, 1179 [V]",),
        gross=plain(gross),
        fault=plain(inp.victim_fault_share),
    )
    return CompensationResult(
        inp.region,
        inp.as_of,
        inp.proceeding,
        tuple(kept),
        tuple(excluded),
        gross,
        inp.victim_fault_share,
        total,
        mediated,
        obligors,
        tuple(ctx.used),
        ctx.trace,
        params.rules_version(reg),
    )


def _run(ctx: Ctx, code: str, compute: Callable[[], it.Result]) -> None:
    """Compute one item unless the input fixes its amount (a court's or agreed figure)."""
    fixed = ctx.inp.fixed_amounts.get(code)
    if fixed is not None:
        ctx.add_item(
            code,
            fixed,
            Text("amount fixed by input", "输入中确定的金额"),
            it.CITES[code] + ("input: fixed_amounts",),
        )
        return
    result = compute()
    if result is not None:
        ctx.add_item(code, result[0], result[1], it.CITES[code])


def _exclusions(ctx: Ctx) -> tuple[list[Item], list[Excluded]]:
    """Set aside heads the proceeding cannot award (SPC-2021 Arts. 175, 192)."""
    try:
        rules = ctx.reg.get("compensation.proceedings", ctx.inp.as_of)
    except MissingParameterError:
        if ctx.inp.proceeding != "criminal_incidental":
            return list(ctx.items), []  # civil judgments and agreements exclude no head
        raise
    ctx.trace.param(rules, shown=ctx.inp.proceeding)
    table = rules.value.get(ctx.inp.proceeding, {})
    kept, excluded = [], []
    for item in ctx.items:
        rule = table.get(item.code)
        if rule and (
            rule.get("always") or (rule.get("unless_traffic") and not ctx.inp.traffic_crime)
        ):
            key = "excluded.mental_distress" if rule.get("always") else "excluded.not_material_loss"
            excluded.append(Excluded(item, key, (str(rule["cite"]),)))
            ctx.trace.add(
                "compensation.excluded",
                item.code,
                (str(rule["cite"]),),
                proceeding=ctx.inp.proceeding,
            )
        else:
            kept.append(item)
    return kept, excluded


def _after_fault(ctx: Ctx, kept: list[Item], record: bool = True) -> Decimal:
    """Reduce by the victim's own fault share (CC 1173), rounding once at the end."""
    share = ctx.inp.victim_fault_share
    applies_to_mental = bool(ctx.reg.get("compensation.fault", ctx.inp.tort_date).value)
    reducible = sum(
        (i.amount for i in kept if applies_to_mental or i.code != "mental_distress"), ZERO
    )
    rest = sum((i.amount for i in kept), ZERO) - reducible
    total = round_cents(reducible * (ONE - share)) + rest
    if record and share:
        ctx.trace.add(
            "compensation.fault",
            plain(total),
            ("CC Art. 1173 [V]",),
            share=plain(share),
            reducible=plain(reducible),
        )
    return total


def _obligors(ctx: Ctx, total: Decimal) -> tuple[Obligor, ...]:
    """Split the total among obligors by share and deduct what each has advanced (CC 1172)."""
    raw = ctx.inp.reader.list("obligors") or []
    out = []
    for i, entry in enumerate(raw):
        o = Reader(entry, f"obligors[{i}]")
        share = o.require("share", o.decimal("share", 0, 1))
        advanced = o.decimal("advanced") or ZERO
        out.append(
            Obligor(
                o.str("name") or f"obligor {i + 1}", share, round_cents(total * share), advanced
            )
        )
    if sum((o.share for o in out), ZERO) > ONE:
        raise LawInputError("obligors", "shares must add up to at most 1", code="max")
    for o in out:
        ctx.trace.add(
            "compensation.obligor",
            plain(o.amount - o.advanced),
            ("CC Art. 1172 [V]",),
            name=o.name,
            share=plain(o.share),
            amount=plain(o.amount),
            advanced=plain(o.advanced),
        )
    return tuple(out)


__all__ = ["CompensationInput", "CompensationResult", "calculate"]
