import pytest
from django.utils import translation

from tests.aids.factories import aid, provider
from tests.organisations.factories import membership


@pytest.fixture(autouse=True)
def _french():
    with translation.override("fr"):
        yield


@pytest.fixture
def departement(db):
    return provider(kind="departement", name="Département du Loiret", slug="loiret", siret="22450001700013")


@pytest.fixture
def departement_editor(departement):
    return membership(departement, role="editor").user


@pytest.fixture
def departement_member(departement):
    return membership(departement, role="member").user


@pytest.fixture
def commune_aid(departement):
    """An open aid of the département for communes."""
    return aid(departement, title="Aide à l'investissement des communes rurales")


@pytest.fixture
def other_provider(db):
    return provider(kind="epci", name="Communauté de communes des Loges", slug="cc-des-loges")


@pytest.fixture
def other_provider_editor(other_provider):
    return membership(other_provider, role="editor").user
