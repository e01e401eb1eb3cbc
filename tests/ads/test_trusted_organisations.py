"""Trusted organisations are managed in the Wagtail admin by the départements' administrators only."""

import pytest
from django.urls import reverse

from extranet.ads.models import TrustedOrganisation
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


def snippet_url(action, *args):
    return reverse(TrustedOrganisation.snippet_viewset.get_url_name(action), args=args)


def test_a_départements_admin_trusts_an_organisation(client, loiret, jargeau):
    """The Loiret's administrator adds Jargeau to the trusted organisations from the admin."""
    client.force_login(membership(loiret, role="admin").user)

    assert client.get(snippet_url("list")).status_code == 200
    response = client.post(snippet_url("add"), {"organisation": jargeau.pk, "note": "Commune pilote."})

    assert response.status_code == 302
    assert TrustedOrganisation.objects.get().organisation == jargeau


@pytest.mark.parametrize(("where", "role"), [("loiret", "editor"), ("jargeau", "admin")])
def test_others_cannot_manage_trusted_organisations(client, loiret, jargeau, where, role):
    """The département's editors and a commune's administrators cannot list or add trusted organisations."""
    client.force_login(membership({"loiret": loiret, "jargeau": jargeau}[where], role=role).user)

    assert client.get(snippet_url("list")).status_code in (302, 403)
    client.post(snippet_url("add"), {"organisation": jargeau.pk, "note": ""})

    assert not TrustedOrganisation.objects.exists()
