"""Wagtail pages of procurement: /marches-publics/ lists every organisation's notices, /marches-publics/<org>/ one's.

A notice is closed once its deadline for offers has passed: computed when read, so no scheduled job is needed.
Its page stays reachable, says it is closed, and keeps its published answers and awarded contracts.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import re_path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from extranet.core.timezones import time_zone_name
from extranet.notices.validators import validate_notice_document
from extranet.organisations.wording import organisation_phrase
from extranet.public.listing import FilteredListingMixin
from extranet.public.pages import ROUTE_SLUGS, CacheableForAnonymousMixin, OrganisationSectionPage, PublicIndexPage

from .choices import Nature, PlaceCodeType, Procedure
from .forms import ProcurementNoticePageForm
from .validators import place_code_errors, validate_cpv_code

RICH_TEXT = ["h3", "bold", "italic", "link", "ol", "ul"]
# Sub-routes of the sections: a notice with one of these slugs would be hidden behind the route.
AMOUNT = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(0)]}


# The model's help names no zone (migrations would hold it); the editor's form names the platform's.
OFFERS_DEADLINE_HELP = format_lazy(
    _("In {zone}. The notice is closed once it has passed."), zone=lazy(time_zone_name, str)()
)


class ProcurementListingMixin(FilteredListingMixin):
    """The notices and their sections list open and closed notices, newest first; the feed has the open ones."""

    filterset_class = "extranet.procurement.filters.ProcurementNoticeFilter"
    feed_class = "extranet.procurement.feeds.ProcurementNoticeFeed"

    def listing_queryset(self, items):
        from .selectors import procurement_notice_listing

        return procurement_notice_listing(notices=items)


class ProcurementIndexPage(ProcurementListingMixin, PublicIndexPage):
    """/marches-publics/: every organisation's notices, their feed and the DECP export of awarded contracts."""

    filters_organisations = True
    subpage_types = ["procurement.ProcurementSectionPage"]

    class Meta:
        verbose_name = _("procurement notices")

    @property
    def feed_title(self):
        return self.title

    def listed_items(self):
        from .selectors import procurement_notice_list_public

        return procurement_notice_list_public()

    @re_path(r"^donnees-essentielles\.(?P<export_format>csv|json)/$", name="decp")
    def decp_export(self, request, export_format):
        from .exports import decp_export_response
        from .selectors import awarded_contract_list_public

        return decp_export_response(contracts=awarded_contract_list_public(), export_format=export_format)


class ProcurementSectionPage(ProcurementListingMixin, OrganisationSectionPage):
    """One organisation's notices; created by the organisation's provisioning, never by hand."""

    parent_page_types = ["procurement.ProcurementIndexPage"]
    subpage_types = ["procurement.ProcurementNoticePage"]
    is_creatable = False

    class Meta:
        verbose_name = _("organisation's procurement notices")
        verbose_name_plural = _("organisations' procurement notices")

    @property
    def feed_title(self):
        return _("Procurement notices %(of_name)s") % {"of_name": organisation_phrase(self.organisation, "de")}

    def listed_items(self):
        from .selectors import procurement_notice_list_public

        return procurement_notice_list_public(section=self)


class ProcurementNoticePage(CacheableForAnonymousMixin, Page):
    """A procurement notice (avis de marché): the title is the object of the contract."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("buyer"),
        on_delete=models.PROTECT,
        related_name="procurement_notices",
        editable=False,
    )
    description = RichTextField(_("description of the needs"), features=RICH_TEXT)
    cpv_code = models.CharField(
        _("CPV code"), max_length=10, validators=[validate_cpv_code], help_text=_("For example: 45000000-7.")
    )
    nature = models.CharField(_("nature"), max_length=20, choices=Nature.choices)
    procedure = models.CharField(_("procedure"), max_length=20, choices=Procedure.choices)
    estimated_amount = models.DecimalField(_("estimated amount (euros, excl. VAT)"), null=True, blank=True, **AMOUNT)
    execution_place = models.CharField(_("place of execution"), max_length=200)
    execution_place_code = models.CharField(
        _("code of the place of execution"), max_length=10, help_text=_("For example the INSEE code 45173.")
    )
    execution_place_code_type = models.CharField(
        _("kind of code"), max_length=20, choices=PlaceCodeType.choices, default=PlaceCodeType.COMMUNE
    )
    duration_months = models.PositiveSmallIntegerField(_("duration (months)"), validators=[MinValueValidator(1)])
    offers_deadline = models.DateTimeField(
        _("deadline for offers"), help_text=_("The notice is closed once it has passed.")
    )
    contact_name = models.CharField(_("contact"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail address"))

    search_fields = [
        *Page.search_fields,
        index.SearchField("cpv_code"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.SearchField("execution_place"),
        index.SearchField("get_nature_display"),
        index.SearchField("get_procedure_display"),
        index.SearchField("description"),
    ]
    base_form_class = ProcurementNoticePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("nature"), FieldPanel("cpv_code")]),
                FieldPanel("procedure"),
                FieldRowPanel([FieldPanel("estimated_amount"), FieldPanel("duration_months")]),
                FieldPanel("execution_place"),
                FieldRowPanel([FieldPanel("execution_place_code"), FieldPanel("execution_place_code_type")]),
            ],
            heading=_("The contract"),
        ),
        FieldPanel("offers_deadline", help_text=OFFERS_DEADLINE_HELP),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")),
        InlinePanel("documents", heading=_("Consultation file"), label=_("Document")),
    ]
    parent_page_types = ["procurement.ProcurementSectionPage"]
    subpage_types = ["procurement.AwardedContractPage"]

    class Meta:
        verbose_name = _("procurement notice")
        verbose_name_plural = _("procurement notices")

    def clean(self):
        super().clean()
        errors = {}
        never_published = self.first_published_at is None
        if never_published and self.offers_deadline and self.offers_deadline <= timezone.now():
            errors["offers_deadline"] = _("The deadline for offers is already past: choose a later date.")
        if self.slug in ROUTE_SLUGS:
            errors["slug"] = _("This address is reserved: choose another slug.")
        place_error = place_code_errors(code=self.execution_place_code, code_type=self.execution_place_code_type)
        if place_error:
            errors["execution_place_code"] = place_error
        if errors:
            raise ValidationError(errors)

    @property
    def is_closed(self) -> bool:
        return self.offers_deadline <= timezone.now()

    def get_context(self, request, *args, **kwargs):
        from .selectors import (
            awarded_contract_list_for_notice,
            notice_abilities,
            notice_document_list,
            question_list_for_viewer,
        )

        context = super().get_context(request, *args, **kwargs)
        context["section"] = self.get_parent().specific
        context["documents"] = notice_document_list(notice=self)
        context["questions"] = question_list_for_viewer(notice=self, user=request.user)
        context["contracts"] = awarded_contract_list_for_notice(notice=self)
        context["abilities"] = notice_abilities(notice=self, user=request.user)
        return context


class ProcurementNoticeDocument(Orderable):
    """A document of the consultation file, under a link text of its own."""

    page = ParentalKey(ProcurementNoticePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(_("link text"), max_length=200, help_text=_("For example: “Rules of the consultation”."))

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("document of the consultation file")
        verbose_name_plural = _("documents of the consultation file")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if self.document_id:
            try:
                validate_notice_document(self.document)
            except ValidationError as error:
                raise ValidationError({"document": error}) from error
