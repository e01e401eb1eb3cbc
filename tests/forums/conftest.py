import pytest

from tests.forums.factories import organisation_forum, shared_forum, topic
from tests.organisations.factories import OrganisationFactory, membership


@pytest.fixture(autouse=True)
def _permission_answers_kept(settings):
    """The forum tests run as production does, machina's permission answers kept in the cache
    (`forums.permission_cache`): every access rule they check must hold through it."""
    settings.FORUM_PERMISSIONS_CACHE_SECONDS = 600


@pytest.fixture
def departement(db):
    return OrganisationFactory(kind="departement", name="Département du Loiret", slug="loiret", insee_code="")


@pytest.fixture
def departement_editor(departement):
    """An editor of the département: moderates the shared forums."""
    return membership(departement, role="editor").user


@pytest.fixture
def private_forum(commune):
    return organisation_forum(commune)


@pytest.fixture
def open_forum(db):
    return shared_forum("Numérique", open_to_all_organisations=True)


@pytest.fixture
def private_topic(private_forum, member):
    return topic(private_forum, poster=member)
