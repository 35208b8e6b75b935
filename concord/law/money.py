"""Money and ratios as Decimal, with one named rounding rule."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0")
ONE = Decimal("1")


def round_cents(amount: Decimal) -> Decimal:
    """Round an amount half-up to the cent; done once, at the end of each item."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def money_str(amount: Decimal) -> str:
    """Format an already rounded amount as a two-place decimal string ("1234.50")."""
    return f"{round_cents(amount):.2f}"


def to_decimal(value: object) -> Decimal:
    """Convert a JSON number or numeric string to Decimal; raise ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError("a boolean is not a number")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            result = Decimal(value.strip().replace(",", ""))
        except InvalidOperation as exc:
            raise ValueError(f"{value!r} is not a number") from exc
        if not result.is_finite():
            raise ValueError(f"{value!r} is not a finite number")
        return result
    raise ValueError(f"{type(value).__name__} is not a number")


def plain(value: Decimal) -> str:
    """Format a ratio or count without trailing zeros ("0.3", "12")."""
    text = format(value.normalize(), "f")
    return text
