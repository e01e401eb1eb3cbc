"""The search index holds open public offers only; an expired offer is neither indexed nor returned."""

import pytest

from extranet.jobs.search_indexes import JobOfferPageIndex
from tests.jobs.factories import expired_offer, offer

pytestmark = pytest.mark.django_db


def test_only_open_offers_are_indexed(montargis):
    """index_queryset and read_queryset leave expired and draft offers out."""
    open_offer = offer(montargis, title="Animateur périscolaire")
    expired_offer(montargis, title="Secrétaire général de mairie")
    offer(montargis, title="Brouillon", publish=False)
    index = JobOfferPageIndex()

    assert list(index.index_queryset()) == [open_offer]
    assert list(index.read_queryset()) == [open_offer]


def test_the_indexed_document_carries_the_public_fields(montargis):
    """The indexed fields: text, title, organisation slug, publication date and public visibility."""
    open_offer = offer(montargis, title="Animateur périscolaire")

    prepared = JobOfferPageIndex().full_prepare(open_offer)

    assert prepared["organisation"] == "montargis"
    assert prepared["visibility"] == ["public"]
    assert prepared["title"] == "Animateur périscolaire"
    assert "Montargis" in prepared["text"]
