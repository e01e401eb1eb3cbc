"""Who may publish aids where: each organisation in its own section, providers only."""

import pytest
from django.urls import reverse

from extranet.aids.pages import AidPage, AidSectionPage
from tests.aids.factories import section_of
from tests.aids.test_validation import admin_form
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = pytest.mark.django_db


def add_url(organisation):
    return reverse("wagtailadmin_pages:add", args=["aids", "aidpage", section_of(organisation).pk])


def test_an_editor_opens_the_add_form_of_their_own_section(client, departement, departement_editor):
    """The département's editor may add an aid in the département's section."""
    client.force_login(departement_editor)

    assert client.get(add_url(departement)).status_code == 200


def test_an_editor_cannot_add_an_aid_in_another_section(client, departement, syndicat, departement_editor):
    """The département's editor is turned away from the syndicate's section, and a forged POST creates nothing."""
    client.force_login(departement_editor)

    assert client.get(add_url(syndicat)).status_code != 200
    response = client.post(add_url(syndicat), admin_form())

    assert response.status_code != 200
    assert not AidPage.objects.exists()


def test_an_editor_cannot_add_sections(client, departement, departement_editor):
    """Sections come from provisioning only: nobody adds one by hand under /aides/."""
    client.force_login(departement_editor)
    index = section_of(departement).get_parent()

    response = client.get(reverse("wagtailadmin_pages:add", args=["aids", "aidsectionpage", index.pk]))

    assert response.status_code != 200


@pytest.mark.parametrize(
    ("kind", "has_section"),
    [("departement", True), ("epci", True), ("agency", True), ("syndicat", True), ("commune", False), ("other", False)],
)
def test_only_providing_organisations_get_a_section(db, kind, has_section):
    """Départements, EPCI, agencies and syndicates offer aids; communes receive them and get no section."""
    organisation = OrganisationFactory(kind=kind)

    assert AidSectionPage.objects.filter(organisation=organisation).exists() == has_section


def test_renaming_a_provider_renames_its_section(departement):
    """A provider's new name and slug move its section."""
    departement.name, departement.slug = "Conseil départemental du Loiret", "conseil-departemental"
    departement.save()
    from extranet.organisations.services import organisation_provision

    organisation_provision(organisation=departement)

    assert section_of(departement).url == "/aides/conseil-departemental/"


def test_a_plain_member_cannot_add_aids(client, departement):
    """A member without the editor role gets no access to the add form."""
    client.force_login(membership(departement, role="member").user)

    assert client.get(add_url(departement)).status_code != 200
