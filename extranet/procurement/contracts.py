"""Awarded contracts: a child page of their notice, recorded by the organisation's editors, exported in the DECP."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, Page

from extranet.organisations.validators import validate_siret
from extranet.public.pages import CacheableForAnonymousMixin

from .choices import ContractForm
from .forms import AwardedContractPageForm
from .pages import AMOUNT


class AwardedContractPage(CacheableForAnonymousMixin, Page):
    """The award of a notice (or of one of its lots): holders, amount, notification date and offers received."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("buyer"),
        on_delete=models.PROTECT,
        related_name="awarded_contracts",
        editable=False,
    )
    notice = models.ForeignKey(
        "procurement.ProcurementNoticePage",
        verbose_name=_("notice"),
        on_delete=models.PROTECT,
        related_name="awarded_contracts",
        editable=False,
    )
    identifier = models.CharField(
        _("contract number"),
        max_length=16,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9_-]+$",
                _("A contract number is made of letters, digits, hyphens and underscores (16 at most)."),
            )
        ],
        help_text=_("The buyer's own number, unique among its contracts, for example 2026-017."),
    )
    contract_form = models.CharField(
        _("form of the contract"), max_length=20, choices=ContractForm.choices, default=ContractForm.CONTRACT
    )
    amount = models.DecimalField(_("amount (euros, excl. VAT)"), **AMOUNT)
    notification_date = models.DateField(_("notification date"))
    offers_received = models.PositiveIntegerField(_("offers received"))
    duration_months = models.PositiveSmallIntegerField(_("duration (months)"), validators=[MinValueValidator(1)])

    base_form_class = AwardedContractPageForm
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("identifier"), FieldPanel("contract_form")]),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("duration_months")]),
        FieldRowPanel([FieldPanel("notification_date"), FieldPanel("offers_received")]),
        InlinePanel("holders", heading=_("Holders"), label=_("Holder"), min_num=1),
    ]
    parent_page_types = ["procurement.ProcurementNoticePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("awarded contract")
        verbose_name_plural = _("awarded contracts")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "identifier"], name="procurement_contract_identifier")
        ]

    def clean(self):
        super().clean()
        if self.organisation_id is None:
            return
        errors = {}
        if not self.organisation.siret:
            errors[NON_FIELD_ERRORS] = _(
                "Enter the SIRET of the organisation %(name)s (in the organisation's settings) before recording "
                "its contracts: the open-data export of the contracts (DECP) names the buyer by it."
            ) % {"name": self.organisation.name}
        duplicates = AwardedContractPage.objects.filter(
            organisation_id=self.organisation_id, identifier=self.identifier
        ).exclude(pk=self.pk)
        if duplicates.exists():
            errors["identifier"] = _("Another contract of your organisation already has this number.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["holders"] = self.holders.order_by("sort_order")
        return context


class ContractHolder(Orderable):
    """A holder (titulaire) of an awarded contract, identified by its SIRET."""

    page = ParentalKey(AwardedContractPage, on_delete=models.CASCADE, related_name="holders")
    name = models.CharField(_("name"), max_length=200)
    siret = models.CharField(_("SIRET"), max_length=14, validators=[validate_siret])

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("siret")])]

    class Meta(Orderable.Meta):
        verbose_name = _("holder")
        verbose_name_plural = _("holders")

    def __str__(self):
        return self.name
