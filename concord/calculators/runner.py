"""Run a calculator for the web and the API; turn the rules' input errors into ours."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from concord.core.errors import InvalidInput
from concord.law import LawInputError, compensation, eligibility, sentencing

from .labels import ERRORS

RUNNERS = {
    "eligibility": eligibility.screen,
    "compensation": compensation.calculate,
    "sentence": sentencing.estimate,
}


def law_language() -> str:
    """The rules render their texts in ``zh`` or ``en``."""
    return "en" if get_language() == "en" else "zh"


@dataclass(frozen=True)
class Evaluation:
    kind: str
    output: dict[str, Any]
    trace_text: str


def localise(error: LawInputError) -> InvalidInput:
    """Return the rules' error as ours, with a message in the user's language."""
    if get_language() == "en":
        message = error.message
    else:
        message = str(ERRORS.get(error.code, ERRORS["invalid"]))
    text = _("%(field)s：%(message)s") % {"field": error.field, "message": message}
    return InvalidInput(f"law_{error.code}", text, field=error.field)


def evaluate(kind: str, data: dict[str, Any]) -> Evaluation:
    """Run ``kind`` on ``data``; raise ``InvalidInput`` (422) naming the field on bad input."""
    if kind not in RUNNERS:
        raise InvalidInput("law_kind", _("没有这个测算：%s") % kind)
    try:
        result = RUNNERS[kind](data)
    except LawInputError as error:
        raise localise(error) from error
    lang = law_language()
    return Evaluation(kind, result.to_dict(lang), result.trace.render(lang))
