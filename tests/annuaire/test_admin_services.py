"""The Wagtail admin's org chart screen: the platform's administrators manage any organisation's services."""

import pytest
from django.urls import reverse

from annuaire.models import PersonCard, Service
from annuaire.services import service_create
from tests.annuaire.factories import person_card

pytestmark = pytest.mark.django_db


@pytest.fixture
def direction(commune):
    return service_create(organisation=commune, name="Direction générale")


def test_the_listing_shows_every_organisations_services_in_tree_order(
    client, superuser, direction, commune, other_commune
):
    """Services are listed by organisation then by their place in the tree, and can be narrowed to one organisation."""
    service_create(organisation=commune, name="Voirie", parent=direction)
    service_create(organisation=other_commune, name="Secrétariat de Darvoy")
    client.force_login(superuser)
    page = client.get(reverse("annuaire_services:index")).content.decode()
    assert page.index("Direction générale") < page.index("Voirie")
    assert "Secrétariat de Darvoy" in page
    narrowed = client.get(reverse("annuaire_services:index"), {"organisation": direction.organisation_id})
    assert "Secrétariat de Darvoy" not in narrowed.content.decode()


def test_adding_a_service_inside_another_keeps_a_valid_tree(client, superuser, direction, commune):
    """The add form goes through the tree service: the new service is a child of its parent."""
    client.force_login(superuser)
    response = client.post(
        reverse("annuaire_services:add"), {"organisation": commune.pk, "name": "Finances", "parent": direction.pk}
    )
    assert response.status_code == 302
    finances = Service.objects.get(name="Finances")
    assert finances.get_parent() == direction
    assert Service.find_problems() == ([], [], [], [], [])


def test_a_parent_of_another_organisation_is_refused(client, superuser, direction, other_commune):
    """A service cannot be added under another organisation's service."""
    client.force_login(superuser)
    response = client.post(
        reverse("annuaire_services:add"), {"organisation": other_commune.pk, "name": "Intrus", "parent": direction.pk}
    )
    assert response.status_code == 200
    assert "Choisissez un service de la même organisation" in response.content.decode()
    assert not Service.objects.filter(name="Intrus").exists()


def test_renaming_and_deleting_go_through_the_services(client, superuser, direction, commune):
    """A rename keeps the tree; a deletion leaves the people in the service without one."""
    card = person_card(commune, service=direction)
    client.force_login(superuser)
    response = client.post(reverse("annuaire_services:edit", args=[direction.pk]), {"name": "Direction des services"})
    assert response.status_code == 302
    direction.refresh_from_db()
    assert (direction.name, direction.depth) == ("Direction des services", 1)

    assert client.post(reverse("annuaire_services:delete", args=[direction.pk])).status_code == 302
    assert not Service.objects.exists()
    assert PersonCard.objects.get(pk=card.pk).service is None


def test_an_organisation_admin_cannot_open_the_screen(client, admin, direction):
    """Organisation admins edit their chart on the site; the admin screen needs the platform's permissions."""
    client.force_login(admin)
    response = client.get(reverse("annuaire_services:index"))
    assert response.status_code in (302, 403)
    assert "Direction générale" not in response.content.decode()


def test_people_are_found_under_the_services_new_name_and_not_under_a_deleted_one(search_index, direction, commune):
    """Renaming or deleting a service re-indexes the search entries of its people, which carry its name."""
    from django.contrib.auth.models import AnonymousUser

    from annuaire.services import service_delete, service_rename
    from extranet.search.selectors import search_run

    person_card(commune, service=direction, card_visibility="public", function_visibility="public")

    def found(query):
        return [result for result in search_run(user=AnonymousUser(), query=query) if result.kind == "person"]

    service_rename(service=direction, name="Pôle ressources")
    assert len(found("ressources")) == 1
    service_delete(service=direction)
    assert found("ressources") == []
