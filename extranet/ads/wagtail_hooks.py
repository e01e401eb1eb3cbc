from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TrustedOrganisation
from .services import ads_trust_permissions_grant


class TrustedOrganisationViewSet(SnippetViewSet):
    """Organisations whose small ads skip moderation; only the départements' administrators manage them."""

    model = TrustedOrganisation
    icon = "success"
    menu_label = _("Trusted for small ads")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["organisation", "note", "created_at"]
    search_fields = ["organisation__name"]
    panels = [FieldPanel("organisation"), FieldPanel("note")]


register_snippet(TrustedOrganisationViewSet)


@hooks.register("provision_organisation")
def provision_ads_trust_permissions(*, organisation):
    ads_trust_permissions_grant(organisation=organisation)
