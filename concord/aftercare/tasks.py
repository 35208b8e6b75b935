"""Reminders of after-care contacts that fall due: each contact's assignee is told once.

Safe to run any number of times: the reminder sets ``reminded_at`` on the contact under a row
lock and does nothing if it is already set or the contact has been made.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import notices
from .models import FollowUpContact

logger = logging.getLogger(__name__)


@db_task(retries=3, retry_delay=30)
def contact_remind(contact_id: int) -> bool:
    """Tell the assignee the contact is due today (or overdue)."""
    with transaction.atomic():
        contact = (
            FollowUpContact.objects.select_for_update(of=("self",))
            .select_related("assignee", "plan__referral__case")
            .filter(pk=contact_id)
            .first()
        )
        if contact is None or contact.reminded_at or contact.done_at:
            return False
        if contact.due_on > timezone.localdate():
            return False
        contact.reminded_at = timezone.now()
        contact.save(update_fields=["reminded_at"])
        notices.contact_due(contact)
    logger.info("aftercare contact reminder sent", extra={"contact": contact_id})
    return True


@db_periodic_task(crontab(minute="5", hour="*"))
def contacts_due_sweep() -> int:
    """Remind the assignees of every contact due today or earlier and not yet reminded."""
    due = FollowUpContact.objects.filter(
        done_at__isnull=True, reminded_at__isnull=True, due_on__lte=timezone.localdate()
    ).values_list("pk", flat=True)
    return sum(contact_remind.call_local(pk) for pk in list(due))
