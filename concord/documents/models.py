"""Official documents of a case, their versions and files, and their electronic service.

A ``Document`` is one letter or form of a case (e.g. the notification to the victim for
referral 12). Each issue or re-issue adds a ``DocumentVersion``; versions are never changed
after rendering and their files stay in content-addressed storage, so what was served can
always be shown again. A ``ServiceReceipt`` records that a version was delivered to one
recipient (a user, every member of an agency, or a party) and when it was acknowledged.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Agency
from concord.cases.models import Case, Party

from .kinds import DocumentKind

ONE_RECIPIENT = (
    Q(user__isnull=False, agency__isnull=True, party__isnull=True)
    | Q(user__isnull=True, agency__isnull=False, party__isnull=True)
    | Q(user__isnull=True, agency__isnull=True, party__isnull=False)
)


def _one_per(model: str, field: str, owner: str) -> models.UniqueConstraint:
    return models.UniqueConstraint(
        fields=[owner, field],
        condition=Q(**{f"{field}__isnull": False}),
        name=f"{model}_one_per_{field}",
    )


class Document(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="issued_documents")
    kind = models.CharField(_("文书类型"), max_length=32, choices=DocumentKind.choices)
    # Tells apart documents of one kind in one case, e.g. "referral:12:party:5" for the
    # notification to party 5 of referral 12; issuing again with the same key re-issues.
    subject_key = models.CharField(max_length=100, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("文书")
        verbose_name_plural = _("文书")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind", "subject_key"], name="document_unique_subject"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.subject_key}".strip()


class DocumentRecipient(models.Model):
    """Whom every version of a document is served to."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="recipients")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=ONE_RECIPIENT, name="document_recipient_one"),
            _one_per("document_recipient", "user", "document"),
            _one_per("document_recipient", "agency", "document"),
            _one_per("document_recipient", "party", "document"),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} → {self.user_id or self.agency_id or self.party_id}"


class DocumentVersion(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("生成中")
        RENDERED = "rendered", _("已生成")

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("版本"))
    # Exactly what the files were rendered from (kinds.py): re-rendering gives the same bytes.
    context = models.JSONField()
    languages = models.JSONField(default=list)
    state = models.CharField(max_length=16, choices=State.choices, default=State.PENDING)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("签发时间"), auto_now_add=True)
    rendered_at = models.DateTimeField(_("生成时间"), null=True, blank=True)
    render_ms = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("文书版本")
        verbose_name_plural = _("文书版本")
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="document_version_unique")
        ]
        indexes = [models.Index(fields=["state"])]

    def __str__(self) -> str:
        return f"{self.document_id} v{self.number}"

    @property
    def is_rendered(self) -> bool:
        return self.state == self.State.RENDERED

    @property
    def acknowledged_count(self) -> int:
        """Receipts signed for; counts the loaded receipts, so a prefetch costs no query."""
        return sum(1 for receipt in self.receipts.all() if receipt.acknowledged_at is not None)


class RenderedFile(models.Model):
    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"

    CONTENT_TYPES = {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }

    version = models.ForeignKey(DocumentVersion, on_delete=models.PROTECT, related_name="files")
    language = models.CharField(max_length=10)
    format = models.CharField(max_length=8, choices=Format.choices)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()

    class Meta:
        # Chinese before English, PDF before DOCX: the order the links are offered in.
        ordering = ["version", "-language", "-format"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "language", "format"], name="rendered_file_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.version} {self.language} {self.format}"

    def get_absolute_url(self) -> str:
        url = reverse(f"documents:{self.format}", kwargs={"version_id": self.version_id})
        return f"{url}?lang={self.language}"

    @property
    def content_type(self) -> str:
        return self.CONTENT_TYPES[self.format]

    @property
    def language_label(self) -> str:
        # Each language named in itself, as on the language switch.
        return "English" if self.language == "en" else "中文"


class ServiceReceipt(models.Model):
    """Delivery of one version to one recipient: delivered when stored, then acknowledged."""

    version = models.ForeignKey(DocumentVersion, on_delete=models.PROTECT, related_name="receipts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    delivered_at = models.DateTimeField(_("送达时间"))
    acknowledged_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Set once the notifications for this receipt went out, so a retried task sends no more.
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("送达回证")
        verbose_name_plural = _("送达回证")
        ordering = ["-delivered_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=ONE_RECIPIENT, name="service_receipt_one_recipient"),
            _one_per("service_receipt", "user", "version"),
            _one_per("service_receipt", "agency", "version"),
            _one_per("service_receipt", "party", "version"),
        ]
        indexes = [
            models.Index(fields=["user", "-delivered_at"]),
            models.Index(fields=["agency", "-delivered_at"]),
            models.Index(fields=["party", "-delivered_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.version} → {self.user_id or self.agency_id or self.party_id}"

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_at is not None


class OutboxMessage(models.Model):
    """A notification as the local outbox keeps it: the address masked, never in full."""

    class Channel(models.TextChoices):
        SMS = "sms", _("短信")
        EMAIL = "email", _("电子邮件")

    channel = models.CharField(_("渠道"), max_length=8, choices=Channel.choices)
    recipient = models.CharField(_("收件人"), max_length=200)
    address_masked = models.CharField(_("地址"), max_length=200)
    subject = models.CharField(_("主题"), max_length=200)
    body = models.TextField(_("内容"))
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    # One message per receipt, channel and address: a retried task finds it and adds none.
    dedupe_key = models.CharField(max_length=120, unique=True)
    receipt = models.ForeignKey(
        ServiceReceipt, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("发件箱消息")
        verbose_name_plural = _("发件箱消息")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.channel} {self.address_masked}"
