"""The hash-chained audit log.

Each entry's ``hash`` is the SHA-256 of the previous entry's hash and this entry's canonical
content, so altering, deleting or reordering any entry breaks every hash after it. Entries hold
digests of the object before and after the change, never the personal data itself.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.db import models

GENESIS_HASH = "0" * 64


class AuditEntry(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(max_length=64)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    before_digest = models.CharField(max_length=64, blank=True)
    after_digest = models.CharField(max_length=64, blank=True)
    # Names of changed fields and other non-personal context (e.g. a transition's name).
    detail = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"

    def canonical(self) -> str:
        """Return the content the hash covers, as canonical JSON."""
        return json.dumps(
            {
                "seq": self.seq,
                "at": self.at.isoformat(),
                "actor": self.actor_id,
                "action": self.action,
                "object_type": self.object_type,
                "object_id": self.object_id,
                "before": self.before_digest,
                "after": self.after_digest,
                "detail": self.detail,
            },
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def compute_hash(self) -> str:
        return hashlib.sha256((self.prev_hash + self.canonical()).encode()).hexdigest()


class AuditChainHead(models.Model):
    """One row: the last sequence number and hash. Locked while an entry is appended."""

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)

    def __str__(self) -> str:
        return f"audit head #{self.last_seq}"
