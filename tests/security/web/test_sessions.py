"""Sessions: a new key at each step that grants access, an idle expiry, and cookies the browser keeps to itself."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from extranet.accounts import services
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import login_post, session_refresh_age, totp_token

pytestmark = pytest.mark.django_db

DASHBOARD = "/tableau-de-bord/"


def planted_session(client) -> str:
    """A session key the visitor holds before logging in, as an attacker fixing the victim's session would."""
    session = client.session
    session["planted"] = True
    session.save()
    return session.session_key


def is_logged_in(session_key: str) -> bool:
    other = Client()
    other.cookies[settings.SESSION_COOKIE_NAME] = session_key
    return other.get(DASHBOARD, secure=True).status_code == 200


def test_the_session_key_changes_when_the_second_factor_completes_the_login(client):
    """With two-factor authentication, neither the planted key nor the one of the password step is the final one."""
    user = UserFactory()
    device = TOTPDevice.objects.create(user=user, name=services.TOTP_DEVICE_NAME, confirmed=True)
    planted_key = planted_session(client)

    response = login_post(client, user.email, secure=True)
    assert response.url == reverse("accounts:login_verify")
    password_step_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(reverse("accounts:login_verify"), {"token": totp_token(device)}, secure=True)

    final_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get(DASHBOARD, secure=True).status_code == 200
    assert final_key not in {planted_key, password_step_key}
    assert not is_logged_in(planted_key) and not is_logged_in(password_step_key)


def test_a_session_ends_after_its_idle_time(client):
    """Cookie and stored session last SESSION_COOKIE_AGE, counted again as the user goes on; past it, log in again."""
    user = UserFactory()
    login_post(client, user.email, secure=True)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    session_refresh_age(key, seconds=settings.SESSION_REFRESH_SECONDS)

    response = client.get(DASHBOARD, secure=True)
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE == 2 * 60 * 60
    expiry = Session.objects.get(session_key=key).expire_date
    assert abs(expiry - (timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE))) < timedelta(minutes=1)

    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(DASHBOARD, secure=True)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_cookies_are_secure_http_only_and_same_site(client):
    """With the production settings (DEBUG off), the session and CSRF cookies are Secure and SameSite=Lax, the
    session cookie is out of JavaScript's reach, and so is the language cookie set at login."""
    client.get(reverse("accounts:login"), secure=True)
    csrf = client.cookies[settings.CSRF_COOKIE_NAME]
    response = login_post(client, UserFactory().email, secure=True)

    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert csrf["secure"] and csrf["samesite"] == "Lax"
    language = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert language["secure"] and language["samesite"] == "Lax"
