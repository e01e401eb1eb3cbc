"""Sessions slide their idle expiry at most once a minute, and visitors without one never get one."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.accounts.helpers import login_post, session_refresh_age

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("core:dashboard")


def session_writes(captured) -> list[str]:
    return [query["sql"] for query in captured if "django_session" in query["sql"] and "SELECT" not in query["sql"]]


def test_pages_within_the_interval_neither_write_the_session_nor_resend_its_cookie(client):
    """Right after login, further pages read the session without saving it or sending its cookie again."""
    login_post(client, UserFactory().email)
    with CaptureQueriesContext(connection) as captured:
        responses = [client.get(DASHBOARD) for _ in range(3)]
    assert [response.status_code for response in responses] == [200, 200, 200]
    assert not any(settings.SESSION_COOKIE_NAME in response.cookies for response in responses)
    assert session_writes(captured) == []


def test_a_page_past_the_interval_slides_the_expiry_once(client):
    """The first page a minute after the last save renews expiry and cookie; the next one writes nothing again."""
    login_post(client, UserFactory().email)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    session_refresh_age(key, seconds=settings.SESSION_REFRESH_SECONDS)

    renewed = client.get(DASHBOARD)
    assert renewed.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE
    remaining = (Session.objects.get(session_key=key).expire_date - timezone.now()).total_seconds()
    assert settings.SESSION_COOKIE_AGE - 5 < remaining <= settings.SESSION_COOKIE_AGE
    with CaptureQueriesContext(connection) as captured:
        assert client.get(DASHBOARD).status_code == 200
    assert session_writes(captured) == []


def test_a_session_idle_past_its_age_is_not_revived(client):
    """A session whose expiry has passed gives no access and is not stored again by the refresh."""
    login_post(client, UserFactory().email)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    session_refresh_age(key, seconds=settings.SESSION_COOKIE_AGE + 1)

    response = client.get(DASHBOARD)
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    assert not Session.objects.filter(session_key=key, expire_date__gt=timezone.now()).exists()


def test_visitors_without_a_known_session_get_none(client):
    """Neither a first visit nor a forged session cookie stores a session or sets its cookie."""
    first = client.get("/")
    assert first.status_code == 200 and settings.SESSION_COOKIE_NAME not in first.cookies
    client.cookies[settings.SESSION_COOKIE_NAME] = "forged0000000000000000000000000000"
    forged = client.get("/")
    assert forged.status_code == 200 and client.cookies[settings.SESSION_COOKIE_NAME].value == ""
    assert not Session.objects.exists()
