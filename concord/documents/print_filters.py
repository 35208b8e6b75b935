"""Template filters of the print templates (loaded as builtins by render._engine)."""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

BLANK_WIDTHS = ("short", "", "long")


@register.filter(is_safe=True)
def blank(value, width: str = "") -> SafeString:
    """Print ``value``, or a line to fill in by hand when it is missing or empty."""
    if value not in (None, ""):
        return conditional_escape(value)
    if width not in BLANK_WIDTHS:
        raise template.TemplateSyntaxError(f"blank width must be one of {BLANK_WIDTHS}")
    css = f"blank blank-{width}" if width else "blank"
    return mark_safe(f'<span class="{css}"></span>')  # noqa: S308 — constant markup


CN_DIGITS = "〇一二三四五六七八九"


@register.filter
def cn_ordinal(value: int) -> str:
    """Return 1–99 in Chinese numerals (一, 十二, 二十一) for items numbered （一）（二）…"""
    number = int(value)
    if not 0 < number < 100:
        raise ValueError("cn_ordinal counts from 1 to 99")
    tens, units = divmod(number, 10)
    text = ""
    if tens:
        text = "十" if tens == 1 else CN_DIGITS[tens] + "十"
    return text + (CN_DIGITS[units] if units else "")
