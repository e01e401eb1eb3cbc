"""The Atom feeds of the acts: valid XML, one entry per recent live act, the signed PDF as enclosure."""

import xml.etree.ElementTree as ET

import pytest

from extranet.acts.models import ActIndexPage
from tests.acts.factories import act

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own server's output)
    return feed, feed.findall(f"{ATOM}entry")


def test_the_overall_feed_has_every_organisation_s_live_acts(client, section, other_section):
    """/actes/flux/ is valid Atom with one entry per live act, drafts left out."""
    act(section, title="Budget primitif de Jargeau")
    act(other_section, title="Budget primitif de Darvoy")
    act(section, title="Projet", publish=False)

    feed, items = entries(client, ActIndexPage.objects.get().url + "flux/")

    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}title").text == "Actes officiels — Actes et délibérations"
    assert sorted(item.find(f"{ATOM}title").text for item in items) == [
        "Budget primitif de Darvoy",
        "Budget primitif de Jargeau",
    ]


def test_a_section_feed_has_its_organisation_s_acts_with_links_and_pdf(client, section, other_section):
    """/actes/jargeau/flux/ lists Jargeau's acts, each linking to its page and its signed PDF."""
    deliberation = act(section, title="Tarifs de la cantine", internal_id="2024-007")
    act(other_section, title="Acte de Darvoy")

    feed, [item] = entries(client, section.url + "flux/")

    links = {link.get("rel"): link for link in item.findall(f"{ATOM}link")}
    assert item.find(f"{ATOM}title").text == "Tarifs de la cantine"
    assert links["alternate"].get("href") == "http://testserver" + deliberation.url
    assert links["enclosure"].get("href") == "http://testserver" + deliberation.url + "acte.pdf"
    assert links["enclosure"].get("type") == "application/pdf"
    assert links["enclosure"].get("length") == str(deliberation.signed_pdf_size)
    assert "Délibération n° 2024-007 du 14 mars 2024, Jargeau" in item.find(f"{ATOM}summary").text
    assert item.find(f"{ATOM}author/{ATOM}name").text == "Jargeau"
    assert item.find(f"{ATOM}published") is not None
