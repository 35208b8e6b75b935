"""What the worker does with a pending version: render, store, serve, notify.

Each step checks the state the previous run left, so the task can be killed at any point and
run again without a second version, file row, receipt or notification:

1. render — pure and slow, done outside any transaction; ``blob_put`` is idempotent (same bytes,
   same name), so rendering twice only costs time;
2. store — in one transaction with the version row locked: file rows and the ``rendered`` state
   are written together, or not at all;
3. serve — one receipt per (version, recipient), guarded by unique constraints;
4. notify — per receipt, skipped once ``notified_at`` is set; the outbox itself dedupes by key.
"""

from __future__ import annotations

import logging
import time

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from concord.audit.services import audit_record
from concord.core.crypto import blind_index
from concord.core.masking import mask_phone
from concord.core.storage import blob_put

from . import render
from .kinds import DocumentKind
from .models import DocumentVersion, RenderedFile, ServiceReceipt
from .notifications import Notification, mask_email, notification_send

logger = logging.getLogger(__name__)

RENDERERS = {"pdf": render.render_pdf, "docx": render.render_docx}


def _now():
    return timezone.now()


def version_process(version_id: int) -> None:
    """Bring a version to rendered, served and notified, whatever state a past run left."""
    version = DocumentVersion.objects.select_related("document").filter(pk=version_id).first()
    if version is None:
        logger.warning("documents.version_missing", extra={"version_id": version_id})
        return
    if not version.is_rendered:
        files, elapsed_ms = _render(version)
        _store(version_id, files, elapsed_ms)
    version.refresh_from_db()
    _serve(version)
    _notify(version)


def _render(version: DocumentVersion) -> tuple[list[tuple[str, str, str, int]], int]:
    started = time.perf_counter()
    files = []
    for language in version.languages:
        for fmt, renderer in RENDERERS.items():
            data = renderer(version.document.kind, version.context, language)
            files.append((language, fmt, blob_put(data), len(data)))
    elapsed_ms = round((time.perf_counter() - started) * 1000)
    logger.info("documents.rendered", extra={"version_id": version.pk, "render_ms": elapsed_ms})
    return files, elapsed_ms


@transaction.atomic
def _store(version_id: int, files: list[tuple[str, str, str, int]], elapsed_ms: int) -> None:
    version = DocumentVersion.objects.select_for_update().get(pk=version_id)
    if version.is_rendered:
        return  # another run got here first
    for language, fmt, digest, size in files:
        RenderedFile.objects.get_or_create(
            version=version,
            language=language,
            format=fmt,
            defaults={"sha256": digest, "size": size},
        )
    version.state = DocumentVersion.State.RENDERED
    version.rendered_at = _now()
    version.render_ms = elapsed_ms
    version.save(update_fields=["state", "rendered_at", "render_ms"])
    audit_record(
        actor=None,
        action="document.render",
        target=version,
        detail={"document": version.document_id, "files": [f[2] for f in files]},
    )


@transaction.atomic
def _serve(version: DocumentVersion) -> None:
    """Deliver the version to each recipient of its document: it is in their inbox from the
    moment it was stored, so that is the delivery time."""
    created = []
    for recipient in version.document.recipients.all():
        receipt, was_created = ServiceReceipt.objects.get_or_create(
            version=version,
            user_id=recipient.user_id,
            agency_id=recipient.agency_id,
            party_id=recipient.party_id,
            defaults={"delivered_at": version.rendered_at},
        )
        if was_created:
            created.append(receipt.pk)
    if created:
        audit_record(
            actor=None,
            action="document.serve",
            target=version,
            detail={"receipts": created},
        )


def _notify(version: DocumentVersion) -> None:
    pending = (
        version.receipts.filter(notified_at__isnull=True)
        .select_related("user", "agency", "party__user", "version__document__case")
        .order_by("id")
    )
    for receipt in pending:
        for notification in _notifications(receipt):
            notification_send(notification)
        # Marked after sending: a crash in between repeats only what the outbox dedupes.
        ServiceReceipt.objects.filter(pk=receipt.pk, notified_at__isnull=True).update(
            notified_at=_now()
        )


def _notifications(receipt: ServiceReceipt) -> list[Notification]:
    """One e-mail per reachable account, and an SMS to a party's phone."""
    targets: list[tuple[str, str, str, str]] = []  # channel, address, name, language
    if receipt.user is not None:
        targets += _email_targets([receipt.user])
    elif receipt.agency is not None:
        members = receipt.agency.memberships.select_related("user").order_by("user_id")
        users = {m.user_id: m.user for m in members if m.user.is_active}
        targets += _email_targets(list(users.values()))
    elif receipt.party is not None:
        party = receipt.party
        account = party.user
        if party.phone:
            language = account.language if account and account.language else "zh-hans"
            targets.append(("sms", party.phone, party.name, language))
        if account is not None:
            targets += _email_targets([account])
    return [_message(receipt, *target) for target in targets]


def _email_targets(users) -> list[tuple[str, str, str, str]]:
    return [
        ("email", user.email, str(user), user.language or "zh-hans") for user in users if user.email
    ]


def _message(
    receipt: ServiceReceipt, channel: str, address: str, name: str, language: str
) -> Notification:
    document = receipt.version.document
    with translation.override(language):
        title = str(DocumentKind(document.kind).label)
        subject = _("新文书待签收：%(title)s") % {"title": title}
        body = _(
            "您有一份文书《%(title)s》（案号：%(case)s）已送达，"
            "请登录协和调解平台，在“收件箱”中查看并签收。"
        ) % {"title": title, "case": document.case.number}
    masked = mask_email(address) if channel == "email" else mask_phone(address)
    return Notification(
        channel=channel,
        address=address,
        address_masked=masked,
        recipient=name,
        subject=subject,
        body=body,
        key=f"receipt:{receipt.pk}:{channel}:{_fingerprint(address)}",
        receipt_id=receipt.pk,
    )


def _fingerprint(address: str) -> str:
    """Name the address in the dedupe key without storing it (two addresses may mask alike).

    A keyed hash: a plain SHA-256 of a phone number is reversed by trying every number.
    """
    return blind_index(address.lower())
