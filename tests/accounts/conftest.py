"""Fixtures of the account tests."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from extranet.accounts import services
from tests.accounts.factories import UserFactory


@pytest.fixture
def user(db):
    return UserFactory(email="marie.curie@jargeau.test", first_name="Marie", last_name="Curie")


@pytest.fixture
def totp_device(user):
    """A confirmed authenticator of `user`: two-factor authentication is on."""
    return TOTPDevice.objects.create(user=user, name=services.TOTP_DEVICE_NAME, confirmed=True)


@pytest.fixture
def backup_codes(totp_device):
    """The ten backup codes of `user`, who has two-factor authentication on."""
    return services.two_factor_backup_codes_regenerate(user=totp_device.user)
