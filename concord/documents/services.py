"""Issuing, re-issuing and acknowledging official documents; recording their downloads.

Issuing writes the document and a pending version inside the caller's transaction and queues
the rendering for after the commit: a request never renders, and a rolled-back referral leaves
no document and no queued task behind. The worker (processing.py) renders, stores, serves and
notifies.

``actor=None`` means the system (a scheduled job); every other caller passes the acting user.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Agency, User
from concord.audit.services import audit_record
from concord.cases.models import Case, Party
from concord.cases.selectors import case_relations
from concord.core.errors import InvalidInput, PermissionRefused

from . import tasks
from .kinds import LANGUAGES, context_validate
from .models import Document, DocumentRecipient, DocumentVersion, RenderedFile, ServiceReceipt


@dataclass(frozen=True)
class Recipient:
    """Whom a document is served to: exactly one of a user, an agency (all its members) or a
    party (its linked account's inbox, and its phone for SMS)."""

    user: User | None = None
    agency: Agency | None = None
    party: Party | None = None

    def __post_init__(self) -> None:
        if sum(x is not None for x in (self.user, self.agency, self.party)) != 1:
            raise ValueError("a Recipient names exactly one of user, agency or party")


def _now():
    return timezone.now()


def check_document_issue(
    *, actor: User | None, case: Case, kind: str, context: dict, languages: tuple[str, ...]
) -> dict:
    """Authorise the actor and validate the context; return the clean context.

    A malformed context is a programming error of the caller and raises ValueError naming the
    key; a refused actor gets PermissionRefused.
    """
    _check_may_issue(actor, case)
    if not languages or any(language not in LANGUAGES for language in languages):
        raise ValueError(f"languages must be drawn from {LANGUAGES}")
    return context_validate(kind, context)


def _check_may_issue(actor: User | None, case: Case) -> None:
    if actor is None or actor.is_superuser:
        return
    if not case_relations(actor, case):
        raise PermissionRefused("not_case_actor", _("只有案件承办、调解人员或当事人可以出具文书。"))


@transaction.atomic
def document_issue(
    *,
    actor: User | None,
    case: Case,
    kind: str,
    context: dict,
    recipients: list[Recipient],
    languages: tuple[str, ...] = ("zh-hans",),
    subject_key: str = "",
) -> Document:
    """Issue a document, or a new version of the case's document of this kind and subject."""
    clean = check_document_issue(
        actor=actor, case=case, kind=kind, context=context, languages=languages
    )
    for recipient in recipients:
        if recipient.party is not None and recipient.party.case_id != case.pk:
            raise InvalidInput("party_not_in_case", _("收件当事人不属于本案。"))
    document, _created = Document.objects.get_or_create(
        case=case, kind=kind, subject_key=subject_key, defaults={"created_by": actor}
    )
    for recipient in recipients:
        DocumentRecipient.objects.get_or_create(
            document=document,
            user=recipient.user,
            agency=recipient.agency,
            party=recipient.party,
        )
    _version_create(actor=actor, document=document, context=clean, languages=tuple(languages))
    return document


@transaction.atomic
def document_reissue(*, actor: User | None, document: Document, context: dict) -> DocumentVersion:
    """Issue a new version of ``document`` (same recipients and languages); old ones stay."""
    latest = document.versions.order_by("-number").first()
    languages = tuple(latest.languages) if latest else ("zh-hans",)
    clean = check_document_issue(
        actor=actor, case=document.case, kind=document.kind, context=context, languages=languages
    )
    return _version_create(actor=actor, document=document, context=clean, languages=languages)


def _version_create(
    *, actor: User | None, document: Document, context: dict, languages: tuple[str, ...]
) -> DocumentVersion:
    # Locking the document row serialises concurrent issues, so version numbers never collide.
    Document.objects.select_for_update().filter(pk=document.pk).first()
    number = (document.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = DocumentVersion(
        document=document,
        number=number,
        context=context,
        languages=list(languages),
        issued_by=actor,
    )
    version.full_clean()
    version.save()
    audit_record(
        actor=actor,
        action="document.issue" if number == 1 else "document.reissue",
        target=version,
        detail={"document": document.pk, "kind": document.kind, "version": number},
    )
    transaction.on_commit(lambda: tasks.document_render(version.pk))
    return version


def receipt_is_for(receipt: ServiceReceipt, user: User) -> bool:
    """Whether ``user`` is the recipient: the user, a member of the agency, or the party."""
    if receipt.user_id is not None:
        return receipt.user_id == user.pk
    if receipt.agency_id is not None:
        return receipt.agency_id in user.agency_ids()
    return receipt.party is not None and receipt.party.user_id == user.pk


@transaction.atomic
def service_acknowledge(*, actor: User, service: ServiceReceipt) -> ServiceReceipt:
    """Record that the recipient signed for the document (签收). Signing twice changes nothing."""
    receipt = ServiceReceipt.objects.select_for_update().get(pk=service.pk)
    if not receipt_is_for(receipt, actor):
        raise PermissionRefused("not_recipient", _("只有受送达人可以签收。"))
    if receipt.is_acknowledged:
        return receipt
    receipt.acknowledged_at = _now()
    receipt.acknowledged_by = actor
    receipt.save(update_fields=["acknowledged_at", "acknowledged_by"])
    audit_record(
        actor=actor,
        action="document.acknowledge",
        target=receipt,
        detail={"version": receipt.version_id},
    )
    return receipt


@transaction.atomic
def document_read_recorded(*, actor: User, file: RenderedFile) -> None:
    """Official documents carry personal data: every download is audited."""
    audit_record(
        actor=actor,
        action="document.read",
        target=file,
        detail={"version": file.version_id, "format": file.format, "language": file.language},
    )
