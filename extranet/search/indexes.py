"""The base every search index derives from: the fields the unified search shows, filters and facets on.

A content type joins the unified search with a `search_indexes.py` whose index subclasses `SearchDocument`
(or `PageSearchDocument` for Wagtail pages), names its kind and says who may read each item.
"""

from datetime import UTC, datetime

from haystack import indexes

from .text import searchable_text_of

# Stored for items that never expire, so that one range filter keeps expired items out of every result.
NEVER = datetime(9999, 12, 31, tzinfo=UTC)


class SearchDocument(indexes.SearchIndex):
    """Fields common to every indexed item; subclasses set `search_kind` and `search_kind_label`."""

    search_kind: str = ""
    search_kind_label = ""

    text = indexes.CharField(document=True, use_template=True)
    title = indexes.CharField()
    title_auto = indexes.EdgeNgramField()
    kind = indexes.CharField(faceted=True)
    organisation = indexes.CharField(faceted=True, default="")
    date = indexes.DateTimeField(faceted=True, null=True)
    expires = indexes.DateTimeField()
    url = indexes.CharField(indexed=False)
    visibility = indexes.MultiValueField()

    def prepare_kind(self, obj) -> str:
        return self.search_kind

    def kind_labels(self) -> dict[str, str]:
        """The kinds this index writes, with their labels: one, unless `prepare_kind` tells items apart."""
        return {self.search_kind: self.search_kind_label}

    def prepare_title_auto(self, obj) -> str:
        return self.prepared_data["title"]

    def prepare_expires(self, obj) -> datetime:
        return self.expiry_of(obj) or NEVER

    def prepare_url(self, obj) -> str:
        return obj.get_absolute_url()

    def expiry_of(self, obj) -> datetime | None:
        """When the item stops being shown (an ad's or an offer's end), or None if it never does."""
        return None

    def prepare_visibility(self, obj) -> list[str]:
        """The audiences allowed to read the item (see `extranet.search.audiences`); empty hides it."""
        raise NotImplementedError(f"{type(self).__name__} must say who may read its items")


class PageSearchDocument(SearchDocument):
    """A Wagtail page: its searchable text is what its `search_fields` declare, for haystack and Wagtail alike."""

    text = indexes.CharField(document=True)

    def prepare_text(self, obj) -> str:
        return "\n".join([searchable_text_of(obj), *self.extra_text(obj)])

    def extra_text(self, obj) -> list[str]:
        """Text the page's own fields do not hold (its organisation's name, found through its section)."""
        return []

    def prepare_title(self, obj) -> str:
        return obj.title

    def prepare_date(self, obj) -> datetime | None:
        return obj.first_published_at

    def prepare_url(self, obj) -> str:
        return obj.get_url() or ""
