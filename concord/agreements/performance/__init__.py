"""Performance of a signed agreement: payments against its schedule, the victim side's
confirmation, reminders and overdue notices, and the default flag (see schedule.py)."""

from .schedule import Performance, performance_of
from .selectors import access_payment, performance_page
from .services import (
    payment_confirm,
    payment_dispute,
    payment_receipt_read_recorded,
    payment_record,
)

__all__ = [
    "Performance",
    "access_payment",
    "payment_confirm",
    "payment_dispute",
    "payment_receipt_read_recorded",
    "payment_record",
    "performance_of",
    "performance_page",
]
