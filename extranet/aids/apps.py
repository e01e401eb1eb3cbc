from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AidsConfig(AppConfig):
    name = "extranet.aids"
    label = "aids"
    verbose_name = _("Aid directory")
    default_auto_field = "django.db.models.BigAutoField"
