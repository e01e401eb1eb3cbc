"""The Whoosh backend's fast search: filters as unscored sets, searcher and facet tables kept, same answers."""

import pytest
from django.contrib.auth.models import AnonymousUser
from haystack import connections
from haystack.backends.whoosh_backend import WhooshSearchBackend

from extranet.search.backends import FrenchWhooshSearchBackend
from extranet.search.selectors import SearchFilters, search_run
from tests.notices.factories import notice
from tests.search.factories import WORD

pytestmark = pytest.mark.django_db


def answer(user, query=WORD, *, ordered=False, **filters) -> dict:
    """What the search page shows of a search: the items (in order, or as a set), the count and the facets."""
    results = search_run(user=user, query=query, filters=SearchFilters(**filters))
    count = results.count()
    items = [(result.model_name, result.pk) for result in results[:20]]
    return {"items": items if ordered else sorted(items), "count": count, "facets": results.facet_counts()}


def haystack_answer(monkeypatch, user, query=WORD, **kwargs) -> dict:
    """The same with haystack's own Whoosh search, where every filter is a scored clause."""
    with monkeypatch.context() as patch:
        patch.setattr(FrenchWhooshSearchBackend, "search", WhooshSearchBackend.search)
        return answer(user, query, **kwargs)


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"kind": "notice"},
        {"organisation": "jargeau"},
        {"kind": "space"},
        {"sort": "date"},
        {"facets": False},
        {"kind": "nothing-of-this-kind"},
    ],
)
def test_a_member_gets_the_items_count_and_facets_of_haystacks_own_search(world, member, monkeypatch, filters):
    """Public items and the member's private one, counted and faceted exactly as haystack's Whoosh search does."""
    fast = answer(member, **filters)

    assert fast == haystack_answer(monkeypatch, member, **filters)
    assert fast["count"] == len(fast["items"])


def test_the_visitor_gets_haystacks_relevance_order(world, commune, monkeypatch):
    """Items everyone may read come in the order haystack ranks them, the filters adding nothing to scores:
    for one word, several words, a phrase, an exclusion, with filters, tied scores and a removed item."""
    visitor = AnonymousUser()
    for _number in range(3):
        notice(commune, title="Voirie : fermeture du pont")
    world["job"].delete()
    searches = [
        ("voirie", {}),
        ("voirie", {"kind": "notice"}),
        ("voirie", {"organisation": "loiret"}),
        ("voirie communale", {}),
        ("travaux voirie rue", {}),
        ('"fermeture du pont"', {}),
        ("voirie -pont", {}),
    ]
    for query, filters in searches:
        fast = answer(visitor, query, ordered=True, **filters)

        assert fast == haystack_answer(monkeypatch, visitor, query, ordered=True, **filters), (query, filters)
        assert fast["count"] == len(fast["items"]) > 0, (query, filters)


def test_items_of_another_organisation_stay_out(world, member):
    """Darvoy's private article is not among a Jargeau member's results, nor in the counts."""
    fast = answer(member)

    assert ("spacearticlepage", str(world["other_private"].pk)) not in fast["items"]
    assert ("spacearticlepage", str(world["private"].pk)) in fast["items"]
    assert fast["count"] == 6


def test_a_search_without_facets_counts_every_match(world, member):
    """The count of a search without facets is the number of items found, not of those scored first."""
    results = search_run(user=member, query=WORD, filters=SearchFilters(facets=False))

    assert results.count() == len(list(results)) == 6


def test_the_next_search_sees_what_was_just_indexed_or_removed(world, member, commune):
    """The searcher kept between searches is replaced once the index changes."""
    assert answer(member)["count"] == 6
    extra = notice(commune, title="Fermeture de la voirie du pont")

    assert answer(member)["count"] == 7
    extra.delete()

    assert answer(member)["count"] == 6


def test_pages_after_the_count_are_those_of_haystacks_own_search(world, member, commune, monkeypatch):
    """Counting then reading page after page reuses one search yet gives haystack's pages."""
    for number in range(4):
        notice(commune, title=f"Voirie : arrêté de circulation n° {number}")

    def pages():
        results = search_run(user=member, query=WORD, filters=SearchFilters(sort="date"))
        return results.count(), [[result.pk for result in results[start : start + 3]] for start in (0, 3, 6, 9)]

    fast = pages()
    with monkeypatch.context() as patch:
        patch.setattr(FrenchWhooshSearchBackend, "search", WhooshSearchBackend.search)
        assert fast == pages()
    assert fast[0] == 10 and len(fast[1][3]) == 1


def test_the_index_keeps_no_spelling_words(search_index):
    """Spelling suggestions are off, so the index writes no spelling field for the text."""
    backend = connections["default"].get_backend()
    backend.setup()

    assert f"spell_{backend.content_field_name}" not in backend.schema
