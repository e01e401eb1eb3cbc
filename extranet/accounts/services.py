"""Writes of accounts: creation, profile, language and two-factor authentication."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail import hooks

BACKUP_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Application d'authentification"
BACKUP_DEVICE_NAME = "Codes de secours"


@transaction.atomic
def user_create(*, email: str, password: str | None, first_name: str = "", last_name: str = "", **fields):
    """Create an account; an address already used (in any case) is refused with a clear message."""
    User = get_user_model()
    email = User.objects.normalize_email(email)
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account already exists with this e-mail address.")}, code="duplicate")
    user = User(email=email, first_name=first_name, last_name=last_name, **fields)
    if password is not None:
        validate_password(password, user)
    user.full_clean(exclude=["password"])
    user.set_password(password)
    user.save()
    return user


# Account fields that other features copy or depend on: the directory's search entries carry the name and job
# title, and an inactive account's cards leave the directory.
USER_FIELDS_SHARED = frozenset({"is_active", "first_name", "last_name", "email", "job_title", "phone"})


def users_changed(*, users) -> None:
    """Tell the features holding copies of these accounts (the `user_changed` hook) that they changed."""
    for user in users:
        for user_changed in hooks.get_hooks("user_changed"):
            user_changed(user=user)


def user_saved(*, user, update_fields=None) -> None:
    """After any save of an account (profile form, Wagtail admin, shell): broadcast a change of a shared field.

    Saves of other fields only (the last login, the password, the language) broadcast nothing.
    """
    if update_fields is None or USER_FIELDS_SHARED & set(update_fields):
        users_changed(users=[user])


@transaction.atomic
def user_update_profile(*, user, **fields):
    """Save the user's own profile fields; features that copy them (the directory's search entries) follow.

    The save itself broadcasts the change (`user_saved`, called for every save of an account). A first or last
    name cannot be emptied: colleagues find each other by name.
    """
    emptied = {
        name: _("Give your name: your colleagues find you by it in the directory.")
        for name in ("first_name", "last_name")
        if name in fields and not (fields[name] or "").strip()
    }
    if emptied:
        raise ValidationError(emptied)
    for name, value in fields.items():
        setattr(user, name, value)
    user.save(update_fields=list(fields))
    return user


@transaction.atomic
def user_set_language(*, user, language: str) -> None:
    if user.is_authenticated and user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


def user_lockout_lift(*, user) -> None:
    """Forget the account's failed logins: the lockout page offers a password reset as the way out, so choosing
    a new password must open the door at once rather than after the cool-off."""
    from axes.utils import reset

    reset(username=user.email.strip().lower())


@transaction.atomic
def two_factor_enrol_start(*, user) -> TOTPDevice:
    """Return the pending (unconfirmed) authenticator of the user, creating it if needed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)


@transaction.atomic
def two_factor_enrol_confirm(*, user, token: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the pending authenticator with a code it shows; return it with fresh backup codes."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None:
        raise ValidationError(_("Start the set-up again: no authenticator is waiting for confirmation."))
    if not device.verify_token(token):
        raise ValidationError(_("This code is not valid. Check your phone's clock and type the current code."))
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    return device, two_factor_backup_codes_regenerate(user=user)


@transaction.atomic
def two_factor_backup_codes_regenerate(*, user) -> list[str]:
    """Replace the user's backup codes; each works once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, defaults={"name": BACKUP_DEVICE_NAME})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def two_factor_verify(*, user, token: str):
    """Return the device that accepts this code (authenticator or backup code), or None.

    Spaces are ignored and backup codes (shown in lower case) are compared in lower case, as phones often
    capitalise the first letter typed.
    """
    token = "".join(token.split()).lower()
    for device in [*TOTPDevice.objects.filter(user=user, confirmed=True), *StaticDevice.objects.filter(user=user)]:
        if device.verify_is_allowed()[0] and device.verify_token(token):
            return device
    return None


@transaction.atomic
def two_factor_disable(*, user, required: bool) -> None:
    if required:
        raise ValidationError(_("One of your organisations requires two-factor authentication: it cannot be removed."))
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
