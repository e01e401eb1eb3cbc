"""Fixtures of the sandbox tests: a trainer (holding `sandbox.add_sandbox`) and a sandbox of three trainees."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from extranet.sandbox.services import sandbox_create
from tests.accounts.factories import UserFactory


@pytest.fixture
def trainer(db):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(content_type__app_label="sandbox", codename="add_sandbox"))
    return user


@pytest.fixture
def created(trainer):
    """A sandbox with three trainees and the logins returned once by the service."""
    return sandbox_create(
        name="Formation agenda", trainees=3, expires_at=timezone.now() + timedelta(days=5), by=trainer
    )


@pytest.fixture
def sandbox(created):
    return created[0]


@pytest.fixture
def trainee(sandbox):
    return sandbox.trainees.select_related("user").first().user
