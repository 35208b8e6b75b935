"""Reads of agreements, scoped to who may see the case: for anyone else an agreement does not
exist (404). Parties see an agreement once it is ready for signature, not while it is drafted."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404

from concord.cases.models import Case
from concord.cases.selectors import case_relations, visible_cases
from concord.core.storage import blob_get

from . import pades
from .choices import AgreementState, SignerRole
from .models import Agreement, Signature
from .permissions import may_draft, may_sign_as_mediator, own_party_lines
from .services import agreement_check
from .validation import Problem

STAFF_RELATIONS = {"holder", "mediation"}
COPIES = ("signing-zh", "signing-en", "signed")


def _visible_to(user, agreement: Agreement) -> bool:
    relations = case_relations(user, agreement.case)
    if relations & STAFF_RELATIONS or may_draft(user, agreement.case, agreement.referral):
        return True
    return "party" in relations and agreement.state != AgreementState.DRAFT


def agreement_for(user, case: Case) -> Agreement | None:
    """The case's current agreement (the newest not void, else the newest) if ``user`` may
    see it; None if there is none yet or the user may not see it yet."""
    if not visible_cases(user).filter(pk=case.pk).exists():
        raise Http404
    agreements = case.agreements.select_related("case", "referral")
    agreement = agreements.exclude(state=AgreementState.VOID).first() or agreements.first()
    if agreement is None or not _visible_to(user, agreement):
        return None
    return agreement


def access_agreement(user, agreement_id) -> Agreement:
    try:
        agreement_id = int(agreement_id)
    except (TypeError, ValueError) as exc:
        raise Http404 from exc
    agreement = (
        Agreement.objects.select_related("case", "referral", "case__holding_agency")
        .filter(pk=agreement_id, case__in=visible_cases(user))
        .first()
    )
    if agreement is None or not _visible_to(user, agreement):
        raise Http404
    return agreement


def agreement_copy(agreement: Agreement, copy: str) -> str:
    """Return the SHA-256 of a stored copy, or raise 404 if it does not exist (yet)."""
    digest = {
        "signing-zh": agreement.signing_pdf_sha256,
        "signing-en": agreement.signing_pdf_en_sha256,
        "signed": agreement.signed_pdf_sha256,
    }.get(copy, "")
    if not digest:
        raise Http404
    return digest


@dataclass
class AgreementPage:
    agreement: Agreement
    problems: list[Problem]
    may_edit: bool
    may_void: bool
    own_lines: list = field(default_factory=list)
    unsigned_own_lines: list = field(default_factory=list)
    may_sign_as_mediator: bool = False
    signatures: list[Signature] = field(default_factory=list)
    verification: pades.VerificationResult | None = None

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


def agreement_page(user, agreement: Agreement) -> AgreementPage:
    """What the agreement page shows this user."""
    drafter = may_draft(user, agreement.case, agreement.referral)
    signatures = list(agreement.signatures.select_related("party", "signer"))
    signed_parties = {s.party_id for s in signatures if s.role == SignerRole.PARTY}
    lines = own_party_lines(user, agreement)
    signable = agreement.state in (AgreementState.READY, AgreementState.SIGNING)
    principal = set(
        agreement.case.parties.filter(represents__isnull=True).values_list("id", flat=True)
    )
    mediator_turn = (
        signable
        and principal <= signed_parties
        and not any(s.role == SignerRole.MEDIATOR for s in signatures)
        and may_sign_as_mediator(user, agreement)
    )
    verification = None
    if agreement.signed_pdf_sha256:
        verification = pades.agreement_verify(blob_get(agreement.signed_pdf_sha256))
    return AgreementPage(
        agreement=agreement,
        problems=agreement_check(agreement) if drafter or agreement.editable else [],
        may_edit=drafter and agreement.editable,
        may_void=drafter and agreement.state != AgreementState.VOID,
        own_lines=lines,
        unsigned_own_lines=[p for p in lines if p.pk not in signed_parties] if signable else [],
        may_sign_as_mediator=mediator_turn,
        signatures=signatures,
        verification=verification,
    )
