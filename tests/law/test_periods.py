"""The day before and the day of every change in the parameter data, for every parameter."""

from __future__ import annotations

import datetime as dt

import pytest

from concord.law.errors import MissingParameterError
from concord.law.params import ParamValue, registry

ONE_DAY = dt.timedelta(days=1)


def all_values() -> list[ParamValue]:
    return [v for p in registry().parameters.values() for v in p.values]


def lookup(value: ParamValue, on: dt.date) -> ParamValue | None:
    try:
        return registry().get(value.name, on, **dict(value.keys))
    except MissingParameterError:
        return None


@pytest.mark.parametrize("value", all_values(), ids=lambda v: f"{v.name}{dict(v.keys)}@{v.start}")
def test_a_value_applies_from_its_first_day_and_not_the_day_before(value: ParamValue) -> None:
    assert lookup(value, value.start) is value
    assert lookup(value, value.start - ONE_DAY) is not value


@pytest.mark.parametrize(
    "value", [v for v in all_values() if v.end], ids=lambda v: f"{v.name}{dict(v.keys)}@{v.end}"
)
def test_a_value_applies_on_its_last_day_and_not_the_day_after(value: ParamValue) -> None:
    assert value.end is not None
    assert lookup(value, value.end) is value
    assert lookup(value, value.end + ONE_DAY) is not value
