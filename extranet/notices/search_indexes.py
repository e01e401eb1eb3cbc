from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from haystack import indexes
from wagtail.models import Page

from .pages import NoticeIndexPage, NoticePage, NoticeSectionPage
from .selectors import notice_list_public, notice_section_of


def _section_field(field: str) -> Subquery:
    """A field of the notice's section (its parent page), read in the same query as the notice."""
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    return Subquery(NoticeSectionPage.objects.filter(path=parent_path).values(field)[:1])


class NoticePageIndex(indexes.SearchIndex, indexes.Indexable):
    """The live notices that have not expired, visible to everyone."""

    text = indexes.CharField(document=True, use_template=True)
    title = indexes.CharField(model_attr="title")
    organisation = indexes.CharField(faceted=True)
    published = indexes.DateTimeField(model_attr="publication_datetime")
    visibility = indexes.MultiValueField(indexed=True, stored=True)

    def get_model(self):
        return NoticePage

    def index_queryset(self, using=None):
        index = NoticeIndexPage.objects.first()
        if index is None:
            return NoticePage.objects.none()
        return notice_list_public(root=index).annotate(
            organisation_slug=_section_field("organisation__slug"),
            organisation_name=_section_field("organisation__name"),
        )

    def prepare_organisation(self, obj):
        if hasattr(obj, "organisation_slug"):
            return obj.organisation_slug
        section = notice_section_of(notice=obj)
        return section.organisation.slug if section else ""

    def prepare_visibility(self, obj):
        return ["public"] if obj.live and not obj.is_expired else []
