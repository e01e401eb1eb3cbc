"""The directory's demo data: contact details, two org charts and a card per demo member, seeded once."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from annuaire.models import PersonCard, Service

pytestmark = pytest.mark.django_db


def test_demo_directory(settings, client):
    """The Département's chart holds its people; a second run adds nothing; the pages open."""
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    cards, services = PersonCard.objects.count(), Service.objects.count()
    assert cards >= 10
    assert Service.objects.filter(organisation__slug="loiret", depth=3).exists()
    assert Service.objects.filter(organisation__slug="orleans-metropole").exists()
    assert Service.find_problems() == ([], [], [], [], [])

    call_command("seed_demo", stdout=StringIO())
    assert (PersonCard.objects.count(), Service.objects.count()) == (cards, services)

    chart = client.get(reverse("annuaire:org_chart", args=["loiret"])).content.decode()
    assert "Pôle éditorial" in chart and "Claire Bernard" in chart
    assert client.get(reverse("annuaire:organisation_list")).status_code == 200
    assert client.get(reverse("annuaire:person_list")).status_code == 200
