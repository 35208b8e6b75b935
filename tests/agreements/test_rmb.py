"""Amounts in Chinese capital numerals, as printed next to the figures in the agreement."""

from __future__ import annotations

from decimal import Decimal

import pytest

from concord.agreements.rmb import rmb_upper

CASES = [
    ("0", "零元整"),
    ("0.05", "伍分"),
    ("0.50", "伍角"),
    ("1", "壹元整"),
    ("10", "壹拾元整"),
    ("15", "壹拾伍元整"),
    ("105", "壹佰零伍元整"),
    ("1050", "壹仟零伍拾元整"),
    ("1500", "壹仟伍佰元整"),
    ("1005", "壹仟零伍元整"),
    ("10005", "壹万零伍元整"),
    ("10500", "壹万零伍佰元整"),
    ("30000", "叁万元整"),
    ("100010", "壹拾万零壹拾元整"),
    ("1001000", "壹佰万壹仟元整"),
    ("100000001", "壹亿零壹元整"),
    ("120000000", "壹亿贰仟万元整"),
    ("1409.50", "壹仟肆佰零玖元伍角"),
    ("6007.14", "陆仟零柒元壹角肆分"),
    ("1680.02", "壹仟陆佰捌拾元零贰分"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    ("98765.43", "玖万捌仟柒佰陆拾伍元肆角叁分"),
]


@pytest.mark.parametrize(("figure", "words"), CASES)
def test_amounts_are_written_as_on_bills(figure, words):
    assert rmb_upper(Decimal(figure)) == words


def test_fractions_of_a_cent_and_negative_amounts_are_refused():
    with pytest.raises(ValueError, match="whole cents"):
        rmb_upper(Decimal("1.005"))
    with pytest.raises(ValueError, match="not negative"):
        rmb_upper(Decimal("-1"))
    with pytest.raises(TypeError):
        rmb_upper(1.5)
