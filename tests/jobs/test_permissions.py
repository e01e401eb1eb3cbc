"""Who may publish job offers where: each organisation in its own section only."""

import pytest
from django.urls import reverse

from extranet.jobs.pages import JobOfferPage, JobSectionPage
from tests.jobs.factories import section_of
from tests.jobs.test_validation import admin_form
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def add_url(organisation):
    return reverse("wagtailadmin_pages:add", args=["jobs", "jobofferpage", section_of(organisation).pk])


def test_an_editor_opens_the_add_form_of_their_own_section(client, montargis, montargis_editor):
    """Montargis's editor may add an offer in Montargis's section."""
    client.force_login(montargis_editor)

    assert client.get(add_url(montargis)).status_code == 200


def test_an_editor_cannot_add_an_offer_in_another_section(client, montargis, departement, montargis_editor):
    """Montargis's editor is turned away from the département's section, and a forged POST creates nothing."""
    client.force_login(montargis_editor)

    assert client.get(add_url(departement)).status_code != 200
    response = client.post(add_url(departement), admin_form())

    assert response.status_code != 200
    assert not JobOfferPage.objects.exists()


@pytest.mark.parametrize("kind", ["departement", "epci", "commune", "syndicat", "agency", "other"])
def test_every_organisation_gets_a_section(db, kind):
    """Every kind of organisation hires, so each gets its section of /emplois/."""
    organisation = OrganisationFactory(kind=kind)

    assert JobSectionPage.objects.get(organisation=organisation).url == f"/emplois/{organisation.slug}/"
