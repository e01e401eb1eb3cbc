"""Wagtail pages of the aid directory: /aides/ lists every provider's aids, /aides/<organisation>/ one provider's.

Aids are child pages of their provider's section, so the provider's editors manage them with Wagtail's own
page permissions, and nobody else's.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from extranet.organisations.wording import organisation_phrase
from extranet.public.listing import ListingFeedMixin, paginate, query_string_without_page
from extranet.public.pages import ROUTE_SLUGS, CacheableForAnonymousMixin, OrganisationSectionPage, PublicIndexPage

from .choices import Recurrence
from .forms import AidPageForm

RICH_TEXT = ["h3", "bold", "italic", "link", "ol", "ul", "document-link"]
RATE_MESSAGE = _("A rate is a percentage between 0 and 100.")
# Sub-routes of the listings: an aid with one of these slugs would be hidden behind the route.


class AidListingMixin(ListingFeedMixin):
    """What the index and the sections share: the faceted, paginated listing and its Atom feed (cacheable too)."""

    feed_class = "extranet.aids.feeds.AidFeed"

    lists_providers = False

    def listed_aids(self):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        from .filters import AidFilters
        from .selectors import aid_listing

        context = super().get_context(request, *args, **kwargs)
        filters = AidFilters.from_query(request.GET)
        listing = aid_listing(aids=self.listed_aids(), filters=filters, with_providers=self.lists_providers)
        context.update(
            aid_filters=filters,
            listing=listing,
            page_obj=paginate(request, listing.results),
            filters=query_string_without_page(request),
        )
        return context


class AidIndexPage(AidListingMixin, PublicIndexPage):
    """/aides/: every provider's aids, with facets, exports and a feed."""

    lists_providers = True
    subpage_types = ["aids.AidSectionPage"]

    class Meta:
        verbose_name = _("aid directory")

    @property
    def feed_title(self):
        return self.title

    def listed_aids(self):
        from .selectors import aid_list_public

        return aid_list_public()

    @re_path(r"^export\.(?P<export_format>csv|json)/$", name="export")
    def export(self, request, export_format):
        from .exports import aid_export_response
        from .filters import AidFilters
        from .selectors import aid_listing

        listing = aid_listing(aids=self.listed_aids(), filters=AidFilters.from_query(request.GET), with_facets=False)
        return aid_export_response(aids=listing.results, request=request, export_format=export_format)


class AidSectionPage(AidListingMixin, OrganisationSectionPage):
    """One provider's aids; created by the organisation's provisioning, never by hand."""

    parent_page_types = ["aids.AidIndexPage"]
    subpage_types = ["aids.AidPage"]
    is_creatable = False

    class Meta:
        verbose_name = _("provider's aids")
        verbose_name_plural = _("providers' aids")

    @property
    def feed_title(self):
        return _("Aids %(of_name)s") % {"of_name": organisation_phrase(self.organisation, "de")}

    def listed_aids(self):
        from .selectors import aid_list_public

        return aid_list_public(section=self)


class AidPage(CacheableForAnonymousMixin, Page):
    """An aid offered to local authorities, described with the fields of the Aides-territoires schema."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        related_name="aids",
        editable=False,
    )
    description = RichTextField(_("description"), features=RICH_TEXT)
    targeted_audiences = ParentalManyToManyField("aids.Audience", verbose_name=_("beneficiaries"), related_name="+")
    aid_types = ParentalManyToManyField("aids.AidType", verbose_name=_("aid types"), related_name="+")
    themes = ParentalManyToManyField("aids.Theme", verbose_name=_("themes"), related_name="+")
    subvention_rate_lower_bound = models.PositiveSmallIntegerField(
        _("minimum subsidy rate (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=RATE_MESSAGE), MaxValueValidator(100, message=RATE_MESSAGE)],
    )
    subvention_rate_upper_bound = models.PositiveSmallIntegerField(
        _("maximum subsidy rate (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=RATE_MESSAGE), MaxValueValidator(100, message=RATE_MESSAGE)],
    )
    recurrence = models.CharField(
        _("recurrence"),
        max_length=20,
        choices=Recurrence.choices,
        default=Recurrence.ONE_OFF,
        help_text=_("A permanent aid can be applied for at any time and has no closing date."),
    )
    start_date = models.DateField(_("opening date"), null=True, blank=True)
    submission_deadline = models.DateField(
        _("closing date"), null=True, blank=True, help_text=_("After this day the aid is shown as closed.")
    )
    eligibility = RichTextField(_("eligibility conditions"), blank=True, features=RICH_TEXT)
    perimeter = models.CharField(
        _("territory"), max_length=255, blank=True, help_text=_("For example: the whole Loiret, rural communes.")
    )
    application_instructions = RichTextField(_("how to apply"), blank=True, features=RICH_TEXT)
    application_url = models.URLField(_("application address"), blank=True, max_length=500)
    contact = RichTextField(_("contact"), blank=True, features=["bold", "link"])

    # What both searches read: Wagtail's admin search and the unified search (extranet.search).
    search_fields = [
        *Page.search_fields,
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.SearchField("description"),
        index.RelatedFields("themes", [index.SearchField("get_code_display")]),
        index.RelatedFields("targeted_audiences", [index.SearchField("get_code_display")]),
        index.RelatedFields("aid_types", [index.SearchField("get_code_display")]),
        index.SearchField("eligibility"),
        index.SearchField("perimeter"),
    ]
    base_form_class = AidPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        MultipleChooserPanel(
            "co_financers", chooser_field_name="organisation", heading=_("Co-financers"), label=_("co-financer")
        ),
        MultiFieldPanel(
            [
                FieldPanel("targeted_audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("aid_types", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
        FieldRowPanel([FieldPanel("subvention_rate_lower_bound"), FieldPanel("subvention_rate_upper_bound")]),
        MultiFieldPanel(
            [
                FieldPanel("recurrence"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("submission_deadline")]),
            ],
            heading=_("Calendar"),
        ),
        FieldPanel("eligibility"),
        MultiFieldPanel(
            [
                FieldPanel("perimeter"),
                MultipleChooserPanel(
                    "perimeter_organisations",
                    chooser_field_name="organisation",
                    heading=_("Organisations covered"),
                    label=_("organisation covered"),
                ),
            ],
            heading=_("Territory"),
        ),
        MultiFieldPanel(
            [FieldPanel("application_instructions"), FieldPanel("application_url"), FieldPanel("contact")],
            heading=_("How to apply"),
        ),
    ]
    parent_page_types = ["aids.AidSectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("aid")
        verbose_name_plural = _("aids")
        constraints = [
            models.CheckConstraint(
                condition=(Q(subvention_rate_lower_bound=None) | Q(subvention_rate_lower_bound__lte=100))
                & (Q(subvention_rate_upper_bound=None) | Q(subvention_rate_upper_bound__lte=100)),
                name="aids_rates_are_percentages",
            ),
            models.CheckConstraint(
                condition=Q(subvention_rate_lower_bound=None)
                | Q(subvention_rate_upper_bound=None)
                | Q(subvention_rate_lower_bound__lte=F("subvention_rate_upper_bound")),
                name="aids_rate_bounds_in_order",
            ),
            models.CheckConstraint(
                condition=Q(start_date=None)
                | Q(submission_deadline=None)
                | Q(submission_deadline__gte=F("start_date")),
                name="aids_closing_after_opening",
            ),
            models.CheckConstraint(
                condition=~Q(recurrence=Recurrence.ONGOING) | Q(submission_deadline=None),
                name="aids_permanent_without_closing_date",
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        lower, upper = self.subvention_rate_lower_bound, self.subvention_rate_upper_bound
        if lower is not None and upper is not None and lower > upper:
            errors["subvention_rate_upper_bound"] = _(
                "The maximum rate must be greater than or equal to the minimum rate."
            )
        if self.start_date and self.submission_deadline and self.submission_deadline < self.start_date:
            errors["submission_deadline"] = _("The closing date cannot be before the opening date.")
        if self.recurrence == Recurrence.ONGOING and self.submission_deadline:
            errors["submission_deadline"] = _("A permanent aid has no closing date: leave it empty.")
        if self.slug in ROUTE_SLUGS:
            errors["slug"] = _("This address is reserved: choose another slug.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            section=self.get_parent().specific,
            co_financers=[link.organisation for link in self.co_financers.select_related("organisation")],
            perimeter_organisations=[
                link.organisation for link in self.perimeter_organisations.select_related("organisation")
            ],
            show_application=not self.is_closed and bool(self.application_instructions or self.application_url),
        )
        return context

    @property
    def is_closed(self) -> bool:
        return self.submission_deadline is not None and self.submission_deadline < timezone.localdate()

    @property
    def financers(self):
        """The provider, then the co-financers (prefetch `co_financers__organisation` for lists)."""
        return [self.organisation, *(link.organisation for link in self.co_financers.all())]


class AidCoFinancer(Orderable):
    """An organisation that pays part of the aid beside its provider."""

    aid = ParentalKey(AidPage, on_delete=models.CASCADE, related_name="co_financers")
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("co-financer")
        verbose_name_plural = _("co-financers")
        constraints = [models.UniqueConstraint(fields=["aid", "organisation"], name="aids_cofinancer_unique")]


class AidPerimeterOrganisation(Orderable):
    """An organisation whose territory the aid covers."""

    aid = ParentalKey(AidPage, on_delete=models.CASCADE, related_name="perimeter_organisations")
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("organisation covered")
        verbose_name_plural = _("organisations covered")
        constraints = [models.UniqueConstraint(fields=["aid", "organisation"], name="aids_perimeter_unique")]
