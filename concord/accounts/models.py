"""Users, agencies and memberships."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .roles import AgencyKind, CommitteeSpecialty, Role


class Agency(models.Model):
    kind = models.CharField(_("类别"), max_length=32, choices=AgencyKind.choices)
    name = models.CharField(_("名称"), max_length=200)
    name_en = models.CharField(_("英文名称"), max_length=200, blank=True)
    code = models.SlugField(_("代码"), max_length=32, unique=True)
    # ISO 3166-2 code of the province-level region (e.g. CN-SH): selects regional parameters.
    region_code = models.CharField(_("地区代码"), max_length=8, default="CN-SH")
    district = models.CharField(_("区县"), max_length=100, blank=True)
    specialty = models.CharField(
        _("专业领域"), max_length=32, choices=CommitteeSpecialty.choices, blank=True
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("上级机构"),
    )

    class Meta:
        verbose_name = _("机构")
        verbose_name_plural = _("机构")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        # Shown in the reader's language: agencies have an official English name too.
        return self.display_name(get_language() or "")

    def display_name(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name


class User(AbstractUser):
    full_name = models.CharField(_("姓名"), max_length=100, blank=True)
    language = models.CharField(_("界面语言"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def __str__(self) -> str:
        return self.full_name or self.username

    def role_codes(self) -> frozenset[str]:
        cached = getattr(self, "_role_codes", None)
        if cached is None:
            cached = frozenset(self.memberships.values_list("role", flat=True))
            self._role_codes = cached
        return cached

    def agency_ids(self) -> frozenset[int]:
        cached = getattr(self, "_agency_ids", None)
        if cached is None:
            cached = frozenset(self.memberships.values_list("agency_id", flat=True))
            self._agency_ids = cached
        return cached

    @property
    def is_staff_member(self) -> bool:
        return bool(self.role_codes())


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("角色"), max_length=32, choices=Role.choices)

    class Meta:
        verbose_name = _("任职")
        verbose_name_plural = _("任职")
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.agency}"


class MediatorProfile(models.Model):
    """What triage needs to know about a people's mediator."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="mediator_profile")
    specialties = models.JSONField(_("擅长领域"), default=list, blank=True)
    languages = models.JSONField(_("语言"), default=list, blank=True)
    area = models.CharField(_("服务区域"), max_length=100, blank=True)
    years_experience = models.PositiveSmallIntegerField(_("调解年限"), default=0)
    available = models.BooleanField(_("可接案"), default=True)

    class Meta:
        verbose_name = _("调解员档案")
        verbose_name_plural = _("调解员档案")

    def __str__(self) -> str:
        return str(self.user)


class ApiToken(models.Model):
    """A bearer token for the API. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.user} · {self.name}"

    @staticmethod
    def digest_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @staticmethod
    def new_token() -> str:
        return "cc_" + secrets.token_urlsafe(32)
