"""The page of one official act: the fields of the SCDL "Délibérations" schema and the signed PDF."""

import uuid
from datetime import timedelta

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.routable_page.models import re_path
from wagtail.search import index

from extranet.public.pages import ROUTE_SLUGS, FormRefusedFieldsMixin, PublicPage

from .forms import SectionChildPageForm
from .nomenclature import matter_choices, matter_get
from .retention import online_until
from .routing import file_route_url
from .validators import file_sha256, validate_budget_year, validate_matter_code, validate_signed_pdf

# A child page with one of these slugs would be hidden by a route of its section.
VOTE_FIELDS = ("votes_theoretical", "votes_actual", "votes_for", "votes_against", "votes_abstention")


def signed_pdf_path(instance, filename):
    """Where a signed PDF is stored: a name chosen here, never the uploaded one."""
    return f"actes/{instance.organisation.slug}/{uuid.uuid4()}.pdf"


class ActKind(models.TextChoices):
    DELIBERATION = "deliberation", _("Deliberation")
    ORDER = "arrete", pgettext_lazy("kind of act", "Order")
    DECISION = "decision", _("Decision")


def _vote_field(verbose_name, scdl_name):
    return models.PositiveIntegerField(
        verbose_name, null=True, blank=True, validators=[MinValueValidator(0)], help_text=scdl_name
    )


# How late the scheduled job (`publish_scheduled`, every few minutes) may put an act online after its go-live time.
SCHEDULED_PUBLICATION_DELAY = timedelta(hours=1)

# What an act says, as its signed PDF and the open-data export (SCDL) say it: fixed at its first publication.
FIXED_ONCE_PUBLISHED = (
    "title",
    "kind",
    "internal_id",
    "adoption_date",
    "matter_code",
    *VOTE_FIELDS,
    "signatory_name",
    "signatory_title",
    "signed_pdf",
)


class ActPage(FormRefusedFieldsMixin, PublicPage):
    """A deliberation, order or decision, executory once published here with its signed PDF."""

    private_page_options = []  # public by law: see ActIndexPage

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="acts", editable=False
    )
    kind = models.CharField(_("kind of act"), max_length=20, choices=ActKind.choices, default=ActKind.DELIBERATION)
    internal_id = models.CharField(
        _("act number"),
        max_length=50,
        validators=[
            RegexValidator(
                r"^[\w\-./]+$", _("Use letters, digits and the signs - _ / . only, without spaces."), code="act_number"
            )
        ],
        help_text=_("DELIB_ID: your own number, unique in the organisation, such as 2024-015."),
    )
    adoption_date = models.DateField(
        _("adoption date"), help_text=_("DELIB_DATE: the day the act was adopted or signed.")
    )
    session = models.ForeignKey(
        "acts.SessionPage",
        verbose_name=_("session"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="acts",
        help_text=_("The council session where the deliberation was adopted, if any."),
    )
    matter_code = models.CharField(
        _("matter"),
        max_length=5,
        validators=[validate_matter_code],
        help_text=_("DELIB_MATIERE_CODE: the matter in the ACTES nomenclature of the préfecture."),
    )
    budget_year = models.CharField(
        _("budget year"), max_length=9, blank=True, validators=[validate_budget_year], help_text=_("BUDGET_ANNEE")
    )
    budget_name = models.CharField(_("budget name"), max_length=255, blank=True, help_text=_("BUDGET_NOM"))
    prefecture_id = models.CharField(
        _("legality control identifier"), max_length=100, blank=True, help_text=_("PREF_ID: given by the préfecture.")
    )
    prefecture_date = models.DateField(
        _("transmission date to the préfecture"), null=True, blank=True, help_text=_("PREF_DATE")
    )
    votes_theoretical = _vote_field(_("members in office"), "VOTE_EFFECTIF")
    votes_actual = _vote_field(_("voters present or represented"), "VOTE_REEL")
    votes_for = _vote_field(_("votes for"), "VOTE_POUR")
    votes_against = _vote_field(_("votes against"), "VOTE_CONTRE")
    votes_abstention = _vote_field(_("abstentions"), "VOTE_ABSTENTION")
    signatory_name = models.CharField(_("signatory's name"), max_length=150)
    signatory_title = models.CharField(
        _("signatory's title"), max_length=150, help_text=_("Such as: maire, président du Conseil départemental.")
    )
    signed_pdf = models.FileField(
        _("signed PDF"),
        upload_to=signed_pdf_path,
        max_length=255,
        help_text=_("The signed act, in PDF. It is published unchanged and cannot be replaced once published."),
    )
    signed_pdf_sha256 = models.CharField(_("SHA-256 of the signed PDF"), max_length=64, editable=False)
    signed_pdf_size = models.PositiveBigIntegerField(_("size of the signed PDF"), null=True, editable=False)

    content_panels = [
        TitleFieldPanel("title", heading=_("Object of the act (DELIB_OBJET)")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("internal_id")]),
                FieldRowPanel([FieldPanel("adoption_date"), FieldPanel("session")]),
            ],
            heading=_("Identification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("matter_code", widget=forms.Select(choices=[("", "---------"), *matter_choices()])),
                FieldRowPanel([FieldPanel("budget_year"), FieldPanel("budget_name")]),
            ],
            heading=_("Matter and budget"),
        ),
        MultiFieldPanel([FieldPanel(name) for name in VOTE_FIELDS], heading=_("Vote")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_title")])], heading=_("Signatory")
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("prefecture_id"), FieldPanel("prefecture_date")])],
            heading=_("Transmission to the préfecture"),
        ),
        FieldPanel("signed_pdf"),
    ]
    # What both searches read: Wagtail's admin search and the unified search (extranet.search).
    search_fields = [
        *PublicPage.search_fields,
        index.SearchField("get_kind_display"),
        index.SearchField("internal_id"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.SearchField("matter_label"),
        index.SearchField("matter_name"),
        index.SearchField("budget_name"),
        index.SearchField("signatory"),
    ]

    base_form_class = SectionChildPageForm
    parent_page_types = ["acts.ActSectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("official act")
        verbose_name_plural = _("official acts")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "internal_id"], name="acts_actpage_unique_internal_id"),
        ]
        indexes = [models.Index(fields=["organisation", "adoption_date"], name="acts_actpage_org_date")]

    @property
    def matter(self):
        return matter_get(self.matter_code)

    @property
    def matter_name(self) -> str:
        """DELIB_MATIERE_NOM, as the nomenclature writes it for the SCDL schema."""
        matter = self.matter
        return matter.delib_matiere_nom if matter else ""

    @property
    def matter_label(self) -> str:
        """The matter as people read it: "7.5 — Finances locales / Subventions"."""
        matter = self.matter
        return matter.label if matter else ""

    @property
    def signatory(self) -> str:
        return f"{self.signatory_name}, {self.signatory_title}"

    @property
    def has_votes(self) -> bool:
        return all(getattr(self, name) is not None for name in VOTE_FIELDS)

    def signed_pdf_url(self, request=None) -> str:
        return file_route_url(self, "signed_pdf", request=request)

    def signed_pdf_filename(self) -> str:
        """The name offered to the downloader: organisation and act number, such as jargeau-2024-015.pdf."""
        number = "".join(char if char.isalnum() or char in "-_" else "-" for char in self.internal_id)
        return f"{self.organisation.slug}-{number}.pdf"

    @re_path(r"^acte\.pdf/$", name="signed_pdf")
    def serve_signed_pdf(self, request):
        from .views import signed_pdf_response

        return signed_pdf_response(act=self)

    def clean(self):
        super().clean()
        if self.organisation_id is None:
            raise ValidationError(_("An act is created in the section of its organisation."), code="no_organisation")
        errors = {}
        if self.slug in ROUTE_SLUGS:
            errors["slug"] = _("This address is reserved; choose another one.")
        if not self.organisation.siret:
            errors[NON_FIELD_ERRORS] = _(
                "Enter the SIRET of the organisation %(name)s (in the organisation's settings) before publishing "
                "its acts: the open-data export of the acts needs it."
            ) % {"name": self.organisation.name}
        if self.internal_id and self._internal_id_taken():
            errors["internal_id"] = _("Another act of the organisation already has this number.")
        if self.session_id and self.session.organisation_id != self.organisation_id:
            errors["session"] = _("Choose a session of the same organisation.")
        errors.update(self._date_errors())
        errors.update(self._vote_errors())
        errors.update(self._published_content_errors())
        errors.update(self._signed_pdf_errors())
        errors.update(self._expiry_errors())
        errors.update(self._address_errors())
        if errors:
            raise ValidationError(errors)

    def _internal_id_taken(self) -> bool:
        others = ActPage.objects.filter(organisation_id=self.organisation_id, internal_id=self.internal_id)
        return others.exclude(pk=self.pk).exists() if self.pk else others.exists()

    def _date_errors(self) -> dict:
        """A mistyped year would go straight into the legal publication and the SCDL export."""
        today = timezone.localdate()
        errors = {}
        if self.adoption_date and self.adoption_date > today:
            errors["adoption_date"] = _("An act cannot have been adopted after today: check the date.")
        first, _slash, last = (self.budget_year or "").partition("/")
        if last and first.isdecimal() and last.isdecimal() and int(last) <= int(first):
            errors["budget_year"] = _("A span of budget years goes forward, such as 2024/2025.")
        if self.prefecture_date and self.prefecture_date > today:
            errors["prefecture_date"] = _("The act cannot have been sent to the préfecture after today.")
        elif self.prefecture_date and self.adoption_date and self.prefecture_date < self.adoption_date:
            errors["prefecture_date"] = _("The act is sent to the préfecture after its adoption, not before.")
        return errors

    def _vote_errors(self) -> dict:
        votes = {name: getattr(self, name) for name in VOTE_FIELDS}
        missing = [name for name, value in votes.items() if value is None]
        if any(name in self.refused_fields for name in missing):
            return {}  # the form already says what is wrong with a number
        if self.kind == ActKind.DELIBERATION and missing:
            return {name: _("A deliberation records its vote: enter this number.") for name in missing}
        if missing:
            if len(missing) < len(VOTE_FIELDS):
                return {name: _("Enter every number of the vote, or none.") for name in missing}
            return {}
        errors = []
        cast = votes["votes_for"] + votes["votes_against"] + votes["votes_abstention"]
        if cast > votes["votes_actual"]:
            errors.append(
                _("For, against and abstentions add up to %(cast)s, more than the %(actual)s voters.")
                % {"cast": cast, "actual": votes["votes_actual"]}
            )
        if votes["votes_actual"] > votes["votes_theoretical"]:
            errors.append(
                _("There cannot be more voters (%(actual)s) than members in office (%(theoretical)s).")
                % {"actual": votes["votes_actual"], "theoretical": votes["votes_theoretical"]}
            )
        return {"votes_actual": errors} if errors else {}

    def _published_content_errors(self) -> dict:
        """What a published act says stays as published, in its page, its PDF and the open-data export.

        Compared with the stored act rather than with the form, so that reverting to a version older than the
        publication (whose PDF is already stored) is refused too. Its administrative follow-up (the préfecture's
        number and date, the session, the budget) may still be completed.
        """
        if self.first_published_at is None or not self.pk:
            return {}
        stored = ActPage.objects.filter(pk=self.pk).values(*FIXED_ONCE_PUBLISHED, "signed_pdf_sha256").first()
        if stored is None:
            return {}
        errors = {}
        for name in FIXED_ONCE_PUBLISHED:
            value = getattr(self, name)
            if name == "signed_pdf":
                changed = (value.name or "") != stored[name] or self.signed_pdf_sha256 != stored["signed_pdf_sha256"]
            else:
                changed = value != stored[name]
            if changed:
                errors[name] = (
                    _(
                        "This act has been published: its signed PDF cannot be replaced. Publish a new act "
                        "(for instance one that withdraws or amends this one) instead."
                    )
                    if name == "signed_pdf"
                    else _(
                        "This act has been published: what it says stays as published. Publish a new act "
                        "(for instance one that withdraws or amends this one) to correct it."
                    )
                )
        return errors

    def _signed_pdf_errors(self) -> dict:
        """Check a newly uploaded PDF and record its fingerprint (a published act keeps its own, see above)."""
        # A file just uploaded is not committed to the storage yet; a stored one is.
        if not self.signed_pdf or self.signed_pdf._committed or self.first_published_at is not None:
            return {}
        try:
            validate_signed_pdf(self.signed_pdf)
        except ValidationError as error:
            return {"signed_pdf": error}
        self.signed_pdf_sha256 = file_sha256(self.signed_pdf)
        self.signed_pdf_size = self.signed_pdf.size
        return {}

    def _address_errors(self) -> dict:
        """A published act keeps its address: its signed PDF's (DELIB_URL) is in the open-data export and the
        feeds, and Wagtail's redirect from the old address covers the page, not the PDF below it."""
        if self.first_published_at is None or not self.pk:
            return {}
        stored_slug = ActPage.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        if stored_slug and stored_slug != self.slug:
            return {
                "slug": _("This act has been published: its address (“%(slug)s”) is in the open-data export and stays.")
                % {"slug": stored_slug}
            }
        return {}

    def _expiry_errors(self) -> dict:
        """A scheduled unpublication must leave the act online for the legal minimum."""
        if not self.expire_at:
            return {}
        start = self.first_published_at or self.go_live_at or timezone.now()
        if self._published_late_by_schedule() and self.expire_at >= online_until(self.go_live_at):
            # Accepted for its go-live time, put online by the scheduled job minutes later: the expiry follows, so
            # that the act still stays two months, rather than the publication failing.
            self.expire_at = max(self.expire_at, online_until(start))
        if self.expire_at < online_until(start):
            return {
                "expire_at": _("An act stays online at least two months: choose an expiry date after %(date)s.")
                % {"date": formats.date_format(timezone.localtime(online_until(start)), "DATETIME_FORMAT")}
            }
        return {}

    def _published_late_by_schedule(self) -> bool:
        """Whether this is the scheduled job's publication, shortly after the go-live time the editor chose."""
        if not (self.go_live_at and self.first_published_at):
            return False
        return timedelta(0) <= self.first_published_at - self.go_live_at <= SCHEDULED_PUBLICATION_DELAY

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["signed_pdf_url"] = self.signed_pdf_url(request)
        return context
