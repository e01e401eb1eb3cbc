"""Building blocks of the public area: an index per kind of content, a section per organisation.

Each kind of public content (acts, notices, aids, jobs) has one index page under the home page
(`/actes/`) that lists everyone's items, and one section page per organisation under it
(`/actes/jargeau/`) that holds that organisation's items. Sections are created by the organisation's
provisioning (see `organisation_section_page`), which gives the organisation's editors Wagtail
permissions on their section only.
"""

from django.db import models
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page

ANONYMOUS_CACHE_SECONDS = 300


class CacheableForAnonymousMixin:
    """Public pages may be cached by browsers and proxies when the visitor is anonymous.

    List it before RoutablePageMixin: RoutablePageMixin.serve calls a route's view itself, so the headers
    are set on every route (feeds, exports) only when this mixin wraps it.
    """

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=ANONYMOUS_CACHE_SECONDS)
        patch_vary_headers(response, ["Cookie"])
        return response


class FormRefusedFieldsMixin:
    """Remembers the fields the admin form left out of the model's checks, among them those it refused: `clean`
    need not add "enter this number" to "enter a positive number" for a value it only sees as missing."""

    refused_fields: frozenset = frozenset()

    def full_clean(self, *args, exclude=None, **kwargs):
        self.refused_fields = frozenset(exclude or ())
        return super().full_clean(*args, exclude=exclude, **kwargs)


# The addresses that index and section pages serve themselves (their feeds): no page below them may take one.
ROUTE_SLUGS = frozenset({"flux"})


class PublicPage(CacheableForAnonymousMixin, RoutablePageMixin, Page):
    """A public page with optional sub-routes (`@path("flux/")`), cacheable for anonymous visitors on each."""

    class Meta:
        abstract = True


class PublicIndexPage(PublicPage):
    """The root of one kind of public content; created by a data migration, one per site."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["public.HomePage"]
    max_count = 1

    class Meta:
        abstract = True


class OrganisationSectionPage(PublicPage):
    """One organisation's part of a public index; its editors publish the items below it."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+", editable=False
    )

    class Meta:
        abstract = True
