"""Fixtures shared by the whole suite."""

import pytest

from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory, membership


@pytest.fixture(autouse=True)
def _isolate_caches_and_lockouts(settings):
    """Each test starts with an empty cache (django-axes and Wagtail keep state there)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commune(db):
    return OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")


@pytest.fixture
def other_commune(db):
    return OrganisationFactory(kind="commune", name="Darvoy", slug="darvoy", insee_code="45122")


@pytest.fixture
def member(commune):
    return membership(commune, role="member").user


@pytest.fixture
def editor(commune):
    return membership(commune, role="editor").user


@pytest.fixture
def admin(commune):
    return membership(commune, role="admin").user


@pytest.fixture
def outsider(other_commune):
    """A member of another organisation."""
    return membership(other_commune, role="admin").user


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def search_index():
    """An empty search index kept up to date by the production signal processor (queued; tasks run at once)."""
    from haystack import connection_router, connections

    from extranet.search.signals import QueuedSignalProcessor

    backend = connections["default"].get_backend()
    backend.clear()
    processor = QueuedSignalProcessor(connections, connection_router)
    yield backend
    processor.teardown()
    backend.clear()
