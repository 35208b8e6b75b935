"""The agreement as a document: a plain context built from the records, HTML in Chinese or
English from the print templates, and a PDF through the documents app's renderer machinery
(its allowlisting URL fetcher and its print stylesheet, concord/documents/fetcher.py).

Rendering is a pure step: ``render_html`` and ``render_pdf`` read only the context, so a fixed
context gives the same bytes (the PDF's dates are the agreement's date).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.template import Context, Engine
from django.utils import translation

from concord.cases.choices import PartyRole
from concord.documents.print_filters import cn_ordinal
from concord.documents.render import html_to_pdf

from .choices import AgreementContext, ItemCode, PaymentMode, SignerRole
from .models import Agreement
from .rmb import rmb_upper

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
LANGUAGES = ("zh-hans", "en")
TITLES = {
    AgreementContext.CRIMINAL_INCIDENTAL: ("刑事和解协议书", "Criminal Reconciliation Agreement"),
    AgreementContext.MEDIATION: ("人民调解协议书", "People's Mediation Agreement"),
}
# Who pays and who is paid, by the parties' roles.
PAYERS = (PartyRole.SUSPECT, PartyRole.RESPONDENT)
PAYEES = (PartyRole.VICTIM, PartyRole.APPLICANT)
# Dates on the agreement are China dates.
CHINA = ZoneInfo("Asia/Shanghai")
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


def principal_parties(agreement: Agreement) -> list:
    """The parties who sign: each party in their own name (not those acting for one)."""
    return list(agreement.case.parties.filter(represents__isnull=True).order_by("id"))


def agreement_context(agreement: Agreement, *, final: bool = False) -> dict[str, Any]:
    """Return the plain (JSON) context the print templates render; ``final`` adds the
    signature record, for the copy the centre seals."""
    case = agreement.case
    referral = agreement.referral
    committee = (referral.committee or referral.centre) if referral else case.holding_agency
    mediators = []
    if referral is not None:
        mediators = [
            m.user.full_name or m.user.username
            for m in referral.team.filter(
                active=True, role__in=["lead_mediator", "mediator"]
            ).select_related("user")
        ]
    context: dict[str, Any] = {
        "context": agreement.context,
        "number": f"{case.number}-XY{agreement.pk:04d}",
        "case_number": case.number,
        "case_title": case.title,
        "committee": committee.name,
        "committee_en": committee.name_en or committee.name,
        "agreement_date": agreement.agreement_date.isoformat(),
        "parties": [
            {
                "id": p.pk,
                "role": p.role,
                "name": p.name,
                "id_number_masked": p.id_number_masked,
                "address_masked": p.address_masked,
            }
            for p in principal_parties(agreement)
        ],
        "facts": agreement.facts,
        "admission": agreement.admission,
        "apology": agreement.apology,
        "understanding": agreement.understanding,
        "leniency_requested": agreement.leniency_requested,
        "confidentiality": agreement.confidentiality,
        "other_terms": agreement.other_terms,
        "items": [
            {"code": i.code, "label": i.label, "amount": f"{i.amount:.2f}"}
            for i in agreement.items.all()
        ],
        "payment_mode": agreement.payment_mode,
        "payment_method": agreement.payment_method,
        "pay_by": agreement.pay_by.isoformat() if agreement.pay_by else "",
        "instalments": [
            {"due_on": i.due_on.isoformat(), "amount": f"{i.amount:.2f}"}
            for i in agreement.instalments.all()
        ],
        "guarantee": agreement.guarantee,
        "victim_consents_to_instalments": agreement.victim_consents_to_instalments,
        "mediators": mediators,
        "signatures": [],
    }
    if final:
        context["signatures"] = [
            {
                "role": s.role,
                "party_id": s.party_id,
                "name": s.party.name if s.party else (s.signer.full_name if s.signer else ""),
                "signed_at": s.signed_at.astimezone(CHINA).isoformat(),
                "method": s.method,
                "pdf_sha256": s.pdf_sha256,
            }
            for s in agreement.signatures.select_related("party", "signer")
            if s.role != SignerRole.COMMITTEE_SEAL
        ]
    return context


def render_html(context: dict[str, Any], language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    template = _engine().get_template(f"agreements/print/agreement-{language}.html")
    return template.render(Context(_presented(context, language), autoescape=True))


def render_pdf(context: dict[str, Any], language: str) -> bytes:
    """Return the agreement as an A4 PDF, loading nothing but the allowlisted stylesheet."""
    html = render_html(context, language)
    return html_to_pdf(html)


@lru_cache(maxsize=1)
def _engine() -> Engine:
    return Engine(dirs=[str(TEMPLATES_DIR)], app_dirs=False, autoescape=True)


def _date_text(value: str, english: bool) -> str:
    if not value:
        return ""
    day = dt.date.fromisoformat(value)
    if english:
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def _money(value: str) -> str:
    return f"{Decimal(value):,.2f}"


def _presented(context: dict[str, Any], language: str) -> dict[str, Any]:
    """Add what the templates print but the context does not state: labels in the rendering's
    language, amounts in figures and in capitals, dates as text, and the numbered terms."""
    english = language == "en"
    view = dict(context)
    total = sum((Decimal(i["amount"]) for i in context["items"]), Decimal("0.00"))
    criminal = context["context"] == AgreementContext.CRIMINAL_INCIDENTAL
    with translation.override(language):
        parties = [{**p, "role_label": str(PartyRole(p["role"]).label)} for p in context["parties"]]
        items = [
            {
                **i,
                "name": i["label"] or str(ItemCode(i["code"]).label),
                "amount_text": _money(i["amount"]),
                "amount_upper": rmb_upper(Decimal(i["amount"])),
            }
            for i in context["items"]
        ]
    signed = {s["party_id"]: s for s in context["signatures"] if s["role"] == SignerRole.PARTY}
    mediator_signature = next(
        (s for s in context["signatures"] if s["role"] == SignerRole.MEDIATOR), None
    )
    for party in parties:
        signature = signed.get(party["id"])
        party["signed_text"] = _date_text(signature["signed_at"][:10], english) if signature else ""
    payers = [p["name"] for p in parties if p["role"] in PAYERS]
    payees = [p["name"] for p in parties if p["role"] in PAYEES]
    sep = ", " if english else "、"
    terms = []
    if criminal:
        terms.append("admission")
    if items:
        terms.append("compensation")
        terms.append("performance")
    if criminal:
        terms.append("understanding")
    if context["confidentiality"].strip():
        terms.append("confidentiality")
    if context["other_terms"].strip():
        terms.append("other")
    terms.append("effect")
    view.update(
        lang=language,
        html_lang="en" if english else "zh-CN",
        criminal=criminal,
        title=TITLES[AgreementContext(context["context"])][1 if english else 0],
        organ=context["committee_en"] if english else context["committee"],
        parties=parties,
        items=items,
        total_text=_money(f"{total:.2f}"),
        total_upper=rmb_upper(total),
        payers_text=sep.join(payers),
        payees_text=sep.join(payees),
        once=context["payment_mode"] == PaymentMode.ONCE,
        pay_by_text=_date_text(context["pay_by"], english),
        instalments=[
            {
                **i,
                "number": n,
                "due_text": _date_text(i["due_on"], english),
                "amount_text": _money(i["amount"]),
                "amount_upper": rmb_upper(Decimal(i["amount"])),
            }
            for n, i in enumerate(context["instalments"], start=1)
        ],
        terms=[
            {"key": key, "number": n if english else cn_ordinal(n)}
            for n, key in enumerate(terms, start=1)
        ],
        date_text=_date_text(context["agreement_date"], english),
        date_iso=f"{context['agreement_date']}T00:00:00+08:00",
        mediators_text=sep.join(context["mediators"]),
        mediator_signed_text=(
            _date_text(mediator_signature["signed_at"][:10], english) if mediator_signature else ""
        ),
        final=bool(context["signatures"]),
        signatures=[
            {**s, "at_text": s["signed_at"][:16].replace("T", " ")} for s in context["signatures"]
        ],
    )
    return view
