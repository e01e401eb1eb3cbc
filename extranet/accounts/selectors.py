"""Reads of accounts."""

from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice


def two_factor_is_enabled(*, user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def two_factor_backup_code_count(*, user) -> int:
    return StaticToken.objects.filter(device__user=user).count()
