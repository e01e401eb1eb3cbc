"""The organisations directory: list by kind and EPCI, detail with public and members-only fields."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.annuaire.factories import organisation_profile, person_card
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def epci(commune):
    epci = OrganisationFactory(kind="epci", name="CC des Loges", slug="cc-loges", insee_code="")
    commune.parent = epci
    commune.save()
    return epci


def test_the_list_filters_by_kind(client, commune, epci):
    """Choosing "EPCI" lists the intercommunalities only."""
    page = client.get(reverse("annuaire:organisation_list"), {"kind": "epci"}).content.decode()
    assert "CC des Loges" in page
    assert "Jargeau" not in page


def test_the_list_filters_by_epci(client, commune, other_commune, epci):
    """Choosing an EPCI lists it and its communes."""
    page = client.get(reverse("annuaire:organisation_list"), {"epci": "cc-loges"}).content.decode()
    assert "Jargeau" in page
    assert "Darvoy" not in page


def test_a_bad_filter_value_lists_everything_without_error(client, commune):
    """An unknown kind is ignored rather than answered with an error page."""
    response = client.get(reverse("annuaire:organisation_list"), {"kind": "<script>"})
    assert response.status_code == 200
    assert "Jargeau" in response.content.decode()


def test_the_list_runs_a_constant_number_of_queries(client):
    """Twenty organisations with their entries cost as many queries as two."""

    def queries_for_list():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("annuaire:organisation_list")).status_code == 200
        return len(queries)

    for index in range(2):
        organisation_profile(OrganisationFactory(), city=f"Ville {index}")
    few = queries_for_list()
    for index in range(18):
        organisation_profile(OrganisationFactory(), city=f"Bourg {index}")
    assert queries_for_list() == few


@pytest.mark.parametrize(
    ("persona", "sees_internal"),
    [("anonymous", False), ("no_organisation", False), ("other_organisation", True), ("same_organisation", True)],
)
def test_the_detail_page_shows_internal_lines_to_members_only(client, commune, epci, personas, persona, sees_internal):
    """Public contact details for everyone; the direct line and internal e-mail for members of any organisation."""
    organisation_profile(
        commune,
        phone="02 38 59 70 00",
        opening_hours="Lundi–vendredi 9 h–12 h",
        population=4700,
        head_name="Jean Dupont",
        head_title="Maire",
        internal_phone="02 38 59 70 99",
        internal_email="dgs@jargeau.test",
    )
    if personas[persona].is_authenticated:
        client.force_login(personas[persona])
    page = client.get(reverse("annuaire:organisation_detail", args=["jargeau"])).content.decode()
    assert "02 38 59 70 00" in page and "Jean Dupont" in page and "CC des Loges" in page
    assert ("02 38 59 70 99" in page) == sees_internal
    assert ("dgs@jargeau.test" in page) == sees_internal


def test_an_epci_page_lists_its_communes(client, epci, commune):
    page = client.get(reverse("annuaire:organisation_detail", args=["cc-loges"])).content.decode()
    assert reverse("annuaire:organisation_detail", args=["jargeau"]) in page


def test_the_detail_page_lists_only_the_contacts_the_visitor_may_see(client, commune):
    """A public card is listed for anonymous visitors, a members-only one is not."""
    shown = person_card(commune, card_visibility="public")
    hidden = person_card(commune, card_visibility="members")
    page = client.get(reverse("annuaire:organisation_detail", args=["jargeau"])).content.decode()
    assert shown.user.full_name in page
    assert hidden.user.full_name not in page


def test_a_missing_organisation_answers_404(client):
    assert client.get(reverse("annuaire:organisation_detail", args=["nowhere"])).status_code == 404


def test_the_organisation_admin_edits_the_entry(client, commune, admin):
    """An admin saves the entry's contact details, which then show on the page."""
    client.force_login(admin)
    url = reverse("annuaire:organisation_edit", args=["jargeau"])
    response = client.post(url, {"city": "Jargeau", "phone": "02 38 59 70 00", "widest_person_visibility": "public"})
    assert response.status_code == 302
    assert "02 38 59 70 00" in client.get(reverse("annuaire:organisation_detail", args=["jargeau"])).content.decode()


@pytest.mark.parametrize("persona", ["same_organisation", "other_organisation"])
def test_others_cannot_edit_the_entry(client, commune, personas, persona):
    """Plain members and other organisations' admins get a 404."""
    client.force_login(personas[persona])
    assert client.get(reverse("annuaire:organisation_edit", args=["jargeau"])).status_code == 404


def test_the_detail_page_runs_a_constant_number_of_queries(client, commune, member):
    """A page of twenty contacts costs as many queries as two."""
    client.force_login(member)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("annuaire:organisation_detail", args=["jargeau"])).status_code == 200
        return len(captured)

    for _index in range(2):
        person_card(commune, card_visibility="members")
    few = queries()
    for _index in range(25):
        person_card(commune, card_visibility="members")
    assert queries() == few
