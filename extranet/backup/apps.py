from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupConfig(AppConfig):
    name = "extranet.backup"
    label = "backup"
    verbose_name = _("Backup and restore")
    default_auto_field = "django.db.models.BigAutoField"
