"""The performance page of an agreement: its schedule, the payments with their receipts, the
payer side's "record a payment" form and the receiving side's confirm/dispute buttons."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from concord.core.errors import ServiceError
from concord.core.storage import blob_path

from . import performance, selectors
from .performance.forms import DisputeForm, PaymentForm


def _page(request, agreement, *, form=None, status=200):
    return render(
        request,
        "agreements/payments.html",
        {
            "agreement": agreement,
            "page": performance.performance_page(request.user, agreement),
            "form": form or PaymentForm(),
            "dispute_form": DisputeForm(),
        },
        status=status,
    )


@require_GET
@login_required
def payments(request, agreement_id):
    return _page(request, selectors.access_agreement(request.user, agreement_id))


@require_POST
@login_required
def payment_new(request, agreement_id):
    agreement = selectors.access_agreement(request.user, agreement_id)
    form = PaymentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, agreement, form=form, status=422)
    try:
        performance.payment_record(actor=request.user, agreement=agreement, **form.cleaned_data)
    except ServiceError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
        return _page(request, agreement, form=form, status=exc.status)
    messages.success(request, _("付款已登记，等待受偿方确认。"))
    return redirect("agreements:payments", agreement.pk)


@require_POST
@login_required
def payment_confirm(request, agreement_id, payment_id):
    agreement = selectors.access_agreement(request.user, agreement_id)
    payment = performance.access_payment(agreement, payment_id)
    try:
        performance.payment_confirm(actor=request.user, payment=payment)
    except ServiceError as exc:
        messages.error(request, str(exc.message))
        return _page(request, agreement, status=exc.status)
    messages.success(request, _("您已确认收到该笔付款。"))
    return redirect("agreements:payments", agreement.pk)


@require_POST
@login_required
def payment_dispute(request, agreement_id, payment_id):
    agreement = selectors.access_agreement(request.user, agreement_id)
    payment = performance.access_payment(agreement, payment_id)
    try:
        performance.payment_dispute(
            actor=request.user, payment=payment, reason=request.POST.get("reason", "")
        )
    except ServiceError as exc:
        messages.error(request, str(exc.message))
        return _page(request, agreement, status=exc.status)
    messages.success(request, _("异议已记录，调解员将跟进核实。"))
    return redirect("agreements:payments", agreement.pk)


@require_GET
@login_required
def payment_receipt(request, agreement_id, payment_id):
    agreement = selectors.access_agreement(request.user, agreement_id)
    payment = performance.access_payment(agreement, payment_id)
    if not payment.receipt_sha256:
        raise Http404
    performance.payment_receipt_read_recorded(actor=request.user, payment=payment)
    return FileResponse(
        blob_path(payment.receipt_sha256).open("rb"),
        as_attachment=False,
        filename=payment.receipt_name,
        content_type=payment.receipt_content_type,
    )
