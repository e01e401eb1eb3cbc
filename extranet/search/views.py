"""The search page and the search box's completion: both see only what the visitor may read."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import get_script_prefix
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.timezone import template_localtime
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from extranet.core.ratelimit import rate_limit

from .forms import SearchForm
from .highlight import query_terms, snippet
from .selectors import (
    organisation_names,
    search_audiences_for,
    search_audiences_shared,
    search_index_version,
    search_kind_labels,
    search_run,
    search_suggest,
)

PAGE_SIZE = 20
# Results are cached under the index's version, which any indexed change moves; the lifetime bounds what it does
# not see: items reaching their expiry, organisations renamed.
RESULTS_CACHE_SECONDS = 60
SUGGESTION_MIN_LENGTH = 2


def _year_facets(dates) -> list[tuple[int, int]]:
    """(year, count) for every year holding results, newest first."""
    return sorted(((span[0].year, count) for span, count in dates if span and count), reverse=True)


def _link(params, **changes) -> str:
    """The search URL's query string with some parameters changed (None removes one), back to page 1."""
    merged = {key: value for key, value in params.items() if key != "page" and value}
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return "?" + urlencode(merged)


def _facet_links(params, name: str, values, labels: dict, active) -> list[dict]:
    return [
        {
            "label": labels.get(value, value),
            "count": count,
            "active": str(value) == str(active),
            "href": _link(params, **{name: None if str(value) == str(active) else value}),
        }
        for value, count in values
        if value and count
    ]


def _result_rows(page, *, query: str, kinds: dict, names: dict) -> list[dict]:
    terms = query_terms(query)
    return [
        {
            "title": result.title,
            "url": result.url,
            "kind": kinds.get(result.kind, ""),
            "organisation": names.get(result.organisation, ""),
            "date": result.date,
            # What `|date:"c"` writes, without the filter's cost on every row.
            "datetime": template_localtime(result.date).isoformat() if result.date else "",
            "snippet": snippet(result.text, terms),
        }
        for result in page
    ]


def _results(request, *, query: str, filters, audiences: list[str]) -> dict:
    """What the page shows of a search: the page of results, their count, the facets and the links."""
    results = search_run(user=request.user, query=query, filters=filters, audiences=audiences)
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    facets = results.facet_counts() or {}
    kinds = search_kind_labels()
    kind_facets = facets.get("fields", {}).get("kind", [])
    organisation_facets = facets.get("fields", {}).get("organisation", [])
    names = organisation_names(
        slugs=[slug for slug, _count in organisation_facets] + [result.organisation for result in page]
    )
    params = request.GET
    years = _year_facets(facets.get("dates", {}).get("date", []))
    return {
        "page_obj": page,
        "results": _result_rows(page, query=query, kinds=kinds, names=names),
        "facet_groups": [
            (_("Type"), _facet_links(params, "kind", kind_facets, kinds, filters.kind)),
            (
                _("Organisation"),
                _facet_links(params, "organisation", organisation_facets, names, filters.organisation),
            ),
            (_("Year"), _facet_links(params, "year", years, {}, filters.year)),
        ],
        "sort_links": [
            {"label": label, "active": filters.sort == value, "href": _link(params, sort=value)}
            for value, label in (("relevance", _("relevance")), ("date", _("date")))
        ],
        "without_filters": _link({"q": query}) if filters.kind or filters.organisation or filters.year else "",
        "pagination_query": _link(params)[1:],
    }


def _results_cache_key(request, *, index_version: str, audiences: list[str]) -> str:
    """Everything the results part of the page depends on: the index, the audiences searched, whether the reader
    is logged in (a visitor is invited to), what was asked (every parameter reaches the links), the language and
    where the site is served."""
    asked = urlencode(sorted(request.GET.lists()), doseq=True)
    reader = "member" if request.user.is_authenticated else "visitor"
    return "|".join((index_version, ",".join(audiences), reader, asked, get_language(), get_script_prefix()))


@require_GET
@never_cache
@rate_limit("search", methods=("GET",))
def search(request):
    """The search page; its results come from the cache while the index and the audiences searched are the same,
    shared by readers whose own items add nothing to the search."""
    form = SearchForm(request.GET)
    form.is_valid()
    query = form.cleaned_data.get("q", "")
    context = {"form": form, "query": query, "truncated": form.truncated}
    if query:
        filters = form.filters()
        index_version = search_index_version()
        audiences = search_audiences_for(user=request.user)
        if index_version:
            # Asked after the version is read: the reader's own item indexed in between moves the version, so at
            # worst results kept under this (already old) key miss it; they never hold it, being shared.
            audiences = search_audiences_shared(user=request.user, audiences=audiences)
        context |= {
            "active": filters,
            # Built only when the cache has no current copy of the results.
            "found": SimpleLazyObject(lambda: _results(request, query=query, filters=filters, audiences=audiences)),
            "results_key": _results_cache_key(request, index_version=index_version or "", audiences=audiences),
            "results_seconds": RESULTS_CACHE_SECONDS if index_version else 0,
        }
    return render(request, "search/search.html", context)


@require_GET
@rate_limit("search_suggest", methods=("GET",))
def suggest(request):
    """Up to eight titles for the header box; JSON, never cached (the results depend on the visitor)."""
    prefix = " ".join(request.GET.get("q", "").split())[:100]
    suggestions = []
    if len(prefix) >= SUGGESTION_MIN_LENGTH:
        suggestions = [
            {"title": result.title, "url": result.url} for result in search_suggest(user=request.user, prefix=prefix)
        ]
    response = JsonResponse({"suggestions": suggestions})
    response["Cache-Control"] = "private, no-store"
    return response
