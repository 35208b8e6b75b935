from django.contrib import admin

from concord.core.admin import AuditedAdmin

from .models import ConflictDeclaration, ReferralPeriod


@admin.register(ReferralPeriod)
class ReferralPeriodAdmin(AuditedAdmin):
    """An agency's own mediation period per stage (the default is a legal parameter)."""

    list_display = ["agency", "stage", "days", "remind_days_before"]
    list_filter = ["stage"]


@admin.register(ConflictDeclaration)
class ConflictDeclarationAdmin(AuditedAdmin):
    list_display = ["user", "relation", "declared_at"]
    readonly_fields = ["person_key"]
