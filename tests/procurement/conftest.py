import pytest

from tests.organisations.factories import OrganisationFactory, membership


@pytest.fixture
def departement(db):
    return OrganisationFactory(
        kind="departement", name="Département du Loiret", slug="loiret", insee_code="", siret="22450001000018"
    )


@pytest.fixture
def montargis(db):
    return OrganisationFactory(
        kind="commune", name="Montargis", slug="montargis", insee_code="45208", siret="21450208000010"
    )


@pytest.fixture
def montargis_editor(montargis):
    return membership(montargis, role="editor").user


@pytest.fixture
def departement_editor(departement):
    return membership(departement, role="editor").user
