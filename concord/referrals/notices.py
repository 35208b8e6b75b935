"""Notices to people about a referral (deadlines, refusals), through the notification backends
of the documents app: the local outbox by default, SMS or e-mail gateways where configured."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils.translation import gettext as _
from django.utils.translation import override

from concord.accounts.models import Agency, User
from concord.accounts.roles import Role
from concord.documents.models import OutboxMessage
from concord.documents.notifications import Notification, mask_email, notification_send

from .models import Referral

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


def _members(agencies: Iterable[Agency], roles: Iterable[str] | None = None) -> list[User]:
    users = User.objects.filter(is_active=True, memberships__agency__in=list(agencies))
    if roles is not None:
        users = users.filter(memberships__role__in=list(roles))
    return list(users.distinct())


def _coordinators(referral: Referral) -> list[User]:
    agencies = [a for a in (referral.centre, referral.committee) if a is not None]
    return _members(agencies, [Role.COORDINATOR])


def _team(referral: Referral) -> list[User]:
    return [m.user for m in referral.team.filter(active=True).select_related("user")]


def deadline_reminder(referral: Referral) -> None:
    def message() -> tuple[str, str]:
        return (
            _("调解期限将至：%(number)s") % {"number": referral.number},
            _("%(case)s“%(title)s”的委派调解将于 %(due)s 到期，请抓紧办理。")
            % {
                "case": referral.case.number,
                "title": referral.case.title,
                "due": referral.due_at.date().isoformat(),
            },
        )

    _send([*_team(referral), *_coordinators(referral)], message, f"referral:{referral.pk}:remind")


def deadline_escalation(referral: Referral) -> None:
    def message() -> tuple[str, str]:
        return (
            _("调解已超期：%(number)s") % {"number": referral.number},
            _(
                "%(case)s“%(title)s”的委派调解已于 %(due)s 到期仍未办结，请协调员和委派机关"
                "跟进处理。"
            )
            % {
                "case": referral.case.number,
                "title": referral.case.title,
                "due": referral.due_at.date().isoformat(),
            },
        )

    referrers = _members(
        [referral.from_agency],
        [Role.POLICE_OFFICER, Role.PROSECUTOR, Role.JUDGE, Role.JUDGE_ASSISTANT, Role.COORDINATOR],
    )
    _send([*_coordinators(referral), *referrers], message, f"referral:{referral.pk}:escalate")


def notify_agencies(*, agencies: Iterable[Agency], message: Message, key: str) -> None:
    _send(_members(agencies), message, key)


def legal_aid_offered(offer) -> None:
    def message() -> tuple[str, str]:
        return (
            _("您可以申请法律援助"),
            _(
                "您的案件（%(case)s）已委派调解。经济困难、无力委托代理人的，可以申请法律援助；"
                "请登录协和调解平台，在委派调解页面点击“申请法律援助”。"
            )
            % {"case": offer.referral.case.number},
        )

    _send([offer.party.user], message, f"legal_aid:{offer.pk}:offer")
