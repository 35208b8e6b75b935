"""The five official documents of the integrated-mediation model and the context each one needs.

The documents are those the Songjiang court, procuratorate, police sub-bureau and judicial
bureau co-signed for referrals (seeds/000): Application for People's Mediation, Contact Letter
for Transfer of Criminal (with Civil) Cases, Notification of Case Referral, Feedback Letter on
Mediation Results and Confidentiality Agreement.

A context is plain JSON (strings, lists, booleans) so that a document version can store exactly
what it was rendered from. Each kind's ``TypedDict`` below is the contract: keys of the
``total=True`` part are required (a missing or empty one raises ``ValueError`` naming it); the
``total=False`` part is optional and renders as a blank line to fill in by hand. The split into
two classes is deliberate: ``Required``/``NotRequired`` markers are not seen by ``TypedDict``
on Python 3.11 once annotations are strings (``from __future__ import annotations``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any, TypedDict

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    APPLICATION = "application", _("人民调解申请书")
    CONTACT_LETTER = "contact_letter", _("刑事（附带民事）案件委托人民调解联系函")
    NOTIFICATION = "notification", _("案件委托人民调解告知书")
    FEEDBACK_LETTER = "feedback_letter", _("调解结果反馈函")
    CONFIDENTIALITY = "confidentiality", _("保密协议")


# The title as printed on the English rendering (the Chinese one is the kind's label).
TITLES_EN = {
    DocumentKind.APPLICATION: "Application for People's Mediation",
    DocumentKind.CONTACT_LETTER: (
        "Contact Letter for Transfer of Criminal (with Civil) Cases to People's Mediation"
    ),
    DocumentKind.NOTIFICATION: "Notification of Case Referral to People's Mediation",
    DocumentKind.FEEDBACK_LETTER: "Feedback Letter on Mediation Results",
    DocumentKind.CONFIDENTIALITY: "Confidentiality Agreement",
}

# How the first page looks (GB/T 9704-2012 approximations):
# letter — a letter between agencies (函): organ in red, red double rule, number on the right;
# notice — a notice to a party: issuing organ in black, number centred, thin black rule;
# form   — a form a party signs: no organ header, number top right.
LAYOUTS = {
    DocumentKind.CONTACT_LETTER: "letter",
    DocumentKind.FEEDBACK_LETTER: "letter",
    DocumentKind.NOTIFICATION: "notice",
    DocumentKind.APPLICATION: "form",
    DocumentKind.CONFIDENTIALITY: "form",
}

LANGUAGES = ("zh-hans", "en")


class PartyLine(TypedDict):
    """One party as printed: its role label, name and masked ID number (never the full one)."""

    role: str
    name: str
    id_number_masked: str


class Signatory(TypedDict):
    role: str
    name: str


class _CommonRequired(TypedDict):
    issued_on: str  # YYYY-MM-DD; also the PDF's creation date, so re-rendering is byte-identical
    issuing_agency: str
    case_number: str
    case_title: str
    parties: list[PartyLine]


class CommonContext(_CommonRequired, total=False):
    document_number: str  # e.g. 沪松调转〔2026〕12号
    issuing_agency_en: str  # falls back to issuing_agency on the English rendering
    case_kind: str  # label
    stage: str  # label
    offences: list[str]  # offence names
    facts: str


class _ApplicationRequired(CommonContext):
    applicant_name: str


class ApplicationContext(_ApplicationRequired, total=False):
    """人民调解申请书: a party asks the committee (``issuing_agency``) to mediate."""

    respondent_name: str
    request: str  # 请求事项
    facts_and_reasons: str  # falls back to ``facts``
    consents: bool  # the applicant confirms they were told the rules and apply voluntarily


class _ContactLetterRequired(CommonContext):
    to_agency: str


class ContactLetterContext(_ContactLetterRequired, total=False):
    """联系函: the agency holding the case asks the mediation centre (``to_agency``) to mediate."""

    to_agency_en: str
    referral_reason: str
    deadline: str  # YYYY-MM-DD
    contact_person: str
    contact_phone_masked: str


class _NotificationRequired(CommonContext):
    recipient_name: str
    centre_name: str


class NotificationContext(_NotificationRequired, total=False):
    """告知书: tells a party their case went to mediation, where, by when, and their rights."""

    centre_address: str
    centre_phone: str
    deadline: str  # YYYY-MM-DD
    rights: list[str]  # absent: the rights of People's Mediation Law Art. 23 are printed


class _FeedbackLetterRequired(CommonContext):
    to_agency: str
    outcome: str  # "settled" | "failed"


class FeedbackLetterContext(_FeedbackLetterRequired, total=False):
    """反馈函: the committee reports the result back to the referring agency (``to_agency``)."""

    to_agency_en: str
    agreement_summary: str
    amount: str  # decimal string, yuan
    failure_reasons: str
    mediators: list[str]
    concluded_on: str  # YYYY-MM-DD


class _ConfidentialityRequired(CommonContext):
    signatories: list[Signatory]


class ConfidentialityContext(_ConfidentialityRequired, total=False):
    """保密协议: parties, agents and mediators undertake to keep the mediation confidential."""

    mediators: list[str]


CONTEXTS: dict[str, type] = {
    DocumentKind.APPLICATION: ApplicationContext,
    DocumentKind.CONTACT_LETTER: ContactLetterContext,
    DocumentKind.NOTIFICATION: NotificationContext,
    DocumentKind.FEEDBACK_LETTER: FeedbackLetterContext,
    DocumentKind.CONFIDENTIALITY: ConfidentialityContext,
}

DATE_KEYS = {"issued_on", "deadline", "concluded_on"}
BOOL_KEYS = {"consents"}
STRING_LIST_KEYS = {"offences", "mediators", "rights"}
RECORD_LIST_KEYS = {"parties": ("role", "name"), "signatories": ("role", "name")}
OUTCOMES = ("settled", "failed")


def context_validate(kind: str, context: dict[str, Any]) -> dict[str, Any]:
    """Return a clean copy of ``context`` for ``kind``, or raise ValueError naming the bad key.

    Unknown keys are refused too: a misspelt optional key would otherwise silently print a
    blank line on an official document.
    """
    if kind not in CONTEXTS:
        raise ValueError(f"unknown document kind {kind!r}")
    shape = CONTEXTS[kind]
    known = shape.__required_keys__ | shape.__optional_keys__
    for key in sorted(context):
        if key not in known:
            raise ValueError(f"unknown key {key!r} for a {kind} document")
    for key in sorted(shape.__required_keys__):
        if key not in context or context[key] in ("", None, []):
            raise ValueError(f"missing required key {key!r} for a {kind} document")
    clean: dict[str, Any] = {}
    for key, value in context.items():
        if value is None:
            continue
        clean[key] = _clean_value(key, value)
    if "outcome" in clean and clean["outcome"] not in OUTCOMES:
        raise ValueError(f"key 'outcome' must be one of {', '.join(OUTCOMES)}")
    return clean


def _clean_value(key: str, value: Any) -> Any:
    if key in DATE_KEYS:
        if value == "":
            return ""
        try:
            dt.date.fromisoformat(str(value))
        except ValueError as exc:
            raise ValueError(f"key {key!r} must be a date YYYY-MM-DD") from exc
        return str(value)
    if key in BOOL_KEYS:
        if not isinstance(value, bool):
            raise ValueError(f"key {key!r} must be true or false")
        return value
    if key == "amount":
        if value == "":
            return ""
        try:
            amount = Decimal(str(value))
        except InvalidOperation as exc:
            raise ValueError("key 'amount' must be a decimal number of yuan") from exc
        if not amount.is_finite() or amount < 0:
            raise ValueError("key 'amount' must be a decimal number of yuan")
        return str(amount)
    if key in STRING_LIST_KEYS:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"key {key!r} must be a list of strings")
        return list(value)
    if key in RECORD_LIST_KEYS:
        return _clean_records(key, value, RECORD_LIST_KEYS[key])
    if not isinstance(value, str):
        raise ValueError(f"key {key!r} must be a string")
    return value


def _clean_records(key: str, value: Any, required: tuple[str, ...]) -> list[dict[str, str]]:
    if not isinstance(value, list | tuple):
        raise ValueError(f"key {key!r} must be a list")
    records = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise ValueError(f"key {key!r}[{index}] must be an object")
        for field in required:
            if not isinstance(item.get(field), str) or not item[field]:
                raise ValueError(f"key {key!r}[{index}] needs {field!r}")
        records.append({k: str(v) for k, v in item.items() if v is not None})
    return records
