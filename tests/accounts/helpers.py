"""Helpers shared by the account tests: French messages, login posts and authenticator codes."""

import html
from datetime import timedelta

from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_otp.oath import TOTP

from extranet.core.middleware import SlidingSessionMiddleware
from tests.accounts.factories import DEFAULT_PASSWORD


def french(msgid: str) -> str:
    """Return the French text users see for one of our messages; fail if the catalogue lacks it."""
    with translation.override("fr"):
        text = gettext(msgid)
    assert text != msgid, f"Missing French translation in locale/fr/LC_MESSAGES/django.po: {msgid!r}"
    return text


def page_text(response) -> str:
    """The page as the user reads it: HTML entities (the escaped apostrophes of French) decoded."""
    return html.unescape(response.text)


def login_post(client, email: str, password: str = DEFAULT_PASSWORD, **extra):
    """Submit the login form as a browser does; `next` and request META (REMOTE_ADDR) go in `extra`."""
    data = {"username": email, "password": password}
    if "next" in extra:
        data["next"] = extra.pop("next")
    return client.post(reverse("accounts:login"), data, **extra)


def totp_token(device) -> str:
    """The code the user's authentication app shows right now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def wrong_token(device) -> str:
    """A well-formed code that the authenticator does not accept now (outside the tolerated time steps)."""
    accepted = {
        TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift + offset).token()
        for offset in range(-device.tolerance - 1, device.tolerance + 2)
    }
    code = next(value for value in range(10**device.digits) if value not in accepted)
    return f"{code:0{device.digits}d}"


def session_refresh_age(session_key: str, *, seconds: int):
    """Moves a stored session's last refresh `seconds` into the past, as if its user had been idle that long."""
    store = SessionStore(session_key=session_key)
    store[SlidingSessionMiddleware.REFRESHED_KEY] -= seconds
    expiry = store.get_expiry_date()
    store.save()
    Session.objects.filter(session_key=session_key).update(expire_date=expiry - timedelta(seconds=seconds))
