"""Background work of the agreements app: rendering never happens in a web request, and the
daily reminders and overdue notices of payments."""

from __future__ import annotations

import logging
from datetime import date

from django.db import transaction
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from .choices import AgreementState
from .models import Agreement, PaymentNotice
from .performance import notices, schedule
from .sealing import final_copy_seal, signing_copy_render

logger = logging.getLogger(__name__)


@db_task(retries=3, retry_delay=10)
def agreement_render(agreement_id: int, version: int) -> None:
    signing_copy_render(agreement_id, version)


@db_task(retries=3, retry_delay=10)
def agreement_seal(agreement_id: int) -> None:
    final_copy_seal(agreement_id)


# --- performance: reminders before a payment falls due, notices once it is overdue ----------
# Safe to run any number of times: each notice is a PaymentNotice row created under a lock on
# the agreement, and nothing is sent for a line that already has one of that kind.


def _notice_once(agreement: Agreement, line, kind: str) -> bool:
    exists = PaymentNotice.objects.filter(agreement=agreement, kind=kind)
    exists = (
        exists.filter(instalment=line.instalment)
        if line.instalment
        else exists.filter(instalment__isnull=True)
    )
    if exists.exists():
        return False
    PaymentNotice.objects.create(
        agreement=agreement,
        instalment=line.instalment,
        kind=kind,
        due_on=line.due_on,
        sent_at=timezone.now(),
    )
    notices.notice_send(agreement, line, kind, notices.recipients(agreement))
    return True


@db_task(retries=3, retry_delay=30)
def agreement_payment_notices(agreement_id: int, on: date | None = None) -> int:
    """Send the reminders and overdue notices now due for one agreement; return how many."""
    on = on or schedule.today()
    sent = 0
    with transaction.atomic():
        agreement = (
            Agreement.objects.select_for_update(of=("self",))
            .select_related("case", "referral")
            .filter(pk=agreement_id, state=AgreementState.SIGNED)
            .first()
        )
        if agreement is None:
            return 0
        for line in schedule.performance_of(agreement, on=on).lines:
            if schedule.reminder_due(line, on):
                sent += _notice_once(agreement, line, PaymentNotice.Kind.REMINDER)
            if schedule.overdue_notice_due(line):
                sent += _notice_once(agreement, line, PaymentNotice.Kind.OVERDUE)
    if sent:
        logger.info("payment notices sent", extra={"agreement": agreement_id, "count": sent})
    return sent


@db_periodic_task(crontab(hour="8", minute="0"))
def payment_notices_sweep(on: date | None = None) -> int:
    """Daily: reminders and overdue notices for every signed agreement."""
    agreements = Agreement.objects.filter(state=AgreementState.SIGNED).values_list("pk", flat=True)
    return sum(agreement_payment_notices.call_local(pk, on) for pk in agreements)
