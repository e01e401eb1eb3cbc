"""vCard 4.0: the serializer follows RFC 6350, and the downloads carry only the fields the viewer may read."""

import pytest
import vobject
from django.urls import reverse

from annuaire.vcard import escape, fold, person_vcard
from tests.annuaire.conftest import EXPECTED_FIELDS
from tests.annuaire.factories import MOBILE, PHONE, organisation_profile, person_card

MOBILE_URI = "tel:0612345678"
PHONE_URI = "tel:0238597001"


def test_text_values_are_escaped():
    """Backslashes, commas, semicolons and newlines are escaped (RFC 6350 §3.4)."""
    assert escape("a\\b,c;d\ne") == "a\\\\b\\,c\\;d\\ne"


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character():
    """Every physical line holds at most 75 octets, and unfolding gives back the line."""
    line = "NOTE:" + "é" * 100
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_a_vcard_parses_with_a_vcard_library():
    """vobject reads back the name, organisation and escaped function."""
    text = person_vcard(
        first_name="Zoé",
        last_name="L'Hôte",
        fields={"function": "Chargée d'études; voirie, réseaux", "phone": PHONE, "email": "zoe@jargeau.test"},
    )
    card = vobject.readOne(text)
    assert card.version.value == "4.0"
    assert card.fn.value == "Zoé L'Hôte"
    assert card.title.value == "Chargée d'études; voirie, réseaux"
    assert card.tel.value == PHONE_URI
    assert text.endswith("END:VCARD\r\n")


@pytest.mark.django_db
@pytest.mark.parametrize("persona", sorted(EXPECTED_FIELDS))
def test_the_person_vcard_carries_the_viewers_fields_only(client, card, personas, persona):
    """A private mobile never reaches the vCard of someone not allowed to read it."""
    user = personas[persona]
    if user.is_authenticated:
        client.force_login(user)
    response = client.get(reverse("annuaire:person_vcard", args=[card.pk]))
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    text = response.content.decode()
    vobject.readOne(text)
    assert "Camille Martin" in text
    assert (PHONE_URI in text) == ("phone" in EXPECTED_FIELDS[persona])
    assert (MOBILE_URI in text) == ("mobile" in EXPECTED_FIELDS[persona])
    assert ("camille.martin@jargeau.test" in text) == ("email" in EXPECTED_FIELDS[persona])


@pytest.mark.django_db
def test_a_hidden_card_has_no_vcard(client, commune, personas):
    """The vCard of a card kept to its organisation answers 404 outside it."""
    hidden = person_card(commune, card_visibility="organisation")
    client.force_login(personas["other_organisation"])
    assert client.get(reverse("annuaire:person_vcard", args=[hidden.pk])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "other_organisation", "same_organisation"])
def test_the_organisation_vcards_hold_the_visible_cards_and_fields(client, card, commune, personas, persona):
    """The organisation's file has its own card then one per visible person, each field filtered."""
    organisation_profile(commune, phone="02 38 59 70 00", internal_phone="02 38 59 70 99", address="1 place du Martroi")
    hidden = person_card(commune, card_visibility="organisation")
    user = personas[persona]
    if user.is_authenticated:
        client.force_login(user)
    text = client.get(reverse("annuaire:organisation_vcards", args=["jargeau"])).content.decode()
    cards = list(vobject.readComponents(text))
    names = [parsed.fn.value for parsed in cards]
    assert names[0] == "Jargeau" and "Camille Martin" in names
    assert (hidden.user.full_name in names) == (persona == "same_organisation")
    assert ("tel:0238597099" in text) == (persona != "anonymous")
    assert (MOBILE_URI in text) == (persona == "same_organisation")
    assert MOBILE not in text


@pytest.mark.django_db
def test_a_superscript_digit_as_service_is_ignored(client, card):
    """A service filter made of a non-decimal Unicode digit is ignored, not a server error."""
    response = client.get(reverse("annuaire:organisation_vcards", args=["jargeau"]), {"service": "²"})
    assert response.status_code == 200
    assert "Camille Martin" in response.content.decode()
