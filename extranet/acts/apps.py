from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActsConfig(AppConfig):
    name = "extranet.acts"
    label = "acts"
    verbose_name = _("Official acts")
    default_auto_field = "django.db.models.BigAutoField"
