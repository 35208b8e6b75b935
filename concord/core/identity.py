"""Resident identity numbers (GB 11643-1999): check digit, birth date, region code form."""

from __future__ import annotations

import re
from datetime import date

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
PATTERN = re.compile(r"^[1-9]\d{16}[\dX]$")


def check_digit(first17: str) -> str:
    """Return the GB 11643 check character (ISO 7064 MOD 11-2) for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def birth_date(id_number: str) -> date:
    return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


def id_number_problem(id_number: str, *, today: date | None = None) -> str | None:
    """Return why ``id_number`` is not a valid 18-character resident ID number, or None."""
    value = id_number.strip().upper()
    if not PATTERN.match(value):
        return "format"
    if int(value[:2]) not in PROVINCE_CODES:
        return "region"
    try:
        born = birth_date(value)
    except ValueError:
        return "birth_date"
    if born > (today or date.today()) or born.year < 1900:
        return "birth_date"
    if check_digit(value[:17]) != value[17]:
        return "check_digit"
    return None


# First two digits: the province-level divisions of GB/T 2260.
PROVINCE_CODES = frozenset(
    {
        11,
        12,
        13,
        14,
        15,
        21,
        22,
        23,
        31,
        32,
        33,
        34,
        35,
        36,
        37,
        41,
        42,
        43,
        44,
        45,
        46,
        50,
        51,
        52,
        53,
        54,
        61,
        62,
        63,
        64,
        65,
        71,
        81,
        82,
    }
)
