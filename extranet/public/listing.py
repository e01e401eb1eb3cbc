"""Pagination shared by the public listings."""

from django.core.paginator import Paginator

PAGE_SIZE = 20


def paginate(request, queryset, *, per_page: int = PAGE_SIZE):
    """Return the requested page; a page number out of range or not a number gives the nearest page, not an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def query_string_without_page(request) -> str:
    """The current filters, to keep them in pagination links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
