"""Fixtures of the broadcast tests: the Loiret's département, an EPCI with Jargeau in it, and their admins."""

import pytest

from tests.organisations.factories import OrganisationFactory, membership


@pytest.fixture
def departement(db):
    return OrganisationFactory(kind="departement", name="Département du Loiret", slug="loiret", insee_code="")


@pytest.fixture
def epci(departement, commune):
    epci = OrganisationFactory(kind="epci", name="Communauté des Loges", slug="loges", insee_code="")
    commune.parent = epci
    commune.save(update_fields=["parent"])
    return epci


@pytest.fixture
def departement_admin(departement):
    user = membership(departement, role="admin").user
    user.phone = "06 11 22 33 44"
    user.save(update_fields=["phone"])
    return user


@pytest.fixture
def sms_outbox(settings, tmp_path):
    """The file SMS backend writes into this directory."""
    settings.SMS_BACKEND = "extranet.broadcast.sms.backends.filebased.SmsBackend"
    settings.SMS_FILE_PATH = str(tmp_path / "sms")
    return tmp_path / "sms"
