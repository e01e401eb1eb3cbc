from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BroadcastConfig(AppConfig):
    name = "extranet.broadcast"
    label = "broadcast"
    verbose_name = _("Diffusion lists")
    default_auto_field = "django.db.models.BigAutoField"
