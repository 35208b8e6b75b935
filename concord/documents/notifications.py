"""Telling recipients a document arrived: SMS and e-mail through pluggable backends.

``settings.CONCORD_NOTIFICATION_BACKENDS`` lists dotted paths of classes with a
``send(notification)`` method; by default the only backend is the local outbox (a table staff
can read), which suits an isolated intranet without an SMS gateway. A gateway backend gets the
full address; the outbox keeps only the masked one, and nothing here logs an address.

Every notification carries a ``key`` unique to its receipt, channel and address: the outbox
stores a key once, and other backends can pass it on as an idempotency key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from concord.core.masking import mask_phone

from .models import OutboxMessage

DEFAULT_BACKENDS = ("concord.documents.notifications.OutboxBackend",)


@dataclass(frozen=True)
class Notification:
    channel: str  # OutboxMessage.Channel
    address: str  # phone number or e-mail address, in full: for a gateway, never to be stored
    address_masked: str
    recipient: str  # how staff recognise the recipient in the outbox
    subject: str
    body: str
    key: str
    receipt_id: int | None = None


class NotificationBackend(Protocol):
    def send(self, notification: Notification) -> None: ...


class OutboxBackend:
    """Keep the message in the local outbox table (the default, and the demo's)."""

    def send(self, notification: Notification) -> None:
        OutboxMessage.objects.get_or_create(
            dedupe_key=notification.key,
            defaults={
                "channel": notification.channel,
                "recipient": notification.recipient[:200],
                "address_masked": notification.address_masked,
                "subject": notification.subject[:200],
                "body": notification.body,
                "receipt_id": notification.receipt_id,
            },
        )


def backends() -> list[NotificationBackend]:
    paths = getattr(settings, "CONCORD_NOTIFICATION_BACKENDS", DEFAULT_BACKENDS)
    return [import_string(path)() for path in paths]


def notification_send(notification: Notification) -> None:
    for backend in backends():
        backend.send(notification)


def mask_email(address: str) -> str:
    """Return ``li***@example.com``: enough for staff to tell addresses apart."""
    local, _at, domain = address.strip().partition("@")
    if not domain:
        return mask_phone(address)
    return f"{local[:2]}***@{domain}"
