from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SandboxConfig(AppConfig):
    name = "extranet.sandbox"
    label = "sandbox"
    verbose_name = _("Training sandboxes")
    default_auto_field = "django.db.models.BigAutoField"
