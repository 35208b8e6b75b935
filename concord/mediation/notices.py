"""Notices to the people taking part in a session, through the documents app's notification
backends (the local outbox by default). Invited people without a platform account are told by
the mediator directly; the notice goes to everyone with an account."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from concord.accounts.models import User
from concord.documents.models import OutboxMessage
from concord.documents.notifications import Notification, mask_email, notification_send

from .models import Session

Message = Callable[[], tuple[str, str]]


def _recipients(session: Session) -> list[User]:
    users = {}
    for participant in session.participants.select_related("user", "party__user"):
        user = participant.user or (participant.party.user if participant.party else None)
        if user is not None and user.is_active:
            users[user.pk] = user
    return list(users.values())


def _send(users: Iterable[User], message: Message, key: str) -> None:
    """Send each user the message in their own language, once per key."""
    for user in users:
        with override(user.language or "zh-hans"):
            subject, body = message()
        notification_send(
            Notification(
                channel=OutboxMessage.Channel.EMAIL,
                address=user.email,
                address_masked=mask_email(user.email) if user.email else "—",
                recipient=str(user),
                subject=subject,
                body=body,
                key=f"{key}:user:{user.pk}",
            )
        )


def _where(session: Session) -> str:
    if session.online:
        return _("线上调解室")
    return f"{session.room} {session.address}".strip()


def session_scheduled(session: Session) -> None:
    def message() -> tuple[str, str]:
        when = timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M")
        return (
            _("调解会议通知：%(case)s") % {"case": session.case.number},
            _("%(case)s“%(title)s”定于 %(when)s 在%(where)s举行%(kind)s，请准时参加。")
            % {
                "case": session.case.number,
                "title": session.case.title,
                "when": when,
                "where": _where(session),
                "kind": session.get_kind_display(),
            },
        )

    _send(_recipients(session), message, f"session:{session.pk}:scheduled")


def session_cancelled(session: Session) -> None:
    def message() -> tuple[str, str]:
        when = timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M")
        return (
            _("调解会议取消：%(case)s") % {"case": session.case.number},
            _("原定于 %(when)s 举行的%(kind)s已取消。理由：%(reason)s")
            % {"when": when, "kind": session.get_kind_display(), "reason": session.cancel_reason},
        )

    _send(_recipients(session), message, f"session:{session.pk}:cancelled")
