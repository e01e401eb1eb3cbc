from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdsConfig(AppConfig):
    name = "extranet.ads"
    label = "ads"
    verbose_name = _("Small ads")
    default_auto_field = "django.db.models.BigAutoField"
