from datetime import datetime, time

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from haystack import indexes
from wagtail.models import Page

from extranet.search.audiences import PUBLIC
from extranet.search.indexes import PageSearchDocument

from .pages import NoticeIndexPage, NoticePage, NoticeSectionPage
from .selectors import notice_list_public, notice_section_of


def _section_field(field: str) -> Subquery:
    """A field of the notice's section (its parent page), read in the same query as the notice."""
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    return Subquery(NoticeSectionPage.objects.filter(path=parent_path).values(field)[:1])


class NoticePageIndex(PageSearchDocument, indexes.Indexable):
    """The live notices that have not expired, visible to everyone until their expiry day ends."""

    search_kind = "notice"
    search_kind_label = _("Notice")

    def get_model(self):
        return NoticePage

    def index_queryset(self, using=None):
        index = NoticeIndexPage.objects.first()
        if index is None:
            return NoticePage.objects.none()
        return (
            notice_list_public(root=index)
            .annotate(
                organisation_slug=_section_field("organisation__slug"),
                organisation_name=_section_field("organisation__name"),
            )
            .prefetch_related("attachments")
        )

    def _section_organisation(self, obj):
        if hasattr(obj, "organisation_slug"):
            return obj.organisation_slug, obj.organisation_name
        section = notice_section_of(notice=obj)
        return (section.organisation.slug, section.organisation.name) if section else ("", "")

    def prepare_organisation(self, obj):
        return self._section_organisation(obj)[0]

    def extra_text(self, obj):
        return [self._section_organisation(obj)[1] or ""]

    def prepare_date(self, obj):
        return obj.publication_datetime

    def expiry_of(self, obj):
        if obj.expiry_date is None:
            return None
        return timezone.make_aware(datetime.combine(obj.expiry_date, time.max))

    def prepare_visibility(self, obj):
        return [PUBLIC] if obj.live and not obj.is_expired else []
