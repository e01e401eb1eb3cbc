"""The Atom feeds of the job board and of each organisation, announced in the pages' head."""

import xml.etree.ElementTree as ET

import pytest

from tests.jobs.factories import expired_offer, offer

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entry_titles(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own server's output)
    assert feed.tag == f"{ATOM}feed"
    return {entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")}


@pytest.fixture
def offers(departement, montargis):
    offer(departement, title="Agent d'exploitation des routes")
    offer(montargis, title="Animateur périscolaire")
    expired_offer(montargis, title="Secrétaire général de mairie")


def test_the_board_feed_lists_open_offers(client, offers):
    """The feed is valid Atom with the open offers; the expired one is absent."""
    assert entry_titles(client.get("/emplois/flux/")) == {"Agent d'exploitation des routes", "Animateur périscolaire"}


def test_an_organisation_feed_lists_its_offers_only(client, offers):
    """/emplois/montargis/flux/ has Montargis's open offers only."""
    assert entry_titles(client.get("/emplois/montargis/flux/")) == {"Animateur périscolaire"}


@pytest.mark.parametrize(
    ("page", "feed"), [("/emplois/", "/emplois/flux/"), ("/emplois/montargis/", "/emplois/montargis/flux/")]
)
def test_pages_announce_their_feed(client, offers, page, feed):
    """The listing pages declare their feed with <link rel="alternate">."""
    html = client.get(page).content.decode()

    assert '<link rel="alternate" type="application/atom+xml" title="' in html
    assert f'href="{feed}">' in html


def test_an_offer_past_its_expiry_leaves_the_feed_when_the_scheduled_job_runs(client, montargis):
    """Wagtail's expiry date takes effect through `publish_scheduled`, which the deployment runs every 5 minutes."""
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    expiring = offer(montargis, title="Saisonnier des espaces verts")
    expiring.expire_at = timezone.now() - timedelta(minutes=1)
    expiring.save()

    call_command("publish_scheduled")

    assert entry_titles(client.get("/emplois/flux/")) == set()
    assert client.get(expiring.url).status_code == 404
