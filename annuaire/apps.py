from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnuaireConfig(AppConfig):
    name = "annuaire"
    label = "annuaire"
    verbose_name = _("Directory")
    default_auto_field = "django.db.models.BigAutoField"
