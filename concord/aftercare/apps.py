from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AftercareConfig(AppConfig):
    name = "concord.aftercare"
    label = "aftercare"
    verbose_name = _("回访帮扶")
