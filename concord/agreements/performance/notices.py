"""Reminders before a payment falls due and notices when it is overdue, to the payer side, the
receiving side and the lead mediator/coordinators, through the documents app's backends."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import override

from concord.accounts.models import User
from concord.documents.models import OutboxMessage
from concord.documents.notifications import Notification, mask_email, notification_send

from ..models import Agreement, PaymentNotice
from .schedule import LineStatus
from .sides import PAYEE_ROLES, PAYER_ROLES, side_users, staff_users


def recipients(agreement: Agreement) -> list[User]:
    users = [
        *side_users(agreement, PAYER_ROLES),
        *side_users(agreement, PAYEE_ROLES),
        *staff_users(agreement),
    ]
    return list({u.pk: u for u in users}.values())


def _message(agreement: Agreement, line: LineStatus, kind: str) -> tuple[str, str]:
    values = {
        "case": agreement.case.number,
        "number": line.number,
        "due": line.due_on.isoformat(),
        "amount": f"{line.amount:,.2f}",
        "outstanding": f"{line.outstanding:,.2f}",
    }
    if kind == PaymentNotice.Kind.REMINDER:
        return (
            _("协议履行提醒：%(case)s") % values,
            _(
                "%(case)s调解协议第 %(number)s 期赔偿款 %(amount)s 元将于 %(due)s 到期，"
                "尚未支付 %(outstanding)s 元。付款后请在平台登记并上传凭证。"
            )
            % values,
        )
    return (
        _("协议履行逾期：%(case)s") % values,
        _(
            "%(case)s调解协议第 %(number)s 期赔偿款已于 %(due)s 到期，尚有 %(outstanding)s 元"
            "未支付。请尽快履行；调解员将跟进督促。"
        )
        % values,
    )


def notice_send(agreement: Agreement, line: LineStatus, kind: str, users: Iterable[User]) -> None:
    """Send each user the notice in their own language; the outbox key makes it once per user."""
    line_key = line.key if line.key is not None else "once"
    for user in users:
        with override(user.language or "zh-hans"):
            subject, body = _message(agreement, line, kind)
        notification_send(
            Notification(
                channel=OutboxMessage.Channel.EMAIL,
                address=user.email,
                address_masked=mask_email(user.email) if user.email else "—",
                recipient=str(user),
                subject=subject,
                body=body,
                key=f"agreement:{agreement.pk}:line:{line_key}:{kind}:user:{user.pk}",
            )
        )
