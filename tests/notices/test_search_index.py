"""The search index of notices: live, public, unexpired notices, with their organisation and full text."""

import pytest
from haystack import connections
from haystack.query import SearchQuerySet
from wagtail.models import PageViewRestriction

from extranet.notices.pages import NoticePage
from tests.notices.factories import notice

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_index():
    return connections["default"].get_unified_index().get_index(NoticePage)


@pytest.fixture
def backend():
    backend = connections["default"].get_backend()
    backend.clear()
    yield backend
    backend.clear()


def test_only_live_public_unexpired_notices_are_indexed(search_index, commune):
    """Drafts, expired and restricted notices stay out of the index's queryset."""
    current = notice(commune, title="Coupure d'eau", slug="coupure")
    notice(commune, title="Brouillon", slug="brouillon", publish=False)
    notice(commune, title="Canicule", slug="canicule", published_days_ago=30, expires_in_days=-2)
    private = notice(commune, title="Note interne", slug="note-interne")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert list(search_index.index_queryset()) == [current]


def test_a_notice_is_prepared_with_its_organisation_and_visibility(search_index, commune):
    """The document carries the organisation's slug, the publication date, the public visibility and the text."""
    created = notice(commune, title="Coupure d'eau rue Gambetta", slug="coupure")
    indexed = search_index.index_queryset().get()

    prepared = search_index.full_prepare(indexed)

    assert prepared["organisation"] == "jargeau"
    assert prepared["visibility"] == ["public"]
    assert prepared["title"] == "Coupure d'eau rue Gambetta"
    assert prepared["date"] == created.publication_datetime
    for words in ("Coupure d'eau rue Gambetta", "Information", "Jargeau", "L'eau sera coupée", "place du Martroi"):
        assert words in prepared["text"]


def test_a_notice_prepared_alone_finds_its_organisation(search_index, commune):
    """Indexing a single notice (without the queryset's annotations) still finds its organisation."""
    created = notice(commune, slug="coupure")

    assert search_index.full_prepare(NoticePage.objects.get(pk=created.pk))["organisation"] == "jargeau"


def test_the_french_search_finds_a_notice(search_index, backend, commune):
    """Indexed, the notice is found by a French query without accents."""
    created = notice(commune, title="Fermeture de la déchetterie", slug="dechetterie")
    backend.update(search_index, search_index.index_queryset())

    results = SearchQuerySet().models(NoticePage).filter(visibility="public").auto_query("dechetterie")

    assert [result.pk for result in results] == [str(created.pk)]
