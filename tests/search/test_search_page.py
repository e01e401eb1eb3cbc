"""The search page: snippets, facets, sorting, paging, and clear answers to odd input."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from extranet.acts.models import ActSectionPage
from tests.acts.factories import act
from tests.search.factories import WORD

pytestmark = pytest.mark.django_db

URL = reverse("search:search")


def test_results_show_type_organisation_date_and_a_marked_snippet(world, client):
    """Each result names its kind and organisation, gives its date and marks the words found, accents folded."""
    response = client.get(URL, {"q": "VOIRIE communales"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Réfection de la <mark>voirie</mark> <mark>communale</mark>" in html
    assert '<span class="tag">Acte</span>' in html
    assert "Jargeau" in html
    assert '<time datetime="2024-03-14' in html
    assert "Réunion des agents" not in html  # a private page, and the visitor is anonymous


def test_facets_narrow_the_results_and_can_be_removed(world, client):
    """A facet link keeps the query, filters on its value, and the active one links back without it."""
    response = client.get(URL, {"q": WORD, "kind": "notice"})
    html = response.content.decode()

    assert world["notice"].title in html and world["act"].title not in html
    assert 'href="?q=voirie" aria-current="true"' in html


def test_the_year_facet_filters_on_the_item_date(world, client):
    """The 2024 act is the only result of 2024."""
    response = client.get(URL, {"q": WORD, "year": 2024})

    assert [row["title"] for row in response.context["found"]["results"]] == [world["act"].title]


def test_sorting_by_date_puts_the_newest_first(world, client):
    """Sorted by date, the 2024 act comes after the items published this year."""
    rows = client.get(URL, {"q": WORD, "sort": "date"}).context["found"]["results"]

    assert rows[-1]["title"] == world["act"].title
    assert [row["date"] for row in rows] == sorted((row["date"] for row in rows), reverse=True)


def test_pages_of_twenty_and_an_out_of_range_page_shows_the_last(search_index, commune, client):
    """25 matching acts make two pages; page 99 or page "abc" answer a real page, not an error."""
    section = ActSectionPage.objects.get(organisation=commune)
    for number in range(25):
        act(section, title=f"Entretien de la voirie, tranche {number}")

    first = client.get(URL, {"q": WORD})
    last = client.get(URL, {"q": WORD, "page": 99})
    junk = client.get(URL, {"q": WORD, "page": "abc"})

    assert len(first.context["found"]["results"]) == 20 and first.context["found"]["page_obj"].paginator.count == 25
    assert last.status_code == 200 and len(last.context["found"]["results"]) == 5
    assert junk.status_code == 200 and junk.context["found"]["page_obj"].number == 1
    assert 'href="?q=voirie&amp;page=2"' in first.content.decode()


def test_no_results_suggests_what_to_try(world, client):
    """A query matching nothing says so, offers advice and a search without the filters."""
    response = client.get(URL, {"q": "photovoltaïque", "kind": "act"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Aucun résultat" in html
    assert 'href="?q=photovolta%C3%AFque"' in html


def test_an_empty_query_explains_what_to_type(client):
    """No query, no search: the page explains what can be found."""
    response = client.get(URL, {"q": "   "})

    assert response.status_code == 200
    assert "results" not in response.context
    assert "Saisissez un ou plusieurs mots" in response.content.decode()


@pytest.mark.parametrize("query", ["%", "*", "()[]{}", "😀", "!!!,,,;;;", "x", "de la du", "-voirie"])
def test_a_query_without_a_word_finds_nothing(world, client, query):
    """Punctuation, an emoji, one letter, stop words or only an exclusion match nothing, not every item."""
    response = client.get(URL, {"q": query})

    assert response.status_code == 200
    assert response.context["found"]["page_obj"].paginator.count == 0
    assert "Aucun résultat" in response.content.decode()


def test_a_very_long_query_is_shortened_with_a_message(world, client):
    """10,000 characters are cut to 200 at a word boundary, searched, and the visitor is told."""
    response = client.get(URL, {"q": "voirie " * 1500})

    assert response.status_code == 200
    assert len(response.context["query"]) <= 200
    assert "200 premiers caractères" in response.content.decode()
    assert response.context["found"]["page_obj"].paginator.count == 5


@pytest.mark.parametrize("query", ['"', '"voirie', "*", "voirie*", "AND(", "OR", "NOT voirie", "title:", "\\", "a:b:c"])
def test_query_syntax_characters_never_break_the_page(world, client, query):
    """Characters of the engine's query language are searched as text, never as syntax: no error."""
    assert client.get(URL, {"q": query}).status_code == 200


def test_invalid_filters_are_reported_and_ignored(world, client):
    """An unknown type or a year out of range gets a French message; the search still runs."""
    response = client.get(URL, {"q": WORD, "kind": "nope", "year": "1850"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Certains filtres n’étaient pas valides" in html
    assert response.context["found"]["page_obj"].paginator.count == 5


def test_the_query_count_does_not_grow_with_the_results(search_index, commune, member, client):
    """Results are read from the index: 2 or 20 results cost a member the same few SQL queries."""
    section = ActSectionPage.objects.get(organisation=commune)
    client.force_login(member)

    def queries_for_search() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(URL, {"q": WORD})
        return len(captured)

    for number in range(2):
        act(section, title=f"Voirie {number}")
    few = queries_for_search()
    for number in range(2, 20):
        act(section, title=f"Voirie {number}")

    assert queries_for_search() == few <= 13
