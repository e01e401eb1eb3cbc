"""Permission-aware search: every query is filtered on the viewer's audiences before it runs.

The filter is part of the query sent to the engine, so counts, facets and pages only ever cover what the
viewer may open; nothing private is fetched and then hidden.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from haystack import connections
from haystack.inputs import AutoQuery
from haystack.query import SearchQuerySet

from extranet.organisations.models import Membership, Organisation

from .analysis import french_analyzer
from .audiences import MEMBERS, PUBLIC, organisation_audience, organisation_kind_audience, user_audience

FIRST_YEAR_SHOWN = 2000
SORTS = ("relevance", "date")


def search_audiences_for(*, user) -> list[str]:
    """The audiences whose items the user may read, decided like everywhere else by memberships.

    Platform superusers act as admins of every organisation (see `user_role_in`), so they hold them all.
    """
    audiences = [PUBLIC]
    if not user.is_authenticated or not user.is_active:
        return audiences
    organisations = (
        Organisation.objects.all()
        if user.is_superuser
        else Organisation.objects.filter(pk__in=Membership.objects.filter(user=user).values("organisation"))
    )
    memberships = list(organisations.values_list("pk", "kind", "training_sandbox"))
    audiences.append(user_audience(user.pk))
    audiences += [organisation_audience(pk) for pk, _kind, _sandbox in memberships]
    # A training sandbox's trainees read their sandbox only: nothing shared with all members or with a kind.
    real = [kind for _pk, kind, sandbox in memberships if sandbox is None]
    if real:
        audiences.append(MEMBERS)
    audiences += sorted({organisation_kind_audience(kind) for kind in real})
    return audiences


def search_audiences_shared(*, user, audiences: list[str]) -> list[str]:
    """The user's audiences without the user's own token when it opens nothing the others do not: the same
    results then, which readers of the same organisations can share (the results cache's key).

    The index is asked when the engine can tell (Whoosh); otherwise the audiences are kept whole.
    """
    own = user_audience(user.pk) if user.is_authenticated else None
    holds_only = getattr(connections["default"].get_backend(), "holds_only", None)
    if own not in audiences or holds_only is None:
        return audiences
    others = [audience for audience in audiences if audience != own]
    return audiences if holds_only("visibility", own, without=others) else others


def search_kind_labels() -> dict[str, str]:
    """Each indexed kind and its label, in the order the indexes were registered."""
    labels = {}
    for index in connections["default"].get_unified_index().get_indexes().values():
        labels.update(index.kind_labels())
    return labels


@dataclass(frozen=True)
class SearchFilters:
    kind: str = ""
    organisation: str = ""
    year: int | None = None
    sort: str = "relevance"
    facets: bool = field(default=True, compare=False)


def _year_range(year: int) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


def search_visible(*, user, audiences: list[str] | None = None) -> SearchQuerySet:
    """Every current item the user may read (`audiences`: the user's, if the caller has them already)."""
    if audiences is None:
        audiences = search_audiences_for(user=user)
    return SearchQuerySet().filter(visibility__in=audiences, expires__gt=timezone.now())


def query_has_words(query: str) -> bool:
    """Whether the query holds a word the index can match, exclusions ("-word") aside: punctuation, emoji, a
    single letter or stop words alone would otherwise match every item the user may read."""
    included = " ".join(word for word in query.split() if not word.startswith("-"))
    return any(True for _token in french_analyzer()(included))


def search_matching_ids(*, user, query: str, model, limit: int = 1000) -> list[int]:
    """Ids of the model's items the user may read that match the query as the search page would (accents and
    case ignored, plurals, every word), for pages that list those items from the database (the directory)."""
    if not query_has_words(query):
        return []
    results = search_visible(user=user).filter(content=AutoQuery(query)).models(model)
    return [int(result.pk) for result in results[:limit]]


def search_run(
    *, user, query: str, filters: SearchFilters = SearchFilters(), audiences: list[str] | None = None
) -> SearchQuerySet:
    """The items the user may read that match the query, narrowed by the filters, with facets by
    kind, organisation and year. User text only ever reaches the engine escaped (AutoQuery)."""
    if not query_has_words(query):
        return SearchQuerySet().none()
    results = search_visible(user=user, audiences=audiences).filter(content=AutoQuery(query))
    if filters.kind:
        results = results.filter(kind_exact=filters.kind)
    if filters.organisation:
        results = results.filter(organisation_exact=filters.organisation)
    if filters.year:
        start, end = _year_range(filters.year)
        results = results.filter(date__gte=start, date__lt=end)
    if filters.facets:
        now = timezone.localtime()
        results = (
            results.facet("kind")
            .facet("organisation")
            .date_facet(
                "date",
                start_date=datetime(FIRST_YEAR_SHOWN, 1, 1),
                end_date=datetime(now.year + 1, 1, 1),
                gap_by="year",
            )
        )
    if filters.sort == "date":
        results = results.order_by("-date")
    return results


def search_suggest(*, user, prefix: str, limit: int = 8) -> list:
    """Titles starting with the prefix among what the user may read, for the search box's completion."""
    return list(search_visible(user=user).autocomplete(title_auto=prefix)[:limit])


def organisation_names(*, slugs) -> dict[str, str]:
    """Display names of the organisations results and facets mention, in one query."""
    return dict(Organisation.objects.filter(slug__in=set(slugs) - {""}).values_list("slug", "name"))


def search_index_version() -> str | None:
    """A fingerprint of the search index that moves with every change indexed, for caches; None when the engine
    gives none (Elasticsearch)."""
    version = getattr(connections["default"].get_backend(), "index_version", None)
    return version() if version else None
