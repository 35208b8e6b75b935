"""Masking of personal data for screens, exports and logs.

What stays visible follows common practice on Chinese government and court sites: the first
three and last four characters of an ID number, the first three and last four digits of a
mobile number, the district-level start of an address.
"""

from __future__ import annotations

MASK = "*"


def mask_id_number(value: str | None) -> str:
    if not value:
        return ""
    value = value.strip()
    if len(value) <= 7:
        return MASK * len(value)
    return value[:3] + MASK * (len(value) - 7) + value[-4:]


def mask_phone(value: str | None) -> str:
    if not value:
        return ""
    digits = value.strip()
    if len(digits) <= 7:
        return MASK * len(digits)
    return digits[:3] + MASK * (len(digits) - 7) + digits[-4:]


def mask_address(value: str | None, keep: int = 6) -> str:
    if not value:
        return ""
    value = value.strip()
    if len(value) <= keep:
        return value[:1] + MASK * (len(value) - 1)
    return value[:keep] + MASK * 4


def mask_name(value: str | None) -> str:
    """Return 张*三 style: the family name and the last character, for public pages."""
    if not value:
        return ""
    if len(value) == 1:
        return value
    if len(value) == 2:
        return value[0] + MASK
    return value[0] + MASK * (len(value) - 2) + value[-1]
