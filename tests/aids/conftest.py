import pytest

from tests.aids.factories import provider
from tests.organisations.factories import membership


@pytest.fixture
def departement(db):
    return provider(kind="departement", name="Département du Loiret", slug="loiret")


@pytest.fixture
def syndicat(db):
    return provider(kind="syndicat", name="Loiret Numérique", slug="loiret-numerique")


@pytest.fixture
def departement_editor(departement):
    return membership(departement, role="editor").user
