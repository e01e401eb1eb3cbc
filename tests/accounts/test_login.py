"""Login with e-mail and password: form, session, redirection, language, logout, CSRF, lockout and expiry."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import DEFAULT_PASSWORD
from tests.accounts.helpers import french, login_post, page_text, session_refresh_age

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("core:dashboard")


def assert_logged_out(client):
    """The private dashboard sends the client to the login page."""
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def assert_logged_in_as(client, user):
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert response.wsgi_request.user == user


def test_login_page_shows_the_form(client):
    """Anyone can open the login page and gets a form asking for an e-mail address and a password."""
    response = client.get(reverse("accounts:login"))

    assert response.status_code == 200
    assert 'name="username"' in response.text
    assert 'type="email"' in response.text
    assert 'name="password"' in response.text


@pytest.mark.parametrize(
    "typed", ["marie.curie@jargeau.test", "MARIE.CURIE@JARGEAU.TEST", " Marie.Curie@Jargeau.test "]
)
def test_login_with_the_email_in_any_case(client, user, typed):
    """The e-mail address logs in whatever its case, and the user lands on the dashboard."""
    response = login_post(client, typed)

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert_logged_in_as(client, user)


def test_wrong_password_shows_a_french_error_and_does_not_log_in(client, user):
    """A wrong password redisplays the form with a French error and leaves the visitor anonymous."""
    response = login_post(client, user.email, "pas-le-bon-mot-de-passe")

    assert response.status_code == 200
    assert french("Wrong e-mail address or password.") in page_text(response)
    assert "Wrong e-mail address or password." not in page_text(response)
    assert_logged_out(client)


def test_unknown_email_gets_the_same_error_as_a_wrong_password(client, user):
    """An unknown address gets the same message as a wrong password, so accounts cannot be discovered."""
    response = login_post(client, "personne@jargeau.test", "pas-le-bon-mot-de-passe")

    assert response.status_code == 200
    assert french("Wrong e-mail address or password.") in page_text(response)
    assert_logged_out(client)


def test_session_key_changes_at_login(client, user):
    """A session key planted before login (session fixation) is not the one that ends up authenticated."""
    session = client.session
    session["planted"] = True
    session.save()
    planted_key = session.session_key

    login_post(client, user.email)

    new_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert new_key != planted_key
    assert not Session.objects.filter(session_key=planted_key).exists()
    assert_logged_in_as(client, user)
    attacker = Client()
    attacker.cookies[settings.SESSION_COOKIE_NAME] = planted_key
    assert_logged_out(attacker)


def test_next_is_honoured_for_a_local_path(client, user):
    """After login, the user goes back to the local page they asked for."""
    profile = reverse("accounts:profile")

    response = login_post(client, user.email, next=profile)

    assert response.status_code == 302
    assert response["Location"] == profile


def test_next_in_the_query_string_is_carried_by_the_form(client, user):
    """The login page sent by a private page keeps the requested page in its form."""
    response = client.get(reverse("accounts:profile"))
    login_page = client.get(response["Location"])

    assert 'name="next" value="/compte/profil/"' in login_page.text


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "https://evil.example/compte/profil/"])
def test_next_is_ignored_for_an_external_url(client, user, target):
    """An external `next` cannot turn the login form into an open redirect: the user lands on the dashboard."""
    response = login_post(client, user.email, next=target)

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert "evil.example" not in response["Location"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_login_sets_the_language_cookie_from_the_preferred_language(client, user, language):
    """Logging in sets the language cookie to the user's preferred language, and the pages follow it."""
    user.preferred_language = language
    user.save()

    response = login_post(client, user.email)

    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == language
    assert cookie["max-age"] == 365 * 24 * 3600
    assert f'<html lang="{language}">' in client.get(DASHBOARD).text


def test_logout_by_get_is_refused(client, user):
    """A GET on the logout URL (a link or an image planted by someone else) answers 405 and does not log out."""
    client.force_login(user)

    response = client.get(reverse("accounts:logout"))

    assert response.status_code == 405
    assert_logged_in_as(client, user)


def test_logout_by_post_ends_the_session(client, user):
    """Logging out by POST ends the session: the old session key no longer gives access."""
    login_post(client, user.email)
    old_key = client.cookies[settings.SESSION_COOKIE_NAME].value

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert_logged_out(client)
    assert not Session.objects.filter(session_key=old_key).exists()
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = old_key
    assert_logged_out(replay)


def test_login_post_without_csrf_token_is_refused(user):
    """A login form posted from another site (no CSRF token) gets 403 and does not log in."""
    client = Client(enforce_csrf_checks=True)

    response = login_post(client, user.email)

    assert response.status_code == 403
    assert_logged_out(client)


def test_login_post_with_csrf_token_works_when_checks_are_enforced(user):
    """With CSRF checks on, the real form (with its token) logs in: the 403 above comes from the missing token."""
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("accounts:login"))
    token = client.cookies[settings.CSRF_COOKIE_NAME].value

    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": DEFAULT_PASSWORD, "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 302
    assert_logged_in_as(client, user)


def fail_until_locked(client, email, address):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = login_post(client, email, "pas-le-bon-mot-de-passe", REMOTE_ADDR=address)
    return response


def test_too_many_wrong_passwords_lock_the_user_out_from_that_address(client, user):
    """After AXES_FAILURE_LIMIT wrong passwords from one address, even the right password shows the lockout page."""
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = login_post(client, user.email, "pas-le-bon-mot-de-passe", REMOTE_ADDR="10.0.0.1")
        assert response.status_code == 200
    fail_until_locked(client, user.email, "10.0.0.1")

    response = login_post(client, user.email, REMOTE_ADDR="10.0.0.1")

    assert response.status_code == 429
    assert french("Too many attempts") in page_text(response)
    assert "bloquée pendant 15 minutes" in page_text(response)
    assert reverse("accounts:password_reset") in response.text
    assert_logged_out(client)


def test_lockout_does_not_block_the_user_from_another_address(client, user):
    """An attacker who locks a named user out from their address does not lock the real user out from elsewhere."""
    attacker = Client()
    fail_until_locked(attacker, user.email, "10.0.0.1")
    assert login_post(attacker, user.email, REMOTE_ADDR="10.0.0.1").status_code == 429

    response = login_post(client, user.email, REMOTE_ADDR="10.0.0.2")

    assert response.status_code == 302
    assert_logged_in_as(client, user)


def test_lockout_does_not_block_other_users_from_the_same_address(client, user):
    """The lockout is for one user name from one address: a colleague behind the same address still logs in."""
    from tests.accounts.factories import UserFactory

    colleague = UserFactory(email="pierre.curie@jargeau.test")
    fail_until_locked(Client(), user.email, "10.0.0.1")

    response = login_post(client, colleague.email, REMOTE_ADDR="10.0.0.1")

    assert response.status_code == 302
    assert_logged_in_as(client, colleague)


def test_changing_the_case_of_the_email_does_not_escape_the_lockout(client, user):
    """Varying the capitals of the address counts as the same user, so it gives no extra guesses."""
    spellings = ["marie.curie@jargeau.test", "Marie.curie@jargeau.test", "MARIE.curie@jargeau.test"]
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        login_post(client, spellings[attempt % len(spellings)], "pas-le-bon-mot-de-passe", REMOTE_ADDR="10.0.0.1")

    response = login_post(client, "MARIE.CURIE@JARGEAU.TEST", REMOTE_ADDR="10.0.0.1")

    assert response.status_code == 429
    assert_logged_out(client)


def test_a_forged_forwarded_for_header_does_not_escape_the_lockout(client, user):
    """Changing X-Forwarded-For on each attempt does not reset the count: the connection's address is used."""
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        login_post(
            client,
            user.email,
            "pas-le-bon-mot-de-passe",
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt + 1}",
        )

    response = login_post(client, user.email, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.99")

    assert response.status_code == 429
    assert_logged_out(client)


def test_session_cookie_age_is_the_inactivity_limit(client, user):
    """A request a minute or more after the session's last save sends its cookie again with a full
    SESSION_COOKIE_AGE and pushes the stored expiry back as far, so only inactivity ends it."""
    login_post(client, user.email)
    idle = settings.SESSION_COOKIE_AGE - 60
    session_refresh_age(client.cookies[settings.SESSION_COOKIE_NAME].value, seconds=idle)
    assert (Session.objects.get().expire_date - timezone.now()).total_seconds() <= 60

    response = client.get(DASHBOARD)

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == settings.SESSION_COOKIE_AGE
    session = Session.objects.get(session_key=cookie.value)
    remaining = (session.expire_date - timezone.now()).total_seconds()
    assert settings.SESSION_COOKIE_AGE - 60 < remaining <= settings.SESSION_COOKIE_AGE


def test_session_inactive_for_longer_than_the_limit_is_over(client, user):
    """A session whose inactivity limit has passed no longer gives access: the user is sent to login."""
    login_post(client, user.email)
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))

    assert_logged_out(client)


def test_the_admin_sends_anonymous_visitors_to_the_site_login_form(client, db):
    """The Wagtail admin has no login form of its own, so the lockout and the second factor apply to it."""
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/connexion/?next=/admin/"
