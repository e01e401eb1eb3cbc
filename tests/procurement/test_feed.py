"""The Atom feeds list the open notices, announced in the listing pages' head."""

import xml.etree.ElementTree as ET

import pytest

from tests.procurement.factories import closed_notice, notice

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entry_titles(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own server's output)
    return {entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")}


def test_the_feeds_list_open_notices_only(client, departement, montargis):
    """The index's feed has every open notice, a section's its own; the closed one is absent from both."""
    notice(departement, title="Renforcement de la RD 2060")
    notice(montargis, title="Denrées pour la cantine")
    closed_notice(montargis, title="Toiture de l'école")

    assert entry_titles(client.get("/marches-publics/flux/")) == {
        "Renforcement de la RD 2060",
        "Denrées pour la cantine",
    }
    assert entry_titles(client.get("/marches-publics/montargis/flux/")) == {"Denrées pour la cantine"}
    assert 'href="/marches-publics/flux/">' in client.get("/marches-publics/").content.decode()
