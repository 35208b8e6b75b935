"""What the referral services share: who may act, and the number of a referral letter."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from concord.accounts.roles import Role
from concord.core.errors import PermissionRefused, ServiceError

from ..models import Referral


def is_coordinator(user, referral: Referral) -> bool:
    """A coordinator of the centre the case was sent to (or of the committee it went to)."""
    agencies = {referral.centre_id, referral.committee_id} - {None}
    return user.memberships.filter(role=Role.COORDINATOR, agency_id__in=agencies).exists()


def require_coordinator(user, referral: Referral) -> None:
    if not is_coordinator(user, referral):
        raise PermissionRefused("not_coordinator", _("只有调解中心的协调员可以办理此事项。"))


def require_open(referral: Referral) -> None:
    if not referral.is_open:
        raise ServiceError(
            "referral_closed",
            _("该委派已于“%(state)s”状态结束，不能再办理。")
            % {"state": referral.get_state_display()},
        )


def number_for(referral: Referral) -> str:
    """委派文号: the centre's code, the year and the referral's id (unique without a counter)."""
    return f"{referral.centre.code.upper()}-{referral.sent_at:%Y}-{referral.pk:05d}"
