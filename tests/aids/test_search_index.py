"""The search index holds live public aids with the fields the search pages need."""

import pytest

from extranet.aids.search_indexes import AidPageIndex
from tests.aids.factories import aid, days

pytestmark = pytest.mark.django_db


def test_only_live_aids_are_indexed(departement):
    """Drafts stay out of the index; closed aids stay in it as references."""
    open_aid = aid(departement, title="Aide à l'investissement")
    closed_aid = aid(departement, title="Fonds pour le patrimoine rural", submission_deadline=days(-1))
    aid(departement, title="Brouillon", publish=False)

    assert set(AidPageIndex().index_queryset()) == {open_aid, closed_aid}


def test_the_indexed_document_carries_the_public_fields(departement):
    """The indexed fields: text with the themes, title, provider slug, publication date, public visibility."""
    prepared = AidPageIndex().full_prepare(aid(departement, title="Aide à l'investissement", themes=["culture"]))

    assert prepared["organisation"] == "loiret"
    assert prepared["visibility"] == ["public"]
    assert prepared["date"] is not None
    assert "Culture et patrimoine" in prepared["text"]
    assert "Département du Loiret" in prepared["text"]
