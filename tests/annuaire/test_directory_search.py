"""The directory's search boxes find people and organisations as the search page does: accents, case, several words."""

import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.annuaire.factories import person_card
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def elodie(search_index, commune):
    user = UserFactory(first_name="Élodie", last_name="Lefèvre")
    return person_card(commune, user=user, card_visibility="members")


@pytest.mark.parametrize("query", ["Lefevre", "LEFÈVRE", "elodie", "Élodie Lefèvre", "lefevre elodie", "Lef"])
def test_a_person_is_found_without_accents_in_any_case_by_several_words(client, elodie, outsider, query):
    """A member finds Élodie Lefèvre however the name is typed; a part of it still works as before."""
    client.force_login(outsider)

    page = client.get(reverse("annuaire:person_list"), {"q": query}).content.decode()

    assert "Lefèvre" in page


def test_the_search_never_reveals_a_card_hidden_from_the_viewer(client, elodie):
    """A visitor does not find a card shown to members only, whichever way the name is typed."""
    page = client.get(reverse("annuaire:person_list"), {"q": "lefevre"}).content.decode()

    assert "Lefèvre" not in page


@pytest.mark.parametrize("query", ["orleans", "saint denis de l'hotel"])
def test_an_organisation_is_found_without_accents_and_hyphens(client, search_index, query):
    """ "orleans" finds Orléans and "saint denis de l'hotel" finds Saint-Denis-de-l'Hôtel."""
    OrganisationFactory(name="Orléans", slug="orleans", insee_code="45234")
    OrganisationFactory(name="Saint-Denis-de-l'Hôtel", slug="saint-denis-de-l-hotel", insee_code="45274")

    page = client.get(reverse("annuaire:organisation_list"), {"q": query}).content.decode()

    assert ("Orléans" if query == "orleans" else "Saint-Denis-de-l&#x27;Hôtel") in page
