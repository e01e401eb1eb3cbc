"""Expired notices leave the listings and the feeds but stay reachable, marked as expired and not indexed."""

import pytest

from tests.notices.factories import notice
from tests.notices.helpers import page_text

pytestmark = pytest.mark.django_db

NOINDEX = '<meta name="robots" content="noindex">'


@pytest.fixture
def expired(commune):
    return notice(
        commune, title="Vigilance canicule", slug="vigilance-canicule", published_days_ago=40, expires_in_days=-10
    )


@pytest.fixture
def current(commune):
    return notice(commune, title="Coupure d'eau", slug="coupure-eau", published_days_ago=2, expires_in_days=5)


def test_an_expired_notice_leaves_the_listings(client, expired, current, section):
    """The index and the section list the current notice only."""
    for url in ("/communiques/", section.url):
        text = page_text(client.get(url))

        assert "Coupure d'eau" in text
        assert "Vigilance canicule" not in text


def test_the_expired_notices_checkbox_brings_them_back_marked(client, expired, current):
    """With "Afficher les avis expirés" ticked, the expired notice is listed with its expiry date."""
    response = client.get("/communiques/", {"show_expired": "on"})
    text = page_text(response)

    assert "Afficher les avis expirés" in text
    assert "Vigilance canicule" in text
    assert f"Expiré le {expired.expiry_date.day}" in text
    assert "Coupure d'eau" in text


def test_an_expired_notice_leaves_the_feeds(client, expired, current, section):
    """Neither the overall feed nor the organisation's feed carries the expired notice."""
    for url in ("/communiques/flux/", section.url + "flux/"):
        content = client.get(url).content.decode()

        assert "coupure-eau" in content
        assert "vigilance-canicule" not in content


def test_an_expired_notice_stays_reachable_with_a_french_notice_and_noindex(client, expired):
    """Its address still works, says "Expiré le …" and asks search engines not to index it."""
    response = client.get(expired.url)
    text = page_text(response)

    assert response.status_code == 200
    assert NOINDEX in text
    assert f"Expiré le {expired.expiry_date.day}" in text
    assert "Cet avis n'est plus en vigueur" in text


def test_a_current_notice_is_indexable_and_shows_its_validity(client, current):
    """A notice that has not expired carries no noindex and says until when it is valid."""
    text = page_text(client.get(current.url))

    assert NOINDEX not in text
    assert "Expiré" not in text
    assert "Valable jusqu'au" in text


def test_a_notice_is_listed_on_its_expiry_day(client, commune):
    """The expiry date is the last day of listing: the notice expires the day after."""
    notice(commune, title="Marché de Noël", slug="marche-de-noel", published_days_ago=3, expires_in_days=0)

    assert "Marché de Noël" in page_text(client.get("/communiques/"))
    assert "marche-de-noel" in client.get("/communiques/flux/").content.decode()
