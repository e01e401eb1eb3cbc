from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubsidiesConfig(AppConfig):
    name = "extranet.subsidies"
    label = "subsidies"
    verbose_name = _("Subsidy applications")
    default_auto_field = "django.db.models.BigAutoField"
