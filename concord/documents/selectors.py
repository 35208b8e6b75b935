"""Reads of documents, scoped to what the user may see.

Staff who see a case (its holding agency, or an agency or person it was referred or assigned
to) see all its documents. A party sees only what was served to them: the notification to the
victim is not the suspect's to read, even though both are parties to the case. Anything else
does not exist for the user: 404, never 403.
"""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from concord.cases.models import Case
from concord.cases.selectors import access_case

from .models import Document, DocumentVersion, OutboxMessage, RenderedFile, ServiceReceipt

STAFF_OUTBOX_ROLES = frozenset({"coordinator", "administrator"})


def _receipt_condition(user, prefix: str = "") -> Q:
    condition = Q(**{f"{prefix}user": user}) | Q(**{f"{prefix}party__user": user})
    agencies = user.agency_ids()
    if agencies:
        condition |= Q(**{f"{prefix}agency__in": agencies})
    return condition


def inbox(user) -> QuerySet[ServiceReceipt]:
    """Return what was served to ``user`` or their agencies, newest first."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ServiceReceipt.objects.none()
    return (
        ServiceReceipt.objects.filter(_receipt_condition(user))
        .filter(version__state=DocumentVersion.State.RENDERED)
        .select_related("version__document__case", "agency", "party", "acknowledged_by")
        .prefetch_related("version__files")
        .order_by("-delivered_at", "-id")
    )


def receipt_for(user, receipt_id) -> ServiceReceipt:
    """Return the receipt if it was served to ``user``; otherwise raise Http404."""
    receipt = inbox(user).filter(pk=_int(receipt_id)).first()
    if receipt is None:
        raise Http404
    return receipt


def sees_all_documents(user, case: Case) -> bool:
    """Whether ``user`` sees the case as staff (not only as one of its parties)."""
    if user.is_superuser:
        return True
    agencies = user.agency_ids()
    if case.holding_agency_id in agencies:
        return True
    grants = case.access_grants.filter(active=True)
    return grants.filter(Q(agency__in=agencies) | Q(user=user)).exists()


def case_documents(user, case: Case) -> list[Document]:
    """Return the documents of ``case`` that ``user`` may see, each with ``shown_versions``
    (newest first) whose files and receipts are loaded."""
    case = access_case(user, case.pk)
    versions = DocumentVersion.objects.order_by("-number").prefetch_related(
        "files", Prefetch("receipts", queryset=ServiceReceipt.objects.order_by("id"))
    )
    documents = Document.objects.filter(case=case).prefetch_related(
        Prefetch("versions", queryset=versions)
    )
    staff = sees_all_documents(user, case)
    served: set[int] = set()
    if not staff:
        served = set(
            ServiceReceipt.objects.filter(
                _receipt_condition(user), version__document__case=case
            ).values_list("version_id", flat=True)
        )
    shown = []
    for document in documents:
        document.shown_versions = [v for v in document.versions.all() if staff or v.pk in served]
        if document.shown_versions:
            shown.append(document)
    return shown


def file_for(user, version_id, fmt: str, language: str | None) -> RenderedFile:
    """Return the file if ``user`` was served the version or sees the case as staff; in the
    requested language if there is one, else the version's first language."""
    version = (
        DocumentVersion.objects.select_related("document__case")
        .filter(pk=_int(version_id), state=DocumentVersion.State.RENDERED)
        .first()
    )
    if version is None:
        raise Http404
    # A recipient may read what was served to them even without access to the case (a letter
    # can reach an agency before the case is referred to it).
    if not version.receipts.filter(_receipt_condition(user)).exists():
        case = access_case(user, version.document.case_id)
        if not sees_all_documents(user, case):
            raise Http404
    files = version.files.filter(format=fmt)
    chosen = files.filter(language=language).first() if language else None
    chosen = chosen or files.filter(language=(version.languages or ["zh-hans"])[0]).first()
    if chosen is None:
        raise Http404
    return chosen


def may_read_outbox(user) -> bool:
    return bool(
        user.is_authenticated and (user.is_superuser or user.role_codes() & STAFF_OUTBOX_ROLES)
    )


def outbox(user) -> QuerySet[OutboxMessage]:
    if not may_read_outbox(user):
        raise Http404
    return OutboxMessage.objects.order_by("-created_at", "-id")


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise Http404 from exc
