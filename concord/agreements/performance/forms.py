"""Input of the performance page: a payment, and the reason for a dispute."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import PaymentMethod


class PaymentForm(forms.Form):
    amount = forms.DecimalField(
        label=_("金额（元）"), max_digits=12, decimal_places=2, min_value=Decimal("0.01")
    )
    paid_on = forms.DateField(
        label=_("支付日期"),
        widget=forms.DateInput(attrs={"type": "date"}),
        initial=timezone.localdate,
    )
    method = forms.ChoiceField(label=_("支付方式"), choices=PaymentMethod.choices)
    reference = forms.CharField(label=_("交易流水号"), max_length=100, required=False)
    receipt = forms.FileField(
        label=_("付款凭证（PDF、PNG 或 JPEG）"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/png,image/jpeg"}),
    )


class DisputeForm(forms.Form):
    reason = forms.CharField(label=_("异议理由"), widget=forms.Textarea(attrs={"rows": 2}))
