"""The people directory's pages show each visitor exactly the card fields they may read."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.annuaire.conftest import EXPECTED_FIELDS
from tests.annuaire.factories import MOBILE, PHONE, new_user, person_card

pytestmark = pytest.mark.django_db

FIELD_TEXT = {
    "function": "Secrétaire de mairie",
    "phone": PHONE,
    "mobile": MOBILE,
    "email": "camille.martin@jargeau.test",
}


def get_as(client, user, url):
    if user.is_authenticated:
        client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize("persona", sorted(EXPECTED_FIELDS))
def test_the_card_page_shows_each_visitor_their_fields_only(client, card, personas, persona):
    """A private mobile or a members-only phone never reaches the HTML of someone not allowed to read it."""
    page = get_as(client, personas[persona], reverse("annuaire:person_detail", args=[card.pk])).content.decode()
    assert "Camille Martin" in page
    for field, text in FIELD_TEXT.items():
        assert (text in page) == (field in EXPECTED_FIELDS[persona]), field


@pytest.mark.parametrize("persona", sorted(EXPECTED_FIELDS))
def test_the_people_list_shows_each_visitor_their_fields_only(client, card, personas, persona):
    """The listing applies the same per-field rules as the card page."""
    page = get_as(client, personas[persona], reverse("annuaire:person_list")).content.decode()
    assert "Camille Martin" in page
    for field in ("phone", "email"):
        assert (FIELD_TEXT[field] in page) == (field in EXPECTED_FIELDS[persona]), field
    assert MOBILE not in page


def test_a_hidden_card_answers_404_like_a_missing_one(client, commune, personas):
    """A card kept to its organisation is missing for a member of another one, and absent from the list."""
    hidden = person_card(
        commune, user=new_user(first_name="Yolande", last_name="Quintaval"), card_visibility="organisation"
    )
    client.force_login(personas["other_organisation"])

    assert client.get(reverse("annuaire:person_detail", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("annuaire:person_detail", args=[999_999])).status_code == 404
    assert hidden.user.last_name not in client.get(reverse("annuaire:person_list")).content.decode()


def test_the_people_list_filters_by_name(client, card, commune):
    """The search box narrows the list to matching names."""
    other = person_card(commune, user=new_user(first_name="Louise", last_name="Bernard"), card_visibility="public")
    page = client.get(reverse("annuaire:person_list"), {"q": "martin"}).content.decode()
    assert "Camille Martin" in page
    assert other.user.full_name not in page


def test_the_people_list_runs_a_constant_number_of_queries(client, commune, other_commune, member):
    """Twenty cards of two organisations cost as many queries as two cards."""
    client.force_login(member)

    def queries_for_list():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("annuaire:person_list")).status_code == 200
        return len(queries)

    def add_cards(count):
        for index in range(count):
            person_card(commune if index % 2 else other_commune, card_visibility="members", function=f"Agent {index}")

    add_cards(2)
    few = queries_for_list()
    add_cards(18)
    assert queries_for_list() == few


def test_a_person_who_leaves_the_organisation_leaves_its_directory(client, card, commune, other_commune):
    """Once the membership ends the card is gone; joining another organisation republishes it there."""
    from extranet.organisations.services import membership_remove
    from tests.organisations.factories import membership

    membership(other_commune, user=card.user)
    membership_remove(membership=card.user.memberships.get(organisation=commune))
    assert client.get(reverse("annuaire:person_detail", args=[card.pk])).status_code == 404
    assert (
        "Camille Martin" not in client.get(reverse("annuaire:organisation_detail", args=["jargeau"])).content.decode()
    )

    client.force_login(card.user)
    client.get(reverse("annuaire:my_card"))
    card.refresh_from_db()
    assert card.organisation == other_commune
