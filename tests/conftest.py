"""Fixtures shared by the whole suite."""

from io import StringIO

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory, membership


@pytest.fixture(autouse=True)
def _isolate_caches_and_lockouts(settings):
    """Each test starts with an empty cache (django-axes and Wagtail keep state there)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


CACHE_OPERATIONS = ("get", "get_many", "set", "set_many", "add", "incr", "delete", "delete_many", "touch", "has_key")


@pytest.fixture
def cache_operations(settings, monkeypatch):
    """Every call to the cache's API, as (operation, key): in production, a Redis round trip each.

    The cache is in local memory for the test whatever REDIS_URL says, so every run counts the same calls; a call
    made by another one (Django's `get_many` asks `get` for each key) is not counted again.
    """
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cache-operations"},
    }
    operations, nested = [], []
    for name in CACHE_OPERATIONS:
        method = getattr(LocMemCache, name)

        def counted(cache, *args, _name=name, _method=method, **kwargs):
            if not nested:
                operations.append((_name, args[0] if args else None))
            nested.append(_name)
            try:
                return _method(cache, *args, **kwargs)
            finally:
                nested.pop()

        monkeypatch.setattr(LocMemCache, name, counted)
    return operations


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


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The demo data, seeded once for the whole module and rolled back after it.

    Seeding takes seconds; each test of the module still runs in its own savepoint, so what a test writes
    is undone before the next one. A module using it must not hold tests that need an empty database.
    """
    with django_db_blocker.unblock(), override_settings(DEBUG=True), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)
