"""The Atom feeds of the notices: overall and per organisation, valid XML that feed readers parse."""

from datetime import date

import pytest
from defusedxml import ElementTree

from extranet.notices.pages import NoticeKind
from tests.notices.factories import notice, section_of

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def parse(response):
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ElementTree.fromstring(response.content)


def test_the_overall_feed_parses_and_describes_each_notice(client, commune, other_commune):
    """Each entry has the notice's title, absolute link, summary, type, organisation and publication date."""
    notice(
        commune,
        title="Coupure d'eau rue Gambetta",
        slug="coupure",
        kind=NoticeKind.INFORMATION,
        publication_date=date(2026, 3, 2),
    )
    notice(other_commune, title="Fête du village", slug="fete", kind=NoticeKind.PRESS_RELEASE)

    feed = parse(client.get("/communiques/flux/"))
    entries = {entry.findtext("atom:title", namespaces=ATOM): entry for entry in feed.findall("atom:entry", ATOM)}

    assert feed.findtext("atom:title", namespaces=ATOM) == "Communiqués et avis"
    assert set(entries) == {"Coupure d'eau rue Gambetta", "Fête du village"}
    entry = entries["Coupure d'eau rue Gambetta"]
    assert entry.find("atom:link", ATOM).get("href") == "http://testserver/communiques/jargeau/coupure/"
    assert entry.findtext("atom:summary", namespaces=ATOM).startswith("L'eau sera coupée")
    assert entry.find("atom:category", ATOM).get("term") == "Information"
    assert entry.findtext("atom:author/atom:name", namespaces=ATOM) == "Jargeau"
    assert entry.findtext("atom:published", namespaces=ATOM).startswith("2026-03-02T00:00:00+01:00")


def test_an_organisation_feed_carries_its_notices_only(client, commune, other_commune):
    """Jargeau's feed has Jargeau's title and entries, not Darvoy's."""
    notice(commune, title="Coupure d'eau", slug="coupure")
    notice(other_commune, title="Fête du village", slug="fete")

    feed = parse(client.get(section_of(commune).url + "flux/"))

    assert feed.findtext("atom:title", namespaces=ATOM) == "Communiqués et avis : Jargeau"
    assert [entry.findtext("atom:title", namespaces=ATOM) for entry in feed.findall("atom:entry", ATOM)] == [
        "Coupure d'eau"
    ]


def test_an_empty_feed_is_still_valid(client, db):
    """Without any notice the feed is a valid Atom document with no entry."""
    feed = parse(client.get("/communiques/flux/"))

    assert feed.findall("atom:entry", ATOM) == []
