"""Amounts of renminbi in Chinese capital numerals (人民币大写), as written on contracts and
bills: 壹万零伍佰元整, 陆仟零柒元壹角肆分.

The conventions are those of the People's Bank of China for filling in bills (《正确填写票据和
结算凭证的基本规定》): capital digits 零壹贰叁肆伍陆柒捌玖 and units 拾佰仟万亿; "整" after
"元" when there are no 角 or 分, none after 角 or 分; one "零" for any run of zeros between
non-zero digits; "壹拾" rather than a bare "拾".
"""

from __future__ import annotations

from decimal import Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACES = ("", "拾", "佰", "仟")
SECTIONS = ("", "万", "亿", "万亿")
CENT = Decimal("0.01")


def rmb_upper(amount: Decimal) -> str:
    """Return ``amount`` (whole cents, not negative) in capital numerals: 叁万元整."""
    if not isinstance(amount, Decimal):
        raise TypeError("rmb_upper takes a Decimal")
    if amount < 0:
        raise ValueError("rmb_upper takes an amount that is not negative")
    if amount != amount.quantize(CENT):
        raise ValueError("rmb_upper takes whole cents")
    cents = int(amount * 100)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    if yuan >= 10**16:
        raise ValueError("amount too large")
    text = _yuan(yuan) + "元" if yuan else ""
    if not jiao and not fen:
        return (text or "零元") + "整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if fen:
        text += DIGITS[fen] + "分"
    return text


def _yuan(number: int) -> str:
    """Write a positive integer in sections of four digits (万, 亿), one 零 per gap."""
    sections = []
    while number:
        number, section = divmod(number, 10_000)
        sections.append(section)
    text = ""
    gap = False
    for index in range(len(sections) - 1, -1, -1):
        section = sections[index]
        if not section:
            gap = bool(text)
            continue
        if text and (gap or section < 1000):
            text += "零"
        gap = False
        text += _section(section) + SECTIONS[index]
    return text


def _section(number: int) -> str:
    """Write 1–9999: 壹仟零伍拾, 玖佰玖拾玖."""
    text = ""
    zero = False
    for place in (3, 2, 1, 0):
        digit = number // 10**place % 10
        if not digit:
            zero = bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += DIGITS[digit] + PLACES[place]
    return text
