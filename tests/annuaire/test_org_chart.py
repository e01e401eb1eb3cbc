"""The org chart: a nested list of services with the people each visitor may see, edited by admins."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annuaire.models import Service
from annuaire.services import service_create, service_move
from tests.annuaire.factories import person_card

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(commune):
    """Direction générale → (Finances, Technique → Voirie)."""
    direction = service_create(organisation=commune, name="Direction générale")
    return {
        "direction": direction,
        "finances": service_create(organisation=commune, name="Finances", parent=direction),
        "technique": (technique := service_create(organisation=commune, name="Services techniques", parent=direction)),
        "voirie": service_create(organisation=commune, name="Voirie", parent=technique),
    }


def names_in_order(organisation):
    return [
        (service.depth, service.name) for service in Service.objects.filter(organisation=organisation).order_by("path")
    ]


def test_the_chart_is_a_nested_list_with_the_visible_people(client, commune, tree):
    """Voirie is nested in Services techniques; a public card appears in its service, a members-only one does not."""
    shown = person_card(commune, service=tree["voirie"], card_visibility="public", function_visibility="public")
    hidden = person_card(commune, service=tree["voirie"], card_visibility="members")
    page = client.get(reverse("annuaire:org_chart", args=["jargeau"])).content.decode()
    technique = page.index("Services techniques")
    assert page.index("<ul>", technique) < page.index("Voirie", technique)
    assert shown.user.full_name in page
    assert hidden.user.full_name not in page


def test_the_printable_chart_has_no_site_navigation(client, commune, tree):
    """The printable page holds the tree without the header."""
    page = client.get(reverse("annuaire:org_chart_print", args=["jargeau"])).content.decode()
    assert "Voirie" in page and "site-header" not in page


def test_the_chart_runs_a_constant_number_of_queries(client, commune, tree):
    """Ten more people and services cost no more queries."""

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("annuaire:org_chart", args=["jargeau"]))
        return len(captured)

    person_card(commune, service=tree["voirie"], card_visibility="public", function_visibility="public")
    few = queries()
    for index in range(10):
        service = service_create(organisation=commune, name=f"Unité {index}", parent=tree["finances"])
        person_card(commune, service=service, card_visibility="public", function_visibility="public")
    assert queries() == few


def test_moves_from_stale_copies_keep_a_valid_tree(commune, tree):
    """Two admins moving services from pages loaded before each other's move leave a consistent tree."""
    stale_voirie = Service.objects.get(pk=tree["voirie"].pk)
    stale_finances = Service.objects.get(pk=tree["finances"].pk)
    stale_technique = Service.objects.get(pk=tree["technique"].pk)

    service_move(service=stale_technique, target=stale_finances, position="left")
    service_move(service=stale_voirie, target=stale_finances, position="last-child")

    assert Service.find_problems() == ([], [], [], [], [])
    assert names_in_order(commune) == [
        (1, "Direction générale"),
        (2, "Services techniques"),
        (2, "Finances"),
        (3, "Voirie"),
    ]


def test_a_service_cannot_move_under_itself_or_to_another_organisation(commune, other_commune, tree):
    """Refused moves raise a validation error and leave the tree unchanged."""
    from django.core.exceptions import ValidationError

    foreign = service_create(organisation=other_commune, name="Voirie de Darvoy")
    before = names_in_order(commune)
    with pytest.raises(ValidationError):
        service_move(service=tree["technique"], target=tree["voirie"], position="last-child")
    with pytest.raises(ValidationError):
        service_move(service=tree["voirie"], target=foreign, position="left")
    assert names_in_order(commune) == before


def test_an_admin_adds_and_moves_services_through_the_page(client, commune, admin, tree):
    """The forms add a service under Finances, then move it before Finances."""
    client.force_login(admin)
    url = reverse("annuaire:service_manage", args=["jargeau"])
    response = client.post(url, {"action": "create", "create-name": "Paie", "create-parent": tree["finances"].pk})
    assert response.status_code == 302
    paie = Service.objects.get(name="Paie")
    assert paie.get_parent() == tree["finances"]

    response = client.post(
        url, {"action": "move", "move-service": paie.pk, "move-position": "left", "move-target": tree["finances"].pk}
    )
    assert response.status_code == 302
    direction = Service.objects.get(pk=tree["direction"].pk)
    assert [child.name for child in direction.get_children()] == ["Paie", "Finances", "Services techniques"]


def test_an_impossible_move_is_explained_in_french(client, commune, admin, tree):
    client.force_login(admin)
    response = client.post(
        reverse("annuaire:service_manage", args=["jargeau"]),
        {
            "action": "move",
            "move-service": tree["technique"].pk,
            "move-position": "last-child",
            "move-target": tree["voirie"].pk,
        },
    )
    assert response.status_code == 400
    assert "ne peut pas être déplacé sous lui-même" in response.content.decode()


@pytest.mark.parametrize("persona", ["same_organisation", "other_organisation"])
def test_others_cannot_edit_the_chart(client, commune, tree, personas, persona):
    """Plain members and other organisations get a 404 on the editing page and the delete button."""
    client.force_login(personas[persona])
    assert client.get(reverse("annuaire:service_manage", args=["jargeau"])).status_code == 404
    delete = reverse("annuaire:service_delete", args=["jargeau", tree["voirie"].pk])
    assert client.post(delete).status_code == 404
    assert Service.objects.filter(pk=tree["voirie"].pk).exists()


def test_deleting_a_service_keeps_its_people(client, commune, admin, tree):
    """The people of a deleted service keep their cards, without a service."""
    card = person_card(commune, service=tree["voirie"])
    client.force_login(admin)
    client.post(reverse("annuaire:service_delete", args=["jargeau", tree["technique"].pk]))
    card.refresh_from_db()
    assert card.service is None
    assert not Service.objects.filter(name="Voirie").exists()


def test_a_service_has_its_own_vcard_file(client, commune, tree):
    """The service's vCard holds its people whose service the visitor may read, and nobody else."""
    in_voirie = person_card(commune, service=tree["voirie"], card_visibility="public", function_visibility="public")
    elsewhere = person_card(commune, service=tree["finances"], card_visibility="public", function_visibility="public")
    service_hidden = person_card(
        commune, service=tree["voirie"], card_visibility="public", function_visibility="members"
    )
    chart = client.get(reverse("annuaire:org_chart", args=["jargeau"])).content.decode()
    url = f"{reverse('annuaire:organisation_vcards', args=['jargeau'])}?service={tree['voirie'].pk}"
    assert url in chart
    text = client.get(url).content.decode()
    assert in_voirie.user.full_name in text
    assert elsewhere.user.full_name not in text
    assert service_hidden.user.full_name not in text
