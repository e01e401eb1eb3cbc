"""The text indexed for each item is the plain text people typed: no HTML entity, no name twice."""

import pytest

from documents.search_indexes import DocumentIndex
from extranet.ads.search_indexes import AdIndex
from extranet.organisations.search_indexes import OrganisationIndex
from forums.search_indexes import ForumPostIndex
from tests.ads.factories import ad
from tests.documents.factories import document
from tests.forums.factories import reply, shared_forum, topic
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def text_of(index, obj) -> str:
    return index.full_prepare(obj)["text"]


def test_apostrophes_and_ampersands_are_indexed_as_typed(commune, member):
    """ "Saint-Denis-de-l'Hôtel", "Prêt d'une nacelle" and "Q&R" reach the index without &#x27; or &amp;."""
    town = OrganisationFactory(name="Saint-Denis-de-l'Hôtel", slug="saint-denis", insee_code="45274")
    post = topic(
        shared_forum("Numérique"), poster=member, subject="Q&R d'usage", content="L'école <b>ferme</b>"
    ).first_post
    texts = [text_of(OrganisationIndex(), town), text_of(ForumPostIndex(), post), text_of(AdIndex(), ad(commune))]

    assert "Saint-Denis-de-l'Hôtel" in texts[0]
    assert "Q&R d'usage" in texts[1] and "L'école <b>ferme</b>" in texts[1]
    assert "Prêt d'une nacelle" in texts[2]
    assert not any("&#x27;" in text or "&amp;" in text for text in texts)


def test_a_post_names_its_topic_once(member):
    """The first post and a "Re:" reply start with the topic's subject once, so their snippets do too."""
    first = topic(shared_forum("Numérique"), poster=member, subject="Fibre optique", content="Où en êtes-vous ?")
    answer = reply(first, poster=member, content="Raccordés en mars.")

    assert text_of(ForumPostIndex(), first.first_post).count("Fibre optique") == 1
    assert text_of(ForumPostIndex(), answer).count("Fibre optique") == 1


def test_a_document_named_by_its_file_names_it_once(commune, member):
    """A document whose title is its file's name does not repeat it."""
    item = document(commune, user=member, name="budget.pdf")

    assert text_of(DocumentIndex(), item).count("budget.pdf") == 1


def test_every_index_template_turns_autoescaping_off():
    """A new index template that forgot it would index "d&#x27;" and show it in snippets."""
    from pathlib import Path

    from django.conf import settings

    root = Path(settings.BASE_DIR)
    templates = [
        path
        for path in root.glob("**/templates/search/indexes/**/*.txt")
        if ".venv" not in path.parts and "node_modules" not in path.parts
    ]

    assert templates
    assert [path for path in templates if not path.read_text().startswith("{% autoescape off %}")] == []
