"""Reading and validating JSON-like input, naming the field in every error."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from .errors import LawInputError
from .money import to_decimal


class Reader:
    """Typed access to one JSON object; errors carry the dotted field path."""

    __slots__ = ("data", "prefix")

    def __init__(self, data: object, prefix: str = "") -> None:
        if not isinstance(data, Mapping):
            raise LawInputError(prefix or "input", "must be a JSON object", code="type")
        self.data: Mapping[str, Any] = data
        self.prefix = prefix

    def path(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.prefix}[{key}]"
        return f"{self.prefix}.{key}" if self.prefix else key

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def raw(self, key: str) -> Any:
        return self.data.get(key)

    def bool(self, key: str) -> bool | None:
        value = self.data.get(key)
        if value is None or isinstance(value, bool):
            return value
        raise LawInputError(self.path(key), "must be true or false", code="type")

    def int(self, key: str, lo: int | None = None, hi: int | None = None) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise LawInputError(self.path(key), "must be a whole number", code="type")
        try:
            number = int(value)
        except ValueError:
            raise LawInputError(self.path(key), "must be a whole number", code="type") from None
        _check_range(self.path(key), number, lo, hi)
        return number

    def decimal(
        self, key: str, lo: Decimal | int | None = 0, hi: Decimal | int | None = None
    ) -> Decimal | None:
        value = self.data.get(key)
        if value is None:
            return None
        try:
            number = to_decimal(value)
        except ValueError:
            raise LawInputError(
                self.path(key),
                'must be a number or a decimal string such as "1234.50"',
                code="type",
            ) from None
        _check_range(self.path(key), number, lo, hi)
        return number

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise LawInputError(self.path(key), "must be an ISO date such as 2024-06-30", code="date")

    def enum(self, key: str, choices: Sequence[str]) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if value not in choices:
            raise LawInputError(
                self.path(key),
                f"must be one of {', '.join(choices)} (got {value!r})",
                code="choice",
                params={"choices": ", ".join(choices)},
            )
        return str(value)

    def str(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str) or not value.strip():
            raise LawInputError(self.path(key), "must be a non-empty string", code="type")
        return value.strip()

    def obj(self, key: str) -> Reader | None:
        value = self.data.get(key)
        if value is None:
            return None
        return Reader(value, self.path(key))

    def list(self, key: str) -> list[Any] | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            raise LawInputError(self.path(key), "must be a list", code="type")
        return value

    def require(self, key: str, value: Any) -> Any:
        if value is None:
            raise LawInputError(self.path(key), "is required", code="required")
        return value


def _check_range(path: str, number: Any, lo: Any, hi: Any) -> None:
    if lo is not None and number < lo:
        raise LawInputError(path, f"must be at least {lo}", code="min", params={"min": lo})
    if hi is not None and number > hi:
        raise LawInputError(path, f"must be at most {hi}", code="max", params={"max": hi})


def as_of(reader: Reader, today: dt.date | None = None) -> dt.date:
    """Return the input's as_of date (the law and parameters in force), default today."""
    return reader.date("as_of") or today or dt.date.today()


def completed_years(born: dt.date, on: dt.date) -> int:
    """Return the age in completed years on a date (a birthday counts on the day itself)."""
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years
