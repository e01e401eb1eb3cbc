from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "extranet.jobs"
    label = "jobs"
    verbose_name = _("Job board")
    default_auto_field = "django.db.models.BigAutoField"
