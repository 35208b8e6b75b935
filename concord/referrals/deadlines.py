"""How long a referral may take, and the tasks that remind and escalate before and at the end.

The default period per stage is a dated legal parameter (concord/law/parameters/procedure/
referral_periods.yaml, with its sources); an agency may set its own (ReferralPeriod).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from concord.law.params import registry

from .models import ReferralPeriod


@dataclass(frozen=True)
class Period:
    days: int
    remind_days_before: int
    source: str


def referral_period(*, agency, stage: str, on: date) -> Period:
    """Return the agency's own period for ``stage``, else the dated default."""
    own = ReferralPeriod.objects.filter(agency=agency, stage=stage).first()
    if own is not None:
        return Period(own.days, own.remind_days_before, "agency")
    default = registry().get("procedure.referral_periods", on)
    reminder = registry().get("procedure.referral_reminder", on)
    return Period(int(default.value[stage]), int(reminder.value), default.cite())


def due_at(sent_at: datetime, period: Period) -> datetime:
    return sent_at + timedelta(days=period.days)


def remind_at(due: datetime, period: Period) -> datetime:
    return due - timedelta(days=period.remind_days_before)
