"""An agreement reached in mediation, its items of compensation, its payment schedule and the
signatures that make it effective (PML Art. 29 para 2; SPP-2019 Art. 498; SPC-2021 Art. 592)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.cases.models import Case, Party
from concord.referrals.models import Referral

from .choices import (
    AgreementContext,
    AgreementState,
    ItemCode,
    PaymentMode,
    SignerRole,
    SignMethod,
)


class Agreement(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="agreements")
    referral = models.ForeignKey(
        Referral, null=True, blank=True, on_delete=models.PROTECT, related_name="agreements"
    )
    context = models.CharField(_("协议性质"), max_length=24, choices=AgreementContext.choices)
    state = models.CharField(
        _("状态"), max_length=16, choices=AgreementState.choices, default=AgreementState.DRAFT
    )
    agreement_date = models.DateField(_("协议日期"))
    # SPP-2019 Art. 498 (2); PML Art. 29 (2).
    facts = models.TextField(_("主要事实"), blank=True)
    # SPP-2019 Art. 498 (3); SPC-2021 Art. 592 (1)–(2).
    admission = models.TextField(_("认罪悔罪"), blank=True)
    apology = models.TextField(_("赔礼道歉"), blank=True)
    # SPP-2019 Art. 498 (4); SPC-2021 Art. 592 (3).
    understanding = models.TextField(_("被害人谅解"), blank=True)
    leniency_requested = models.BooleanField(_("请求或同意从宽处理"), default=False)
    # SPC-2021 Art. 592 para 3: the compensation terms are kept confidential if the parties ask.
    confidentiality = models.TextField(_("保密条款"), blank=True)
    other_terms = models.TextField(_("其他约定"), blank=True)
    # SPP-2019 Art. 498 (3): amount, method and deadline of performance; Art. 499: instalments.
    payment_mode = models.CharField(
        _("履行方式"), max_length=16, choices=PaymentMode.choices, default=PaymentMode.ONCE
    )
    payment_method = models.CharField(_("支付方式"), max_length=200, blank=True)
    pay_by = models.DateField(_("履行期限"), null=True, blank=True)
    guarantee = models.TextField(_("分期履行担保"), blank=True)
    victim_consents_to_instalments = models.BooleanField(_("被害人同意分期履行"), default=False)
    # The PDF the parties read and sign (Chinese, authoritative; English, for reference), and
    # the final PDF sealed by the centre. Each is stored content-addressed (core/storage.py).
    signing_pdf_sha256 = models.CharField(max_length=64, blank=True)
    signing_pdf_en_sha256 = models.CharField(max_length=64, blank=True)
    signed_pdf_sha256 = models.CharField(max_length=64, blank=True)
    ready_at = models.DateTimeField(null=True, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    sealed_at = models.DateTimeField(null=True, blank=True)
    void_reason = models.TextField(_("作废原因"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic concurrency: an edit based on an older version is refused.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("调解协议")
        verbose_name_plural = _("调解协议")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["case", "state"])]

    def __str__(self) -> str:
        return f"{self.case.number} #{self.pk}"

    @property
    def is_criminal(self) -> bool:
        return self.context == AgreementContext.CRIMINAL_INCIDENTAL

    @property
    def total(self) -> Decimal:
        return sum((item.amount for item in self.items.all()), Decimal("0.00"))

    @property
    def editable(self) -> bool:
        return self.state in (AgreementState.DRAFT, AgreementState.READY)


class AgreementItem(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="items")
    code = models.CharField(_("项目"), max_length=24, choices=ItemCode.choices)
    label = models.CharField(_("名称"), max_length=100, blank=True)
    amount = models.DecimalField(_("金额"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.code} {self.amount}"

    @property
    def name(self) -> str:
        return self.label or str(self.get_code_display())


class Instalment(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="instalments")
    due_on = models.DateField(_("应付日期"))
    amount = models.DecimalField(_("金额"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"{self.due_on} {self.amount}"


class Signature(models.Model):
    """One signature: a party's or the mediator's after identity verification, or the centre's
    PAdES seal. ``pdf_sha256`` is the digest of the exact PDF bytes signed."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="signatures")
    role = models.CharField(max_length=16, choices=SignerRole.choices)
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.PROTECT, related_name="signatures"
    )
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreement_signatures",
    )
    signed_at = models.DateTimeField()
    method = models.CharField(max_length=16, choices=SignMethod.choices)
    # What was checked, never the secrets themselves: {"password": true, "id_last4": true}.
    evidence = models.JSONField(default=dict, blank=True)
    pdf_sha256 = models.CharField(max_length=64)
    ip_masked = models.CharField(max_length=64, blank=True)
    user_agent = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["signed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "party"],
                condition=models.Q(party__isnull=False),
                name="one_signature_per_party",
            ),
            models.UniqueConstraint(
                fields=["agreement", "role"],
                condition=~models.Q(role="party"),
                name="one_mediator_and_seal_signature",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement_id} {self.role} {self.signed_at:%Y-%m-%d}"


# --- performance: payments against the schedule (SPP-2019 Arts. 499, 503; PML Art. 31) ------


class PaymentMethod(models.TextChoices):
    BANK_TRANSFER = "bank_transfer", _("银行转账")
    MOBILE = "mobile", _("微信/支付宝")
    CASH = "cash", _("现金")
    OTHER = "other", _("其他方式")


class Payment(models.Model):
    """Money the payer side says it paid towards the agreement, and the victim side's answer:
    confirmed as received, or disputed. A disputed payment no longer counts as paid."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="payments")
    amount = models.DecimalField(_("金额"), max_digits=12, decimal_places=2)
    paid_on = models.DateField(_("支付日期"))
    method = models.CharField(_("支付方式"), max_length=16, choices=PaymentMethod.choices)
    reference = models.CharField(_("交易流水号"), max_length=100, blank=True)
    receipt_sha256 = models.CharField(max_length=64, blank=True)
    receipt_name = models.CharField(max_length=150, blank=True)
    receipt_content_type = models.CharField(max_length=40, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    disputed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    disputed_at = models.DateTimeField(null=True, blank=True)
    dispute_reason = models.TextField(_("异议理由"), blank=True)

    class Meta:
        verbose_name = _("履行款项")
        verbose_name_plural = _("履行款项")
        ordering = ["paid_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="payment_amount_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(confirmed_at__isnull=True) | models.Q(disputed_at__isnull=True),
                name="payment_confirmed_or_disputed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement_id} {self.paid_on} {self.amount}"

    @property
    def counts(self) -> bool:
        """A payment counts towards the schedule unless the victim side disputes it."""
        return self.disputed_at is None


class PaymentAllocation(models.Model):
    """The part of a payment that settles one line of the schedule: an instalment, or (when
    ``instalment`` is empty) the single payment of an agreement paid at once."""

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="allocations")
    instalment = models.ForeignKey(
        Instalment, null=True, blank=True, on_delete=models.PROTECT, related_name="allocations"
    )
    amount = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.payment_id} → {self.instalment_id} {self.amount}"


class PaymentNotice(models.Model):
    """A reminder before a line falls due, or the notice the day after it is overdue: sent once
    per line and kind (the row is created under a lock on the agreement)."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("到期提醒")
        OVERDUE = "overdue", _("逾期通知")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="+")
    instalment = models.ForeignKey(
        Instalment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    due_on = models.DateField()
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["sent_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["instalment", "kind"],
                condition=models.Q(instalment__isnull=False),
                name="one_notice_per_instalment_and_kind",
            ),
            models.UniqueConstraint(
                fields=["agreement", "kind"],
                condition=models.Q(instalment__isnull=True),
                name="one_notice_per_single_payment_and_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement_id} {self.kind} {self.due_on}"
