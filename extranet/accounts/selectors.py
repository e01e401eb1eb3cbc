"""Reads of accounts."""

import math

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from extranet.core.compiled import UserCount


def user_preferred_language(*, pk: int | None = None, email: str | None = None) -> str | None:
    """The language an account chose, found by its id or login address; None when no account matches."""
    accounts = (
        get_user_model().objects.filter(pk=pk)
        if pk is not None
        else get_user_model().objects.filter(email__iexact=email)
    )
    return accounts.values_list("preferred_language", flat=True).first()


def two_factor_is_enabled(*, user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def two_factor_backup_code_count(*, user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def two_factor_wait_seconds(*, user) -> int:
    """How long the user must wait before django-otp checks another code: each wrong code doubles the pause of
    every device (authenticator and backup codes); 0 when one of them accepts a try now."""
    devices = [*TOTPDevice.objects.filter(user=user, confirmed=True), *StaticDevice.objects.filter(user=user)]
    waits = []
    for device in devices:
        allowed, details = device.verify_is_allowed()
        if allowed:
            return 0
        locked_until = (details or {}).get("locked_until")
        if locked_until:
            waits.append(math.ceil((locked_until - timezone.now()).total_seconds()))
    return max(min(waits, default=0), 0)


@UserCount
def _admin_access_grants(*, user):
    return Permission.objects.filter(codename="access_admin", content_type__app_label="wagtailadmin").filter(
        Q(user__pk=user.pk) | Q(group__user__pk=user.pk)
    )


def user_can_access_admin(*, user) -> bool:
    """Whether the site navigation links to the administration: what `user.has_perm("wagtailadmin.access_admin")`
    answers, in one query compiled once.

    `has_perm` loads every permission of the user and of their groups (two queries and their ORM work, a good part
    of the layout's cost on every page, bench/pages.py) to test one of them.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or user.is_staff:
        return True
    return _admin_access_grants(user=user) > 0
