"""A case: minor criminal case, criminal case with civil public-interest litigation, or civil
dispute — with its parties, offences, injuries, timeline, documents and who may see it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Agency
from concord.core.fields import EncryptedTextField
from concord.core.masking import mask_address, mask_id_number, mask_phone

from .choices import (
    AccessBasis,
    CaseKind,
    CaseState,
    DisputeType,
    EventKind,
    InjuryGrade,
    PartyRole,
    Stage,
)
from .offences import offence_name


class Case(models.Model):
    number = models.CharField(_("案号"), max_length=40, unique=True)
    kind = models.CharField(_("案件类型"), max_length=32, choices=CaseKind.choices)
    title = models.CharField(_("案由"), max_length=200)
    facts = models.TextField(_("简要案情"), blank=True)
    dispute_type = models.CharField(
        _("纠纷类型"), max_length=32, choices=DisputeType.choices, default=DisputeType.INJURY
    )
    stage = models.CharField(_("诉讼阶段"), max_length=16, choices=Stage.choices)
    state = models.CharField(
        _("状态"), max_length=20, choices=CaseState.choices, default=CaseState.REGISTERED
    )
    holding_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="held_cases", verbose_name=_("承办机关")
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("登记人"),
    )
    occurred_on = models.DateField(_("发生日期"), null=True, blank=True)
    place = models.CharField(_("发生地点"), max_length=200, blank=True)
    region_code = models.CharField(_("地区代码"), max_length=8, default="CN-SH")
    civil_dispute_origin = models.BooleanField(_("因民间纠纷引起"), null=True, blank=True)
    public_interest_litigation = models.BooleanField(_("附带民事公益诉讼"), default=False)
    # Facts screening needs that become known during the process (CPL 288 para 1).
    suspect_repents = models.BooleanField(_("犯罪嫌疑人真诚悔罪"), null=True, blank=True)
    victim_willing = models.BooleanField(_("被害人自愿和解"), null=True, blank=True)
    # The stage at which the case was last screened: a case that failed mediation (or was
    # screened out) is screened again only at a later stage ("tiered processing,
    # step-by-step filtering", seeds/000).
    screened_stage = models.CharField(max_length=16, choices=Stage.choices, blank=True)
    registered_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    # Optimistic concurrency: an edit based on an older version is refused.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("案件")
        verbose_name_plural = _("案件")
        ordering = ["-registered_at", "-id"]
        indexes = [
            models.Index(fields=["holding_agency", "-registered_at"]),
            models.Index(fields=["state"]),
            models.Index(fields=["stage"]),
            models.Index(fields=["occurred_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def is_criminal(self) -> bool:
        return self.kind != CaseKind.CIVIL_DISPUTE


class Party(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("诉讼地位"), max_length=32, choices=PartyRole.choices)
    name = models.CharField(_("姓名/名称"), max_length=100)
    is_organisation = models.BooleanField(_("单位"), default=False)
    id_number = EncryptedTextField(_("身份证号码"), blank=True)
    phone = EncryptedTextField(_("联系电话"), blank=True)
    address = EncryptedTextField(_("住址"), blank=True)
    birth_date = models.DateField(_("出生日期"), null=True, blank=True)
    # For relatives, legal representatives and agents: the party they act for.
    represents = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="representatives",
        verbose_name=_("代理/代表对象"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="party_roles",
        verbose_name=_("平台账户"),
    )
    prior_intentional_crime_within_5_years = models.BooleanField(
        _("五年内曾故意犯罪"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("当事人")
        verbose_name_plural = _("当事人")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.name}"

    @property
    def id_number_masked(self) -> str:
        return mask_id_number(self.id_number)

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    @property
    def address_masked(self) -> str:
        return mask_address(self.address)


class CaseOffence(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="offences")
    # Criminal Law article as in the catalogue: "234", "253-1".
    article = models.CharField(_("刑法条文"), max_length=16)
    tier = models.PositiveSmallIntegerField(_("量刑档次"), null=True, blank=True)

    class Meta:
        verbose_name = _("涉嫌罪名")
        verbose_name_plural = _("涉嫌罪名")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"CL {self.article}"

    @property
    def name(self) -> str:
        """The offence's name in the active language, from the law package's catalogue."""
        return offence_name(self.article)


class Injury(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="injuries")
    victim = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.CASCADE, related_name="injuries"
    )
    grade = models.CharField(_("损伤程度"), max_length=16, choices=InjuryGrade.choices)
    disability_grade = models.PositiveSmallIntegerField(_("伤残等级"), null=True, blank=True)
    appraisal_date = models.DateField(_("鉴定日期"), null=True, blank=True)
    provisional = models.BooleanField(_("初步意见"), default=False)
    # Health details are sensitive personal information (PIPL Art. 28): encrypted.
    description = EncryptedTextField(_("伤情描述"), blank=True)

    class Meta:
        verbose_name = _("伤情")
        verbose_name_plural = _("伤情")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.get_grade_display()


class CaseEvent(models.Model):
    """One line of the case's timeline."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("时间"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    from_state = models.CharField(max_length=20, choices=CaseState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=CaseState.choices, blank=True)
    stage = models.CharField(max_length=16, choices=Stage.choices, blank=True)
    # A translatable message id and its parameters, rendered in the reader's language.
    code = models.CharField(max_length=64)
    params = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["case", "at"])]

    def __str__(self) -> str:
        return f"{self.case_id} {self.code}"


class CaseDocument(models.Model):
    """A file attached to a case, stored content-addressed (concord/core/storage.py)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("标题"), max_length=200)
    kind = models.CharField(_("类别"), max_length=32, default="evidence")
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100)
    filename = models.CharField(max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title


class CaseAccess(models.Model):
    """Who besides the holding agency may see a case: the agency or person it went to."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="access_grants")
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.CASCADE, related_name="case_grants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="case_grants",
    )
    basis = models.CharField(max_length=16, choices=AccessBasis.choices)
    granted_at = models.DateTimeField(auto_now_add=True)
    active = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(agency__isnull=False) | models.Q(user__isnull=False),
                name="case_access_has_grantee",
            )
        ]
        indexes = [
            models.Index(fields=["agency", "active"]),
            models.Index(fields=["user", "active"]),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.agency_id or self.user_id} ({self.basis})"


class LawResult(models.Model):
    """A calculator's result for this case, kept with its input and the rules version used.

    The newest result of each kind is the current one; older ones stay as the record of what
    the parties were shown when (a re-run never overwrites).
    """

    class Kind(models.TextChoices):
        ELIGIBILITY = "eligibility", _("调解路径审查")
        COMPENSATION = "compensation", _("赔偿测算")
        SENTENCE = "sentence", _("从宽幅度预估")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="law_results")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    input = models.JSONField()
    input_digest = models.CharField(max_length=64)
    output_zh = models.JSONField()
    output_en = models.JSONField()
    trace_zh = models.TextField()
    trace_en = models.TextField()
    rules_version = models.CharField(max_length=40)
    computed_at = models.DateTimeField(auto_now_add=True)
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-computed_at", "-id"]
        indexes = [models.Index(fields=["case", "kind", "-computed_at"])]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.rules_version}"

    def output(self, language: str) -> dict:
        return self.output_en if language == "en" else self.output_zh

    def trace_text(self, language: str) -> str:
        return self.trace_en if language == "en" else self.trace_zh
