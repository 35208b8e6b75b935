"""The referral's official documents and notices: contexts built from the records, issued
through the documents app (rendered in the worker, served to the recipients' inboxes)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from concord.cases.models import Case, Party
from concord.documents.kinds import DocumentKind
from concord.documents.services import Recipient, document_issue

from . import notices
from .models import PartyConsent, Referral

# Official documents are always issued in Chinese; an English rendering is added when a
# recipient reads the platform in English (their saved interface language).
CHINESE = ("zh-hans",)


def languages_for(parties: list[Party]) -> tuple[str, ...]:
    if any(p.user_id and p.user.language == "en" for p in parties):
        return (*CHINESE, "en")
    return CHINESE


def _common(case: Case, referral: Referral, issuing) -> dict[str, Any]:
    with override("zh-hans"):
        return {
            "document_number": referral.number,
            "issued_on": timezone.localdate().isoformat(),
            "issuing_agency": issuing.name,
            "issuing_agency_en": issuing.name_en,
            "case_number": case.number,
            "case_title": case.title,
            "case_kind": str(case.get_kind_display()),
            "stage": str(case.get_stage_display()),
            "offences": [o.name for o in case.offences.all()],
            "facts": case.facts,
            "parties": [
                {
                    "role": str(p.get_role_display()),
                    "name": p.name,
                    "id_number_masked": p.id_number_masked,
                }
                for p in case.parties.all()
            ],
        }


def issue_on_send(*, actor, referral: Referral, parties: list[Party]) -> None:
    """The contact letter to the centre; to each party the notification, the application
    for people's mediation and the confidentiality agreement to sign."""
    case = referral.case
    common = _common(case, referral, referral.from_agency)
    document_issue(
        actor=actor,
        case=case,
        kind=DocumentKind.CONTACT_LETTER,
        languages=CHINESE,
        subject_key=f"referral:{referral.pk}",
        recipients=[Recipient(agency=referral.centre)],
        context=common
        | {
            "to_agency": referral.centre.name,
            "to_agency_en": referral.centre.name_en,
            "referral_reason": referral.reason,
            "deadline": referral.due_at.date().isoformat(),
            "contact_person": str(actor),
            "contact_phone_masked": "",
        },
    )
    centre_common = _common(case, referral, referral.centre)
    others = [p.name for p in parties]
    for party in parties:
        recipients = [Recipient(party=party)]
        key = f"referral:{referral.pk}:party:{party.pk}"
        document_issue(
            actor=actor,
            case=case,
            kind=DocumentKind.NOTIFICATION,
            languages=languages_for([party]),
            subject_key=key,
            recipients=recipients,
            context=common
            | {
                "recipient_name": party.name,
                "centre_name": referral.centre.name,
                "deadline": referral.due_at.date().isoformat(),
            },
        )
        document_issue(
            actor=actor,
            case=case,
            kind=DocumentKind.APPLICATION,
            languages=languages_for([party]),
            subject_key=key,
            recipients=recipients,
            context=centre_common
            | {
                "applicant_name": party.name,
                "respondent_name": "、".join(n for n in others if n != party.name),
                "facts_and_reasons": case.facts,
            },
        )
        document_issue(
            actor=actor,
            case=case,
            kind=DocumentKind.CONFIDENTIALITY,
            languages=languages_for([party]),
            subject_key=key,
            recipients=recipients,
            context=centre_common
            | {
                "signatories": [
                    {"role": str(p.get_role_display()), "name": p.name} for p in parties
                ],
            },
        )


def issue_feedback(*, actor, referral: Referral, settled: bool) -> None:
    """The feedback letter on the mediation's result, to the referring agency."""
    case = referral.case
    issuing = referral.committee or referral.centre
    document_issue(
        actor=actor,
        case=case,
        kind=DocumentKind.FEEDBACK_LETTER,
        languages=CHINESE,
        subject_key=f"referral:{referral.pk}",
        recipients=[Recipient(agency=referral.from_agency)],
        context=_common(case, referral, issuing)
        | {
            "to_agency": referral.from_agency.name,
            "to_agency_en": referral.from_agency.name_en,
            "outcome": "settled" if settled else "failed",
            "agreement_summary": referral.agreement_summary,
            "amount": f"{referral.agreed_amount:.2f}" if referral.agreed_amount is not None else "",
            "failure_reasons": referral.outcome_note if not settled else "",
            "mediators": [str(m.user) for m in referral.team.select_related("user")],
            "concluded_on": (referral.concluded_at or timezone.now()).date().isoformat(),
        },
    )


def notify_refusal(*, referral: Referral, consent: PartyConsent) -> None:
    """Tell the referring agency and the centre that a party refused mediation."""

    def message() -> tuple[str, str]:
        return (
            _("当事人拒绝调解：%(number)s") % {"number": referral.number},
            _("%(case)s 的%(role)s拒绝调解，委派已终止。理由：%(reason)s")
            % {
                "case": referral.case.number,
                "role": consent.party.get_role_display(),
                "reason": consent.reason,
            },
        )

    notices.notify_agencies(
        agencies=[referral.from_agency, referral.centre],
        message=message,
        key=f"referral:{referral.pk}:refused",
    )
