"""Who edits a card: its owner and their organisation's admins; the organisation's limit bounds the choices."""

import pytest
from django.urls import reverse

from tests.annuaire.factories import organisation_profile

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "function": "Directrice générale des services",
        "service": "",
        "phone": "02 38 59 70 01",
        "mobile": "",
        "email": "",
        "card_visibility": "public",
        "function_visibility": "public",
        "phone_visibility": "members",
        "mobile_visibility": "organisation",
        "email_visibility": "members",
        "photo_visibility": "members",
    }
    return data | overrides


def test_a_person_edits_their_own_card(client, card):
    """The owner changes their function and sees it on their card."""
    client.force_login(card.user)
    response = client.post(reverse("annuaire:person_edit", args=[card.pk]), form_data())
    assert response.status_code == 302
    card.refresh_from_db()
    assert card.function == "Directrice générale des services"


def test_my_card_creates_the_card_under_the_first_organisation(client, member, commune):
    """A member without a card gets one under their organisation and lands on its form."""
    client.force_login(member)
    response = client.get(reverse("annuaire:my_card"))
    assert response.status_code == 302
    assert member.directory_card.organisation == commune


def test_my_card_tells_someone_without_organisation_why_there_is_none(client, superuser):
    """A platform administrator, member of no organisation, is sent to the directory with a reason, not a 404."""
    client.force_login(superuser)

    response = client.get(reverse("annuaire:my_card"), follow=True)

    assert response.status_code == 200
    assert "Votre fiche est créée quand vous rejoignez une organisation" in response.content.decode()


def test_an_organisation_admin_edits_a_members_card(client, card, admin):
    """Admins of the card's organisation edit their members' cards."""
    client.force_login(admin)
    assert client.post(reverse("annuaire:person_edit", args=[card.pk]), form_data()).status_code == 302


@pytest.mark.parametrize("persona", ["same_organisation", "other_organisation", "no_organisation"])
def test_others_cannot_open_the_form(client, card, personas, persona):
    """A plain member of the same organisation, or anyone outside, gets a 404, and the card is unchanged."""
    client.force_login(personas[persona])
    url = reverse("annuaire:person_edit", args=[card.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, form_data()).status_code == 404
    card.refresh_from_db()
    assert card.function == "Secrétaire de mairie"


def test_the_form_refuses_an_audience_wider_than_the_organisation_allows(client, card, commune):
    """With a members-only limit, "public" is not offered and a forged POST is refused in French."""
    organisation_profile(commune, widest_person_visibility="members")
    client.force_login(card.user)
    url = reverse("annuaire:person_edit", args=[card.pk])
    assert 'value="public"' not in client.get(url).content.decode()

    response = client.post(url, form_data(card_visibility="public"))
    assert response.status_code == 400
    assert "Sélectionnez un choix valide" in response.content.decode()


def test_an_invalid_phone_is_refused_with_a_french_message_and_keeps_the_input(client, card):
    """A malformed number is explained in French and the typed value is kept."""
    client.force_login(card.user)
    response = client.post(reverse("annuaire:person_edit", args=[card.pk]), form_data(phone="12 34"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "numéro français" in page
    assert 'value="12 34"' in page


def test_a_service_of_another_organisation_cannot_be_chosen(client, card, other_commune):
    """The service list only offers the card's organisation's services."""
    from annuaire.services import service_create

    foreign = service_create(organisation=other_commune, name="Voirie de Darvoy")
    client.force_login(card.user)
    response = client.post(reverse("annuaire:person_edit", args=[card.pk]), form_data(service=str(foreign.pk)))
    assert response.status_code == 400
    card.refresh_from_db()
    assert card.service is None


def test_login_is_required_to_edit(client, card):
    """Anonymous visitors are sent to the login page."""
    response = client.get(reverse("annuaire:person_edit", args=[card.pk]))
    assert response.status_code == 302
    assert "/connexion/" in response["Location"]
