import pytest
from haystack import connections
from haystack.query import SearchQuerySet

from extranet.organisations.models import Organisation
from tests.organisations.factories import OrganisationFactory


@pytest.fixture
def indexed_organisation(db):
    backend = connections["default"].get_backend()
    backend.clear()
    organisation = OrganisationFactory(
        name="Syndicat des écoles",
        kind="syndicat",
        insee_code="",
        description="Réunion intercommunale des élèves et des enseignants. Barrières de sécurité.",
    )
    index = connections["default"].get_unified_index().get_index(Organisation)
    backend.update(index, [organisation])
    yield organisation
    backend.clear()


@pytest.mark.parametrize(
    "query",
    ["reunion", "Réunion", "intercommunal", "eleves", "élève", "enseignant", "barrieres", "barrière", "securite"],
)
def test_french_words_match_without_accents_and_across_inflections(indexed_organisation, query):
    """Accent folding and French stemming let a plain query find the accented, inflected text."""
    results = SearchQuerySet().models(Organisation).auto_query(query)
    assert [result.pk for result in results] == [str(indexed_organisation.pk)]


def test_french_stop_words_alone_find_nothing(indexed_organisation):
    """A query made only of French stop words matches nothing rather than everything."""
    assert SearchQuerySet().models(Organisation).auto_query("des et").count() == 0
