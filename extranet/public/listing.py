"""What the public listings share: pagination, the organisation filter's choices and the filtered listing pages."""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.module_loading import import_string
from wagtail.contrib.routable_page.models import path

PAGE_SIZE = 20


def paginate(request, queryset, *, per_page: int = PAGE_SIZE):
    """Return the requested page; a page number out of range or not a number gives the nearest page, not an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def query_string_without_page(request) -> str:
    """The current filters, to keep them in pagination links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def listing_organisations(*, items: QuerySet) -> list[tuple[str, str]]:
    """The (slug, name) of the organisations that have one of these items, for a listing's organisation filter."""
    return list(items.order_by("organisation__name").values_list("organisation__slug", "organisation__name").distinct())


class ListingFeedMixin:
    """A listing page's Atom feed at `flux/`, built by `feed_class` (a dotted path) from the page."""

    # Feeds and filters import the page models: they are named by path and imported when first used.
    feed_class: str

    @path("flux/", name="feed")
    def feed(self, request):
        return import_string(self.feed_class)(page=self)(request)


class FilteredListingMixin(ListingFeedMixin):
    """The index and the sections of a listing: its items through a django-filter form, paginated, and their feed.

    Subclasses say which items they list (`listed_items`) and how a listing shows them (`listing_queryset`:
    which ones, in which order); the index filters by organisation, a section is one organisation's.
    """

    filterset_class: str
    filters_organisations = False

    def listed_items(self) -> QuerySet:
        raise NotImplementedError

    def listing_queryset(self, items: QuerySet) -> QuerySet:
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.listing_queryset(self.listed_items())
        organisations = listing_organisations(items=items) if self.filters_organisations else None
        filterset_class = import_string(self.filterset_class)
        filterset = filterset_class(request.GET or None, queryset=items, organisations=organisations)
        context.update(
            filterset=filterset,
            page_obj=paginate(request, filterset.qs),
            filters=query_string_without_page(request),
        )
        return context
