"""Deadline tasks: a reminder before a referral's period ends, an escalation when it does.

Both are safe to run any number of times: each sets its timestamp on the referral under a row
lock and does nothing if it is already set or the referral has been concluded.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import notices
from .choices import OPEN_STATES
from .deadlines import Period, referral_period, remind_at
from .models import Referral

logger = logging.getLogger(__name__)


@db_task(retries=3, retry_delay=30)
def referral_remind(referral_id: int) -> bool:
    """Remind the team and the coordinator that the period is about to end."""
    with transaction.atomic():
        referral = (
            Referral.objects.select_for_update(of=("self",))
            .select_related("case", "centre", "committee")
            .filter(pk=referral_id)
            .first()
        )
        if referral is None or referral.reminded_at or referral.state not in OPEN_STATES:
            return False
        referral.reminded_at = timezone.now()
        referral.save(update_fields=["reminded_at"])
        notices.deadline_reminder(referral)
    logger.info("referral reminder sent", extra={"referral": referral_id})
    return True


@db_task(retries=3, retry_delay=30)
def referral_escalate(referral_id: int) -> bool:
    """At expiry, tell the coordinator and the referring agency the referral is overdue."""
    with transaction.atomic():
        referral = (
            Referral.objects.select_for_update(of=("self",))
            .select_related("case", "from_agency", "centre")
            .filter(pk=referral_id)
            .first()
        )
        if referral is None or referral.escalated_at or referral.state not in OPEN_STATES:
            return False
        if referral.due_at > timezone.now():
            return False  # the deadline moved later; its own task will come
        referral.escalated_at = timezone.now()
        referral.save(update_fields=["escalated_at"])
        notices.deadline_escalation(referral)
    logger.info("referral escalated", extra={"referral": referral_id})
    return True


def schedule_deadlines(referral: Referral, period: Period) -> None:
    """Queue the reminder and the escalation, once the referral's transaction commits.

    The queue keeps them across restarts (SQLite or Redis storage) and runs them at their
    time; the periodic sweep below catches any a lost queue dropped.
    """
    referral_id, due = referral.pk, referral.due_at
    reminder = remind_at(due, period)

    def enqueue() -> None:
        referral_remind.schedule(args=(referral_id,), eta=reminder)
        referral_escalate.schedule(args=(referral_id,), eta=due)

    transaction.on_commit(enqueue)


@db_periodic_task(crontab(minute="*/10"))
def referral_deadlines_sweep() -> int:
    """Catch reminders and escalations whose scheduled task was lost (e.g. a Redis restart)."""
    now = timezone.now()
    done = 0
    for referral in Referral.objects.filter(state__in=OPEN_STATES, escalated_at__isnull=True):
        period = referral_period(
            agency=referral.from_agency, stage=referral.stage, on=referral.sent_at.date()
        )
        if referral.reminded_at is None and remind_at(referral.due_at, period) <= now:
            done += referral_remind.call_local(referral.pk)
        if referral.due_at <= now:
            done += referral_escalate.call_local(referral.pk)
    return done
