from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TrustedOrganisation
from .services import ads_trust_permissions_grant


class _ManagersOnly:
    """Wagtail's choosers answer every admin user: this one, only those who manage the trusted organisations."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("ads.change_trustedorganisation"):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class TrustedOrganisationChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = type("ChooseView", (_ManagersOnly, chooser.ChooseView), {})
    choose_results_view_class = type("ChooseResultsView", (_ManagersOnly, chooser.ChooseResultsView), {})
    chosen_view_class = type("ChosenView", (_ManagersOnly, chooser.SnippetChosenView), {})
    chosen_multiple_view_class = type("ChosenMultipleView", (_ManagersOnly, chooser.SnippetChosenMultipleView), {})
    create_view_class = type("CreateView", (_ManagersOnly, chooser.SnippetCreateView), {})


class TrustedOrganisationViewSet(SnippetViewSet):
    """Organisations whose small ads skip moderation; only the départements' administrators manage them."""

    model = TrustedOrganisation
    chooser_viewset_class = TrustedOrganisationChooserViewSet
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
