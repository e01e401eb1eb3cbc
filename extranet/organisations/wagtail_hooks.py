from django.http import Http404
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.models import PageViewRestriction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation
from .selectors import pages_outside_foreign_spaces
from .services import organisation_provision


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "kind", "insee_code", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "insee_code", "siren", "siret"]
    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("article"),
        FieldPanel("slug"),
        FieldPanel("siren"),
        FieldPanel("siret"),
        FieldPanel("insee_code"),
        FieldPanel("parent"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("require_two_factor"),
    ]


register_snippet(OrganisationViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def provision_organisation(request, instance):
    """An organisation created or renamed in the admin gets (or keeps in step) its groups and space page."""
    if isinstance(instance, Organisation):
        organisation_provision(organisation=instance)


@hooks.register("before_serve_page", order=-1)
def hide_group_restricted_pages(page, request, serve_args, serve_kwargs):
    """A logged-in user outside a page's groups gets a 404, not a login form that reveals the page exists."""
    if not request.user.is_authenticated:
        return
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type == PageViewRestriction.GROUPS and not restriction.accept_request(request):
            raise Http404


@hooks.register("construct_page_chooser_queryset")
def hide_foreign_spaces_from_the_chooser(pages, request):
    """The page chooser (its lists and its search) offers no page of another organisation's private space."""
    return pages_outside_foreign_spaces(user=request.user, pages=pages)


@hooks.register("construct_explorer_page_queryset")
def hide_foreign_spaces_from_the_explorer(parent_page, pages, request):
    """The explorer's search lists no page of another organisation's private space either."""
    return pages_outside_foreign_spaces(user=request.user, pages=pages)


@hooks.register("construct_reports_menu")
def hide_the_page_types_report(request, menu_items):
    """The page types report is for platform staff (`admin_views.page_types_report`): others are not offered it."""
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]
