"""Offence names for the case pages, read from the law package's catalogue (one place per rule)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from django.utils.translation import get_language

from concord.law.params import registry

CATALOGUE = "offences.catalogue"


@lru_cache(maxsize=4)
def _catalogue(on: date) -> tuple[dict, ...]:
    return tuple(registry().get(CATALOGUE, on).value)


def _today_catalogue() -> tuple[dict, ...]:
    return _catalogue(date.today())


def offence_choices(language: str) -> list[tuple[str, str]]:
    """Return (article, "name (CL article)") pairs in the catalogue's order."""
    english = language == "en"
    choices = []
    for row in _today_catalogue():
        name = row["en"] if english else row["zh"]
        label = f"{name} (CL {row['article']})" if english else f"{name}（第{row['article']}条）"
        choices.append((str(row["article"]), label))
    return choices


def offence_name(article: str, language: str | None = None) -> str:
    english = (language or get_language()) == "en"
    for row in _today_catalogue():
        if str(row["article"]) == article:
            return row["en"] if english else row["zh"]
    return f"CL {article}" if english else f"刑法第{article}条"
