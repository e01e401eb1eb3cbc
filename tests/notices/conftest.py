"""Fixtures of the notices tests: the Loiret's département and Jargeau with their editors."""

import pytest

from extranet.notices.pages import NoticeIndexPage
from tests.notices.factories import section_of
from tests.organisations.factories import OrganisationFactory, membership


@pytest.fixture
def departement(db):
    return OrganisationFactory(kind="departement", name="Département du Loiret", slug="loiret", insee_code="")


@pytest.fixture
def departement_editor(departement):
    return membership(departement, role="editor").user


@pytest.fixture
def index(db):
    return NoticeIndexPage.objects.get()


@pytest.fixture
def section(commune):
    """Jargeau's notices section."""
    return section_of(commune)
