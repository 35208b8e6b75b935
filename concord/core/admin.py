"""Admin writes go through the audit chain like every other write."""

from __future__ import annotations

from django.contrib import admin
from django.db import transaction

from concord.audit.services import audit_record, snapshot


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        before = snapshot(type(obj).objects.filter(pk=obj.pk).first()) if change else None
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            action = f"admin.{obj._meta.model_name}.{'change' if change else 'add'}"
            audit_record(
                actor=request.user, action=action, target=obj, before=before, after=snapshot(obj)
            )

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit_record(
                actor=request.user,
                action=f"admin.{obj._meta.model_name}.delete",
                target=obj,
                before=snapshot(obj),
            )
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
