"""Reads of performance, behind the agreement's own access rule (selectors.access_agreement):
a payment is found only through an agreement the user may see, else 404."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from ..models import Agreement, Payment
from .schedule import Performance, performance_of
from .sides import may_confirm, may_record


@dataclass
class PerformancePage:
    agreement: Agreement
    performance: Performance
    payments: list[Payment]
    may_record: bool
    may_confirm: bool


def performance_page(user, agreement: Agreement) -> PerformancePage:
    payments = list(
        agreement.payments.select_related("recorded_by", "confirmed_by", "disputed_by")
        .prefetch_related("allocations__instalment")
        .order_by("paid_on", "id")
    )
    return PerformancePage(
        agreement=agreement,
        performance=performance_of(agreement),
        payments=payments,
        may_record=may_record(user, agreement),
        may_confirm=may_confirm(user, agreement),
    )


def access_payment(agreement: Agreement, payment_id) -> Payment:
    """The payment of an agreement already accessed by the user."""
    try:
        payment_id = int(payment_id)
    except (TypeError, ValueError) as exc:
        raise Http404 from exc
    payment = agreement.payments.select_related("agreement").filter(pk=payment_id).first()
    if payment is None:
        raise Http404
    return payment
