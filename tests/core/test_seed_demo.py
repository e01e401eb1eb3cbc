"""Tests of the `seed_demo` management command."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from extranet.organisations.models import Membership, Organisation

PASSWORD = "territoires-demo"


def seed_demo(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def database_counts():
    return {
        model.__name__: model.objects.count() for model in (Organisation, get_user_model(), Membership, Group, Page)
    }


@pytest.mark.django_db
def test_second_run_creates_nothing(settings):
    """Running the command again leaves every count unchanged and reports everything as already present."""
    settings.DEBUG = True
    first_output = seed_demo()
    counts = database_counts()
    second_output = seed_demo()

    assert database_counts() == counts
    assert counts["Organisation"] >= 22 and counts["User"] >= 40
    assert "Organisations : 22 créées, 0 déjà présentes." in first_output
    assert "Organisations : 0 créées, 22 déjà présentes." in second_output
    assert "Comptes : 0 créés" in second_output and "Adhésions : 0 créées" in second_output


@pytest.mark.django_db
def test_refuses_to_run_without_debug(settings):
    """Without DEBUG and without --force the command stops before writing anything."""
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--force"):
        seed_demo()
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_force_runs_without_debug(settings):
    """With --force the command seeds a database even when DEBUG is off."""
    settings.DEBUG = False

    seed_demo("--force")

    assert Organisation.objects.filter(slug="loiret").exists()
