"""The hostile world of tests/security/web, built once per module and rolled back after it."""

import pytest
from django.db import transaction

from tests.security.web import world


@pytest.fixture(scope="module")
def hostile_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield world.build()
        transaction.set_rollback(True)
