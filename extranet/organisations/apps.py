from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "extranet.organisations"
    label = "organisations"
    verbose_name = _("Organisations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import AbstractPage
        from wagtail.permissions import register_permission_policy

        from .page_permissions import OrganisationPagePermissionPolicy

        register_permission_policy(AbstractPage, OrganisationPagePermissionPolicy("wagtailcore.Page"))
