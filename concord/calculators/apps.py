from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalculatorsConfig(AppConfig):
    name = "concord.calculators"
    label = "calculators"
    verbose_name = _("法律测算")
