"""Wagtail pages of the notices and press releases: /communiques/, one section per organisation, the notices."""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import path
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from extranet.public.pages import (
    ROUTE_SLUGS,
    CacheableForAnonymousMixin,
    OrganisationSectionPage,
    PublicIndexPage,
)

from .blocks import NoticeBodyBlock
from .page_forms import NoticePageForm
from .validators import validate_library_document, validate_notice_document


class NoticeKind(models.TextChoices):
    OFFICIAL_NOTICE = "official_notice", _("Official notice")
    PRESS_RELEASE = "press_release", _("Press release")
    INFORMATION = "information", _("Information")


class NoticeIndexPage(PublicIndexPage):
    """/communiques/: the notices of every organisation, with filters and an Atom feed."""

    subpage_types = ["notices.NoticeSectionPage"]

    class Meta:
        verbose_name = _("notices index")

    def get_context(self, request, *args, **kwargs):
        from .views import notice_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(notice_listing_context(request, page=self))
        return context

    @path("flux/", name="feed")
    def feed(self, request):
        from .views import notice_feed_response

        return notice_feed_response(request, page=self)


class NoticeSectionPage(OrganisationSectionPage):
    """/communiques/<organisation>/: one organisation's notices; created by the organisation's provisioning."""

    parent_page_types = ["notices.NoticeIndexPage"]
    subpage_types = ["notices.NoticePage"]
    is_creatable = False

    class Meta:
        verbose_name = _("notices section")

    def get_context(self, request, *args, **kwargs):
        from .views import notice_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(notice_listing_context(request, page=self))
        return context

    @path("flux/", name="feed")
    def feed(self, request):
        from .views import notice_feed_response

        return notice_feed_response(request, page=self)


class NoticePage(CacheableForAnonymousMixin, Page):
    """An official notice, a press release or a piece of information published by one organisation."""

    kind = models.CharField(_("type of notice"), max_length=20, choices=NoticeKind.choices)
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("The opening paragraph, shown in the listings and the feed.")
    )
    body = StreamField(NoticeBodyBlock(), verbose_name=_("body"), blank=True)
    publication_date = models.DateField(
        _("publication date"), default=timezone.localdate, help_text=_("The date shown on the notice.")
    )
    expiry_date = models.DateField(
        _("expiry date"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. After this day the notice leaves the listings and the feed; "
            "its address keeps working and says that it has expired."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("publication_date"), FieldPanel("expiry_date")], heading=_("Dates")),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
        InlinePanel(
            "library_attachments",
            heading=_("Attachments from a library"),
            label=_("Library document"),
            help_text=_(
                "Public documents of your organisation's library; "
                "a document that stops being public disappears from the page."
            ),
        ),
    ]
    # What both searches read: Wagtail's admin search and the unified search (extranet.search).
    search_fields = [
        *Page.search_fields,
        index.SearchField("get_kind_display"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("attachments", [index.SearchField("label")]),
    ]
    parent_page_types = ["notices.NoticeSectionPage"]
    subpage_types = []
    base_form_class = NoticePageForm

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def clean(self):
        super().clean()
        errors = {}
        if self.expiry_date and self.publication_date and self.expiry_date < self.publication_date:
            errors["expiry_date"] = _("The expiry date cannot be earlier than the publication date.")
        if self.publication_date and self.publication_date > self._latest_publication_date():
            # A date to come would keep the notice at the top of the listings until then.
            errors["publication_date"] = _(
                "The publication date cannot be after today. To publish later, choose a go-live date in the "
                "Settings tab: the publication date may then be that day."
            )
        if self.slug in ROUTE_SLUGS:
            errors["slug"] = _("This address is reserved: choose another slug.")
        if errors:
            raise ValidationError(errors)

    def _latest_publication_date(self):
        today = timezone.localdate()
        return max(today, timezone.localdate(self.go_live_at)) if self.go_live_at else today

    @property
    def is_expired(self) -> bool:
        return self.expiry_date is not None and self.expiry_date < timezone.localdate()

    @property
    def publication_datetime(self) -> datetime:
        """The start of the publication day, for the feed and the search index, which want a datetime."""
        return timezone.make_aware(datetime.combine(self.publication_date, time.min))

    def get_context(self, request, *args, **kwargs):
        from .selectors import notice_attachment_list, notice_library_attachment_list, notice_section_of

        context = super().get_context(request, *args, **kwargs)
        context["section"] = notice_section_of(notice=self)
        context["attachments"] = notice_attachment_list(notice=self)
        context["library_attachments"] = notice_library_attachment_list(notice=self)
        return context


class NoticeAttachment(Orderable):
    """A document attached to a notice, under a link text of its own."""

    page = ParentalKey(NoticePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("link text"), max_length=200, help_text=_("For example: “Signed order of 3 March (PDF)”.")
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if self.document_id:
            try:
                validate_notice_document(self.document)
            except ValidationError as error:
                raise ValidationError({"document": error}) from error


class NoticeLibraryAttachment(Orderable):
    """A public document of a library attached to a notice; the page links to its permission-checked download."""

    page = ParentalKey(NoticePage, on_delete=models.CASCADE, related_name="library_attachments")
    document = models.ForeignKey(
        "documents.Document", verbose_name=_("library document"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(_("link text"), max_length=200, blank=True, help_text=_("The document's title if empty."))

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("library attachment")
        verbose_name_plural = _("library attachments")

    def __str__(self):
        return self.label or str(self.document)

    def clean(self):
        super().clean()
        if self.document_id:
            try:
                validate_library_document(self.document)
            except ValidationError as error:
                raise ValidationError({"document": error}) from error
