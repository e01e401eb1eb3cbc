"""The acts' public tree: /actes/ (every organisation), /actes/<organisation>/ (one), and its council sessions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page

from extranet.public.listing import paginate, query_string_without_page
from extranet.public.pages import ROUTE_SLUGS, CacheableForAnonymousMixin, OrganisationSectionPage, PublicIndexPage

from .forms import SectionChildPageForm
from .routing import file_route_url


def _listing_context(request, *, acts, organisations=None) -> dict:
    """Filters, the requested page of results and the filters to keep in the pagination links."""
    from .filters import ActFilterSet
    from .selectors import act_year_list

    filterset = ActFilterSet(request.GET, acts, years=act_year_list(acts=acts), organisations=organisations)
    return {
        "filter_form": filterset.form,
        "page_obj": paginate(request, filterset.qs),
        "filters": query_string_without_page(request),
        "is_filtered": any(request.GET.get(name) for name in filterset.filters),
    }


class ActIndexPage(PublicIndexPage):
    """/actes/: the acts of every organisation."""

    subpage_types = ["acts.ActSectionPage"]
    is_creatable = False
    # Official acts are public by law (CGCT, article R. 2131-1): no privacy setting may take them offline.
    private_page_options = []

    class Meta:
        verbose_name = _("index of official acts")

    def public_acts(self):
        from .selectors import act_list_public

        return act_list_public()

    def get_context(self, request, *args, **kwargs):
        from .selectors import act_organisation_choices

        context = super().get_context(request, *args, **kwargs)
        context.update(_listing_context(request, acts=self.public_acts(), organisations=act_organisation_choices()))
        context["feed_url"] = self.get_url(request) + self.reverse_subpage("feed")
        return context

    @path("flux/", name="feed")
    def feed(self, request):
        from .feeds import ActFeed

        return ActFeed()(request, page=self, acts=self.public_acts())


class ActSectionPage(OrganisationSectionPage):
    """/actes/<organisation>/: one organisation's acts and council sessions, with its feed and open-data export."""

    parent_page_types = ["acts.ActIndexPage"]
    subpage_types = ["acts.ActPage", "acts.SessionPage"]
    is_creatable = False
    private_page_options = []  # see ActIndexPage

    class Meta:
        verbose_name = _("official acts of an organisation")

    def public_acts(self):
        from .selectors import act_list_public

        return act_list_public(section=self)

    def get_context(self, request, *args, **kwargs):
        from .selectors import session_list_public

        context = super().get_context(request, *args, **kwargs)
        context.update(_listing_context(request, acts=self.public_acts()))
        context["organisation"] = self.organisation
        context["sessions"] = session_list_public(section=self)
        context["feed_url"] = self.get_url(request) + self.reverse_subpage("feed")
        context["export_urls"] = {
            export_format: file_route_url(self, "export", request=request, export_format=export_format)
            for export_format in ("csv", "json")
        }
        return context

    @path("flux/", name="feed")
    def feed(self, request):
        from .feeds import ActFeed

        return ActFeed()(request, page=self, acts=self.public_acts())

    @re_path(r"^export\.(?P<export_format>csv|json)/$", name="export")
    def export(self, request, export_format):
        from .exports import act_export_response

        return act_export_response(section=self, acts=self.public_acts(), request=request, export_format=export_format)


class SessionPage(CacheableForAnonymousMixin, Page):
    """A council session of one organisation: the list of the deliberations it adopted, published as one page."""

    private_page_options = []  # see ActIndexPage

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="act_sessions", editable=False
    )
    date = models.DateField(_("date of the session"))
    body = models.CharField(
        _("deliberative body"), max_length=120, help_text=_("Such as: Conseil municipal, Commission permanente.")
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("body"), FieldPanel("date")]),
        FieldPanel("intro"),
    ]
    base_form_class = SectionChildPageForm
    parent_page_types = ["acts.ActSectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("council session")
        verbose_name_plural = _("council sessions")

    def clean(self):
        super().clean()
        if self.organisation_id is None:
            raise ValidationError(_("A session is created in the section of its organisation."), code="no_organisation")
        if self.slug in ROUTE_SLUGS:
            raise ValidationError({"slug": _("This address is reserved; choose another one.")})

    def get_context(self, request, *args, **kwargs):
        from .selectors import act_list_for_session

        context = super().get_context(request, *args, **kwargs)
        context["acts"] = act_list_for_session(session=self)
        return context
