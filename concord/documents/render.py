"""Rendering official documents: a context in, bytes out — no database, no network, no clock.

One HTML template per kind and language (``templates/documents/print/<kind>-<language>.html``)
is the single source of a document's wording; the PDF is that HTML through WeasyPrint, the
DOCX is the same HTML mapped onto Word paragraphs (docx_writer.py). The templates are loaded
by a private template engine that sees only this app's print templates and escapes every value.

Determinism: the PDF's creation and modification dates are the document's issue date and the
DOCX's zip entries and properties carry the same date, so rendering one version twice gives the
same bytes and the same SHA-256.
"""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.template import Context, Engine
from django.utils import translation
from weasyprint import HTML

from . import docx_writer
from .fetcher import STATIC_DIR, AllowlistFetcher
from .kinds import LANGUAGES, LAYOUTS, TITLES_EN, DocumentKind, context_validate

logger = logging.getLogger(__name__)

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# People's Mediation Law Art. 23: the rights printed when a notification names none.
DEFAULT_RIGHTS = {
    "zh-hans": [
        "选择或者接受人民调解员；",
        "接受调解、拒绝调解或者要求终止调解；",
        "要求调解公开进行或者不公开进行；",
        "自主表达意愿、自愿达成调解协议。",
    ],
    "en": [
        "to choose or accept a people's mediator;",
        "to accept mediation, refuse mediation or ask for mediation to end;",
        "to ask that the mediation be held in public or not in public;",
        "to express their wishes freely and reach a mediation agreement voluntarily.",
    ],
}
# Labels a context carries in Chinese (party roles, case kind, stage) are message ids of the
# project's catalogue; the English rendering translates them through it.
TRANSLATED_LABELS = ("case_kind", "stage")


def render_html(kind: str, context: dict[str, Any], language: str) -> str:
    """Return the document as HTML (the source of both the PDF and the DOCX)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    clean = context_validate(kind, context)
    kind = DocumentKind(kind).value  # callers may pass the enum member
    template = _engine().get_template(f"documents/print/{kind}-{language}.html")
    return template.render(Context(_presented(kind, clean, language), autoescape=True))


def render_pdf(
    kind: str, context: dict[str, Any], language: str, *, fetcher: AllowlistFetcher | None = None
) -> bytes:
    """Return the document as an A4 PDF with its CJK fonts embedded (subset)."""
    return html_to_pdf(render_html(kind, context, language), fetcher=fetcher)


def html_to_pdf(html: str, *, fetcher: AllowlistFetcher | None = None) -> bytes:
    """Return ``html`` (one of our templates, rendered) as a PDF, fetching only allowlisted files.

    The base URL is our static folder, so a template's relative "print.css" resolves to the one
    allowlisted file; everything else the document might name is refused by the fetcher.
    """
    document = HTML(
        string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=fetcher or AllowlistFetcher()
    )
    return document.write_pdf(pdf_identifier=False)


def render_docx(kind: str, context: dict[str, Any], language: str) -> bytes:
    """Return the document as an editable Word file with the same wording as the PDF."""
    html = render_html(kind, context, language)
    issued_on = dt.date.fromisoformat(context_validate(kind, context)["issued_on"])
    return docx_writer.write(
        html, language=language, issued_on=issued_on, title=_title(kind, language)
    )


@lru_cache(maxsize=1)
def _engine() -> Engine:
    return Engine(
        dirs=[str(TEMPLATES_DIR)],
        app_dirs=False,
        autoescape=True,
        builtins=["concord.documents.print_filters"],
    )


def _title(kind: str, language: str) -> str:
    if language == "en":
        return TITLES_EN[DocumentKind(kind)]
    with translation.override("zh-hans"):
        return str(DocumentKind(kind).label)


def _presented(kind: str, context: dict[str, Any], language: str) -> dict[str, Any]:
    """Add what the templates print but the context does not state: formatted dates, names in
    the rendering's language, the layout and the default texts."""
    english = language == "en"
    view = dict(context)
    organ = context.get("issuing_agency_en") if english else None
    organ = organ or context["issuing_agency"]
    to_agency = (context.get("to_agency_en") if english else None) or context.get("to_agency", "")
    if english:
        with translation.override("en"):
            view["parties"] = [
                {**p, "role": translation.gettext(p["role"])} for p in context["parties"]
            ]
            view["signatories"] = [
                {**s, "role": translation.gettext(s["role"])}
                for s in context.get("signatories", [])
            ]
            for key in TRANSLATED_LABELS:
                if context.get(key):
                    view[key] = translation.gettext(context[key])
    issued_on = dt.date.fromisoformat(context["issued_on"])
    view.update(
        kind=kind,
        lang=language,
        html_lang="en" if english else "zh-CN",
        layout=LAYOUTS[DocumentKind(kind)],
        title=_title(kind, language),
        organ=organ,
        organ_size=_organ_size(organ, english),
        to_agency_name=to_agency,
        issued_text=_date_text(context["issued_on"], english),
        # Midnight in China, the day of issue: a fixed instant, so the PDF is reproducible.
        issued_iso=f"{issued_on.isoformat()}T00:00:00+08:00",
        deadline_text=_date_text(context.get("deadline", ""), english),
        concluded_text=_date_text(context.get("concluded_on", ""), english),
        amount_text=_amount_text(context.get("amount", "")),
        offences_text=(", " if english else "、").join(context.get("offences", [])),
        mediators_text=(", " if english else "、").join(context.get("mediators", [])),
        rights=context.get("rights") or DEFAULT_RIGHTS[language],
    )
    return view


def _organ_size(name: str, english: bool) -> str:
    """Pick a type size so the issuing organ's name fits on one line, as printers scale it."""
    length = len(name) / (2.2 if english else 1)
    if length <= 10:
        return "l"
    if length <= 14:
        return "m"
    return "s"


def _date_text(value: str, english: bool) -> str:
    """GB/T 9704-2012 7.3.5.2: dates in Arabic numerals, year in full, no leading zeros."""
    if not value:
        return ""
    day = dt.date.fromisoformat(value)
    if english:
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def _amount_text(value: str) -> str:
    if not value:
        return ""
    return f"{Decimal(value).quantize(Decimal('0.01')):,}"
