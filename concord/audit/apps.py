from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "concord.audit"
    label = "audit"
    verbose_name = "Audit"
