from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from concord.core.admin import AuditedAdmin

from .models import Agency, MediatorProfile, Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "full_name", "is_active"]
    fieldsets = (*BaseUserAdmin.fieldsets, ("Concord", {"fields": ("full_name", "language")}))


@admin.register(Agency)
class AgencyAdmin(AuditedAdmin):
    list_display = ["name", "kind", "specialty", "code", "region_code"]
    list_filter = ["kind"]


admin.site.register(MediatorProfile, AuditedAdmin)
