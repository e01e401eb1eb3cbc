"""The Atom feeds of the directory and of each provider, announced in the pages' head."""

import xml.etree.ElementTree as ET

import pytest

from tests.aids.factories import aid, days

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own server's output)
    assert feed.tag == f"{ATOM}feed"
    return {entry.findtext(f"{ATOM}title"): entry for entry in feed.findall(f"{ATOM}entry")}


@pytest.fixture
def published(departement, syndicat):
    aid(departement, title="Aide à l'investissement des communes rurales")
    aid(departement, title="Fonds pour le patrimoine rural", submission_deadline=days(-1))
    aid(syndicat, title="Fonds de soutien à la numérisation des écoles")


def test_the_directory_feed_lists_open_aids(client, published):
    """The feed is valid Atom with one entry per open aid, each linking to its page; closed aids are absent."""
    found = entries(client.get("/aides/flux/"))

    assert set(found) == {
        "Aide à l'investissement des communes rurales",
        "Fonds de soutien à la numérisation des écoles",
    }
    link = found["Fonds de soutien à la numérisation des écoles"].find(f"{ATOM}link").get("href")
    assert link.startswith("http://testserver/aides/loiret-numerique/")


def test_a_provider_feed_lists_its_aids_only(client, published):
    """/aides/loiret-numerique/flux/ has the syndicate's aids only."""
    found = entries(client.get("/aides/loiret-numerique/flux/"))

    assert set(found) == {"Fonds de soutien à la numérisation des écoles"}


@pytest.mark.parametrize(("page", "feed"), [("/aides/", "/aides/flux/"), ("/aides/loiret/", "/aides/loiret/flux/")])
def test_pages_announce_their_feed(client, published, page, feed):
    """The listing pages declare their feed with <link rel="alternate">."""
    html = client.get(page).content.decode()

    assert '<link rel="alternate" type="application/atom+xml" title="' in html
    assert f'href="{feed}">' in html
