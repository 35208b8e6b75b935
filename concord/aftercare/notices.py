"""Notices about after-care: a contact falling due (to its assignee) and an alert (to the
centre's coordinators), through the documents app's notification backends."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils.translation import gettext as _
from django.utils.translation import override

from concord.accounts.models import User
from concord.accounts.roles import Role
from concord.documents.models import OutboxMessage
from concord.documents.notifications import Notification, mask_email, notification_send
from concord.referrals.models import Referral

from .models import AftercareAlert, FollowUpContact

Message = Callable[[], tuple[str, str]]


def _send(users: Iterable[User], message: Message, key: str) -> None:
    """Send each user the message in their own language, once per key."""
    for user in {u.pk: u for u in users}.values():
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


def coordinators(referral: Referral) -> list[User]:
    agencies = [a for a in (referral.centre_id, referral.committee_id) if a is not None]
    return list(
        User.objects.filter(
            is_active=True,
            memberships__agency__in=agencies,
            memberships__role=Role.COORDINATOR,
        ).distinct()
    )


def contact_due(contact: FollowUpContact) -> None:
    referral = contact.plan.referral

    def message() -> tuple[str, str]:
        return (
            _("回访到期：%(number)s") % {"number": referral.number},
            _("%(case)s“%(title)s”的%(kind)s计划于 %(due)s 进行，请按时回访并记录情况。")
            % {
                "case": referral.case.number,
                "title": referral.case.title,
                "kind": contact.get_kind_display(),
                "due": contact.due_on.isoformat(),
            },
        )

    _send([contact.assignee], message, f"aftercare:contact:{contact.pk}:due")


def alert_raised(alert: AftercareAlert) -> None:
    referral = alert.plan.referral

    def message() -> tuple[str, str]:
        return (
            _("回访预警：%(number)s") % {"number": referral.number},
            _("%(case)s“%(title)s”：%(reason)s。请在回访工作台查看并处理。")
            % {
                "case": referral.case.number,
                "title": referral.case.title,
                "reason": alert.get_reason_display(),
            },
        )

    _send(coordinators(referral), message, f"aftercare:alert:{alert.pk}")
