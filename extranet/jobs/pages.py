"""Wagtail pages of the job board: /emplois/ lists every organisation's open offers, /emplois/<organisation>/ one's.

An offer whose application deadline has passed leaves the listings, the feeds and the search index, but its
page stays reachable (marked expired and not indexed by search engines), so links to it do not break.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from extranet.organisations.wording import organisation_phrase
from extranet.public.listing import FilteredListingMixin
from extranet.public.pages import (
    ROUTE_SLUGS,
    CacheableForAnonymousMixin,
    FormRefusedFieldsMixin,
    OrganisationSectionPage,
    PublicIndexPage,
)

from .choices import Category, ContractType, JobFamily, WorkingTime
from .forms import JobOfferPageForm

RICH_TEXT = ["h3", "bold", "italic", "link", "ol", "ul"]
FULL_TIME_HOURS = Decimal(35)
# Sub-routes of the sections: an offer with one of these slugs would be hidden behind the route.


class JobListingMixin(FilteredListingMixin):
    """The job board and its sections list the offers still open, newest first."""

    filterset_class = "extranet.jobs.filters.JobOfferFilter"
    feed_class = "extranet.jobs.feeds.JobOfferFeed"

    def listing_queryset(self, items):
        from .selectors import job_offer_list_open

        return job_offer_list_open(offers=items)


class JobIndexPage(JobListingMixin, PublicIndexPage):
    """/emplois/: every organisation's open offers."""

    filters_organisations = True
    subpage_types = ["jobs.JobSectionPage"]

    class Meta:
        verbose_name = _("job board")

    @property
    def feed_title(self):
        return self.title

    def listed_items(self):
        from .selectors import job_offer_list_public

        return job_offer_list_public()


class JobSectionPage(JobListingMixin, OrganisationSectionPage):
    """One organisation's offers; created by the organisation's provisioning, never by hand."""

    parent_page_types = ["jobs.JobIndexPage"]
    subpage_types = ["jobs.JobOfferPage"]
    is_creatable = False

    class Meta:
        verbose_name = _("organisation's job offers")
        verbose_name_plural = _("organisations' job offers")

    @property
    def feed_title(self):
        return _("Job offers %(of_name)s") % {"of_name": organisation_phrase(self.organisation, "de")}

    def listed_items(self):
        from .selectors import job_offer_list_public

        return job_offer_list_public(section=self)


class JobOfferPage(FormRefusedFieldsMixin, CacheableForAnonymousMixin, Page):
    """A job offer of a local authority."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("employer"),
        on_delete=models.PROTECT,
        related_name="job_offers",
        editable=False,
    )
    category = models.CharField(_("category"), max_length=1, choices=Category.choices)
    grade = models.CharField(
        _("grade"), max_length=200, blank=True, help_text=_("For example: rédacteur territorial, adjoint technique.")
    )
    job_family = models.CharField(_("job family"), max_length=40, choices=JobFamily.choices)
    contract_type = models.CharField(_("contract type"), max_length=20, choices=ContractType.choices)
    working_time = models.CharField(
        _("working time"), max_length=20, choices=WorkingTime.choices, default=WorkingTime.FULL_TIME
    )
    weekly_hours = models.DecimalField(
        _("weekly hours"),
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(1)), MaxValueValidator(FULL_TIME_HOURS)],
        help_text=_("Only for a part-time post, for example 28."),
    )
    location = models.CharField(
        _("place of work"), max_length=200, blank=True, help_text=_("Leave empty to show the organisation's name.")
    )
    description = RichTextField(_("missions"), features=RICH_TEXT)
    profile = RichTextField(_("profile sought"), features=RICH_TEXT)
    application_deadline = models.DateField(
        _("application deadline"), help_text=_("The offer leaves the listings the day after.")
    )
    application_email = models.EmailField(_("e-mail address for applications"), blank=True)
    application_url = models.URLField(_("web address for applications"), blank=True, max_length=500)
    start_date = models.DateField(_("start date"), null=True, blank=True)

    # What both searches read: Wagtail's admin search and the unified search (extranet.search).
    search_fields = [
        *Page.search_fields,
        index.SearchField("grade"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.SearchField("location"),
        index.SearchField("get_category_display"),
        index.SearchField("get_job_family_display"),
        index.SearchField("get_contract_type_display"),
        index.SearchField("description"),
        index.SearchField("profile"),
    ]
    base_form_class = JobOfferPageForm
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("category"), FieldPanel("grade")]),
                FieldPanel("job_family"),
                FieldPanel("contract_type"),
                FieldRowPanel([FieldPanel("working_time"), FieldPanel("weekly_hours")]),
                FieldPanel("location"),
                FieldPanel("start_date"),
            ],
            heading=_("The post"),
        ),
        FieldPanel("description"),
        FieldPanel("profile"),
        MultiFieldPanel(
            [FieldPanel("application_deadline"), FieldPanel("application_email"), FieldPanel("application_url")],
            heading=_("How to apply"),
        ),
    ]
    parent_page_types = ["jobs.JobSectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("job offer")
        verbose_name_plural = _("job offers")
        constraints = [
            models.CheckConstraint(
                condition=~Q(application_email="") | ~Q(application_url=""), name="jobs_offer_has_a_way_to_apply"
            ),
            models.CheckConstraint(
                condition=Q(working_time=WorkingTime.FULL_TIME, weekly_hours=None)
                | Q(working_time=WorkingTime.PART_TIME, weekly_hours__lt=FULL_TIME_HOURS),
                name="jobs_part_time_has_its_hours",
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        never_published = self.first_published_at is None
        if never_published and self.application_deadline and self.application_deadline < timezone.localdate():
            errors["application_deadline"] = _("The application deadline is already past: choose today or later.")
        if not self.application_email and not self.application_url:
            errors["application_email"] = _("Give an e-mail address or a web address where candidates can apply.")
        errors.update(self._weekly_hours_errors())
        if self.slug in ROUTE_SLUGS:
            errors["slug"] = _("This address is reserved: choose another slug.")
        if errors:
            raise ValidationError(errors)

    def _weekly_hours_errors(self) -> dict:
        if "weekly_hours" in self.refused_fields:
            return {}  # the form already says what is wrong with the number
        if self.working_time != WorkingTime.PART_TIME:
            if self.weekly_hours is not None:
                return {"weekly_hours": _("Leave the weekly hours empty for a full-time post.")}
            return {}
        if self.weekly_hours is None:
            return {"weekly_hours": _("Give the weekly hours of a part-time post.")}
        if self.weekly_hours >= FULL_TIME_HOURS:
            return {"weekly_hours": _("A part-time post has fewer than 35 hours a week.")}
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section"] = self.get_parent().specific
        return context

    @property
    def is_expired(self) -> bool:
        return self.application_deadline < timezone.localdate()

    @property
    def place(self) -> str:
        return self.location or self.organisation.name
