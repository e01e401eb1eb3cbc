"""Views receive the user object itself, with django-otp's verification, rather than lazy proxies."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from tests.accounts.helpers import login_post, totp_token

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("core:dashboard")


def test_a_logged_in_view_gets_the_user_itself_unverified_without_a_code(client, user):
    """A password-only session reaches its view with the User object, which django-otp marks as not verified."""
    client.force_login(user)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    assert type(response.wsgi_request.user) is get_user_model()
    assert response.wsgi_request.user.pk == user.pk
    assert response.wsgi_request.user.is_verified() is False


def test_a_user_who_typed_their_code_gets_the_user_itself_verified(client, user, totp_device):
    """After the code step, the view's User object carries the device and counts as verified."""
    login_post(client, user.email)
    client.post(reverse("accounts:login_verify"), {"token": totp_token(totp_device)})

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    assert type(response.wsgi_request.user) is get_user_model()
    assert response.wsgi_request.user.otp_device == totp_device
    assert response.wsgi_request.user.is_verified() is True


def test_an_anonymous_visitor_gets_the_anonymous_user_itself(client):
    """A visitor who is not logged in reaches a view with Django's AnonymousUser, not a proxy."""
    response = client.get(reverse("accounts:login"))

    assert response.status_code == 200
    assert type(response.wsgi_request.user) is AnonymousUser
    assert response.wsgi_request.user.is_verified() is False
