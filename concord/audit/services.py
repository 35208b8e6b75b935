"""Appending to and verifying the audit chain."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from .models import GENESIS_HASH, AuditChainHead, AuditEntry


def snapshot(instance: models.Model | None) -> dict[str, Any] | None:
    """Return the concrete field values of ``instance`` (decrypted), for digesting."""
    if instance is None:
        return None
    data = {}
    for field in instance._meta.concrete_fields:
        data[field.attname] = field.value_from_object(instance)
    return data


def digest(data: dict[str, Any] | None) -> str:
    if data is None:
        return ""
    encoded = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()


def audit_record(
    *,
    actor,
    action: str,
    target: models.Model | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the chain, inside the caller's transaction.

    Called by every service that writes; ``before``/``after`` are snapshots and only their
    digests and the names of changed fields are kept.
    """
    detail = dict(detail or {})
    if before is not None and after is not None:
        detail.setdefault("changed", sorted(k for k in after if before.get(k) != after.get(k)))
    with transaction.atomic():
        head = _locked_head()
        entry = AuditEntry(
            seq=head.last_seq + 1,
            at=timezone.now(),
            actor=actor if getattr(actor, "pk", None) else None,
            action=action,
            object_type=target._meta.label_lower if target is not None else "",
            object_id=str(target.pk) if target is not None else "",
            before_digest=digest(before),
            after_digest=digest(after),
            detail=detail,
            prev_hash=head.last_hash,
        )
        entry.hash = entry.compute_hash()
        entry.save(force_insert=True)
        head.last_seq, head.last_hash = entry.seq, entry.hash
        head.save(update_fields=["last_seq", "last_hash"])
    return entry


def _locked_head() -> AuditChainHead:
    # select_for_update serialises appenders on PostgreSQL; SQLite serialises writers anyway.
    head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        AuditChainHead.objects.get_or_create(pk=1)
        head = AuditChainHead.objects.select_for_update().get(pk=1)
    return head


@dataclass(frozen=True)
class ChainProblem:
    seq: int | None
    entry_id: int | None
    reason: str

    def __str__(self) -> str:
        return f"audit entry seq={self.seq} id={self.entry_id}: {self.reason}"


def audit_verify(batch_size: int = 5000) -> ChainProblem | None:
    """Walk the chain in order; return the first broken entry, or None if the chain is intact.

    Detects an altered row (its hash no longer matches its content), a deleted row (a gap in
    the sequence, or the next row's ``prev_hash`` pointing at a row that is gone), a reordered
    row (content and sequence no longer agree with the hashes), and a truncated tail (the head
    records more entries than exist).
    """
    expected_seq = 1
    prev_hash = GENESIS_HASH
    last_seq = 0
    while True:
        rows = list(AuditEntry.objects.filter(seq__gt=last_seq).order_by("seq")[:batch_size])
        if not rows:
            break
        for entry in rows:
            last_seq = entry.seq
            if entry.seq != expected_seq:
                return ChainProblem(entry.seq, entry.id, f"expected sequence {expected_seq}")
            if entry.prev_hash != prev_hash:
                return ChainProblem(entry.seq, entry.id, "does not follow the previous entry")
            if entry.compute_hash() != entry.hash:
                return ChainProblem(entry.seq, entry.id, "content does not match its hash")
            prev_hash = entry.hash
            expected_seq += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and (head.last_seq != expected_seq - 1 or head.last_hash != prev_hash):
        return ChainProblem(expected_seq, None, "entries after this one are missing")
    return None
