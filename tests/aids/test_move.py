"""An aid moved to another provider's section in the admin belongs to that provider from then on."""

import pytest
from django.urls import reverse

from extranet.aids.pages import AidPage
from tests.aids.factories import aid, section_of

pytestmark = pytest.mark.django_db


def test_moving_an_aid_changes_its_provider(client, superuser, departement, syndicat):
    """After a platform administrator moves the aid, it is listed under the syndicate, not the département."""
    moved = aid(departement, title="Fonds de soutien à la numérisation des écoles")
    client.force_login(superuser)

    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[moved.pk, section_of(syndicat).pk]))

    assert response.status_code == 302
    moved = AidPage.objects.get(pk=moved.pk)
    assert moved.organisation == syndicat
    listed = client.get("/aides/", {"porteur": "loiret-numerique"}).context["page_obj"]
    assert [item.title for item in listed] == ["Fonds de soutien à la numérisation des écoles"]
