"""Writes of performance: a payment recorded, confirmed as received, or disputed.

Each runs in a transaction under a lock on the agreement (so two payments cannot both take the
same outstanding amount) and leaves an audit entry; a refusal raises a ``ServiceError``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.audit.services import audit_record, snapshot
from concord.core.errors import InvalidInput, PermissionRefused, ServiceError
from concord.core.storage import blob_put
from concord.core.uploads import read_upload

from ..choices import AgreementState
from ..models import Agreement, Payment, PaymentAllocation
from .schedule import ZERO, allocate, performance_of
from .sides import may_confirm, may_record


def _locked(agreement: Agreement) -> Agreement:
    return (
        Agreement.objects.select_for_update(of=("self",))
        .select_related("case", "referral")
        .get(pk=agreement.pk)
    )


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def check_payment_record(*, actor, agreement: Agreement, amount: Decimal) -> None:
    """Authorise and validate a payment before anything is stored."""
    if not may_record(actor, agreement):
        raise PermissionRefused(
            "not_payer",
            _("只有赔偿方当事人及其代理人、主持调解员或协调员可以登记付款。"),
        )
    if agreement.state != AgreementState.SIGNED:
        raise ServiceError("not_signed", _("协议签署生效后才能登记付款。"))
    if amount is None or amount <= ZERO:
        raise InvalidInput("amount", _("付款金额必须大于零。"), field="amount")
    outstanding = performance_of(agreement).outstanding
    if amount > outstanding:
        raise InvalidInput(
            "over_payment",
            _("付款金额 %(amount)s 元超过尚未履行的金额 %(outstanding)s 元。")
            % {"amount": _money(amount), "outstanding": _money(outstanding)},
            field="amount",
        )


@transaction.atomic
def payment_record(
    *,
    actor,
    agreement: Agreement,
    amount: Decimal,
    paid_on: date,
    method: str,
    reference: str = "",
    receipt=None,
) -> Payment:
    """Record a payment and allocate it to the schedule, oldest due date first."""
    agreement = _locked(agreement)
    amount = Decimal(amount).quantize(Decimal("0.01"))
    check_payment_record(actor=actor, agreement=agreement, amount=amount)
    if paid_on > timezone.localdate():
        raise InvalidInput("paid_on", _("支付日期不能晚于今天。"), field="paid_on")
    payment = Payment(
        agreement=agreement,
        amount=amount,
        paid_on=paid_on,
        method=method,
        reference=reference.strip(),
        recorded_by=actor,
        recorded_at=timezone.now(),
    )
    if receipt is not None:
        data, content_type, name = read_upload(receipt)
        payment.receipt_sha256 = blob_put(data)
        payment.receipt_content_type = content_type
        payment.receipt_name = name
    payment.full_clean()
    payment.save()
    for instalment, share in allocate(performance_of(agreement), amount):
        PaymentAllocation.objects.create(payment=payment, instalment=instalment, amount=share)
    audit_record(
        actor=actor,
        action="agreement.payment_record",
        target=agreement,
        after=snapshot(payment),
        detail={"payment": payment.pk, "amount": str(amount)},
    )
    return payment


def _answerable(actor, payment: Payment) -> Payment:
    agreement = _locked(payment.agreement)
    if not may_confirm(actor, agreement):
        raise PermissionRefused(
            "not_payee", _("只有受偿方当事人及其代理人可以确认收款或提出异议。")
        )
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.confirmed_at is not None:
        raise ServiceError("confirmed", _("该笔付款已确认收到。"))
    if payment.disputed_at is not None:
        raise ServiceError("disputed", _("该笔付款已被提出异议。"))
    return payment


@transaction.atomic
def payment_confirm(*, actor, payment: Payment) -> Payment:
    """The receiving side confirms the money arrived."""
    payment = _answerable(actor, payment)
    before = snapshot(payment)
    payment.confirmed_by = actor
    payment.confirmed_at = timezone.now()
    payment.save(update_fields=["confirmed_by", "confirmed_at"])
    audit_record(
        actor=actor,
        action="agreement.payment_confirm",
        target=payment.agreement,
        before=before,
        after=snapshot(payment),
        detail={"payment": payment.pk},
    )
    return payment


@transaction.atomic
def payment_dispute(*, actor, payment: Payment, reason: str) -> Payment:
    """The receiving side says the money did not arrive (or not as recorded). The payment then
    stops counting, so its instalments are unpaid again; the mediator follows it up."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("reason", _("请说明异议理由。"), field="reason")
    payment = _answerable(actor, payment)
    before = snapshot(payment)
    payment.disputed_by = actor
    payment.disputed_at = timezone.now()
    payment.dispute_reason = reason
    payment.save(update_fields=["disputed_by", "disputed_at", "dispute_reason"])
    audit_record(
        actor=actor,
        action="agreement.payment_dispute",
        target=payment.agreement,
        before=before,
        after=snapshot(payment),
        detail={"payment": payment.pk},
    )
    return payment


@transaction.atomic
def payment_receipt_read_recorded(*, actor, payment: Payment) -> None:
    """A receipt shows bank details: every download is audited."""
    audit_record(
        actor=actor,
        action="agreement.payment_receipt_read",
        target=payment.agreement,
        detail={"payment": payment.pk},
    )
