"""Two-factor authentication: set-up with a QR code, login in two steps, backup codes and enforcement."""

import re
from base64 import b32encode

import pytest
from django.conf import settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from extranet.accounts.selectors import two_factor_is_enabled
from extranet.accounts.views import PENDING_LOGIN_KEY, PENDING_LOGIN_SECONDS, _qr_svg
from tests.accounts.helpers import french, login_post, page_text, totp_token, wrong_token
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("core:dashboard")
SECURITY = reverse("accounts:security")
LOGIN = reverse("accounts:login")
LOGIN_VERIFY = reverse("accounts:login_verify")


def assert_logged_out(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def pending_device(user) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=False)


def turn_on_two_factor(client, user) -> TOTPDevice:
    """Set up the authenticator the way the user does: open the page, scan, type the code."""
    client.get(SECURITY)
    device = pending_device(user)
    response = client.post(reverse("accounts:security_confirm"), {"token": totp_token(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    return device


def wrong_code_message() -> str:
    return (
        french("This code is not valid or has already been used.")
        + " "
        + french("Wait for the next code and try again.")
    )


def verify(client, token):
    return client.post(LOGIN_VERIFY, {"token": token})


# Set-up.


def test_security_page_shows_an_inline_svg_qr_code_and_the_secret(client, user):
    """The QR code is drawn in the page (no image fetched from a third party) next to the secret in base32."""
    client.force_login(user)

    response = client.get(SECURITY)

    assert response.status_code == 200
    device = pending_device(user)
    figure = re.search(r'<figure class="qr-code">(.*?)</figure>', response.text, re.DOTALL).group(1)
    assert "<svg" in figure
    assert "<img" not in figure
    assert "src=" not in figure
    assert "otpauth://" not in response.text
    assert _qr_svg(device.config_url) in figure
    secret = b32encode(device.bin_key).decode()
    shown = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', response.text).group(1)
    assert shown.replace(" ", "") == secret


def test_qr_code_carries_the_secret_and_the_site_name(client, user):
    """What the QR code encodes names Territoires and the user's address, with the secret shown on the page."""
    client.force_login(user)
    client.get(SECURITY)
    device = pending_device(user)

    url = device.config_url

    assert url.startswith("otpauth://totp/Territoires%3Amarie.curie%40jargeau.test?")
    assert f"secret={b32encode(device.bin_key).decode()}" in url
    assert "issuer=Territoires" in url


def test_reloading_the_security_page_keeps_the_same_secret(client, user):
    """Reloading the page after scanning does not replace the secret the app already holds."""
    client.force_login(user)

    first = client.get(SECURITY)
    second = client.get(SECURITY)

    secret = re.compile(r'<code class="secret">([A-Z2-7 ]+)</code>')
    assert secret.search(first.text).group(1) == secret.search(second.text).group(1)
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_confirming_with_a_wrong_code_shows_a_french_error_and_keeps_it_off(client, user):
    """A wrong code does not turn two-factor authentication on and tells the user why, in French."""
    client.force_login(user)
    client.get(SECURITY)
    device = pending_device(user)
    response = client.post(reverse("accounts:security_confirm"), {"token": wrong_token(device)}, follow=True)

    assert french("This code is not valid. Check your phone's clock and type the current code.") in messages_of(
        response
    )
    device.refresh_from_db()
    assert not device.confirmed
    assert not two_factor_is_enabled(user=user)
    assert not StaticToken.objects.filter(device__user=user).exists()


def test_confirming_with_an_empty_code_shows_a_french_error(client, user):
    """Submitting the set-up form without a code asks for the 6-digit code, in French."""
    client.force_login(user)
    client.get(SECURITY)

    response = client.post(reverse("accounts:security_confirm"), {"token": ""}, follow=True)

    assert french("Type the 6-digit code shown by your authentication app.") in messages_of(response)
    assert not two_factor_is_enabled(user=user)


def test_confirming_with_the_right_code_turns_it_on_and_shows_ten_backup_codes_once(client, user):
    """The right code turns two-factor authentication on and shows ten working backup codes, only once."""
    client.force_login(user)

    client.get(SECURITY)
    device = pending_device(user)
    response = client.post(reverse("accounts:security_confirm"), {"token": totp_token(device)}, follow=True)

    assert response.status_code == 200
    assert french("Two-factor authentication is on. Keep your backup codes somewhere safe.") in messages_of(response)
    assert two_factor_is_enabled(user=user)
    shown = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.text)
    assert len(shown) == 10
    assert set(shown) == set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    again = client.get(SECURITY)
    assert not any(code in again.text for code in shown)
    assert '<code class="secret">' not in again.text


def test_the_session_that_turned_it_on_stays_logged_in(client, user):
    """Turning two-factor authentication on counts as verifying the session: the user is not logged out."""
    client.force_login(user)
    turn_on_two_factor(client, user)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    assert response.wsgi_request.user.is_verified()


# Login in two steps.


def test_password_step_leads_to_the_code_step_without_logging_in(client, user, totp_device):
    """For a user with an authenticator, the right password alone leads to the code page and gives no access."""
    response = login_post(client, user.email)

    assert response.status_code == 302
    assert response["Location"] == LOGIN_VERIFY
    assert "_auth_user_id" not in client.session
    assert_logged_out(client)


def test_code_page_without_a_password_step_sends_to_login(client, user, totp_device):
    """Nobody reaches the code step without giving the password first."""
    response = verify(client, totp_token(totp_device))

    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert_logged_out(client)


def test_wrong_code_shows_a_french_error_and_does_not_log_in(client, user, totp_device):
    """A wrong authenticator code is refused with a French message and the user stays anonymous."""
    login_post(client, user.email)

    response = verify(client, wrong_token(totp_device))

    assert response.status_code == 200
    assert wrong_code_message() in page_text(response)
    assert_logged_out(client)


def test_right_code_logs_in_with_a_verified_session(client, user, totp_device):
    """The right code completes the login: the dashboard opens and the session counts as verified."""
    login_post(client, user.email)

    response = verify(client, totp_token(totp_device))

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    dashboard = client.get(DASHBOARD)
    assert dashboard.status_code == 200
    assert dashboard.wsgi_request.user == user
    assert dashboard.wsgi_request.user.is_verified()
    assert PENDING_LOGIN_KEY not in client.session


def test_code_step_keeps_next_and_the_language(client, user, totp_device):
    """After the code, the user reaches the local page they asked for, with their language cookie set."""
    user.preferred_language = "en"
    user.save()
    login_post(client, user.email, next=reverse("accounts:profile"))

    response = verify(client, totp_token(totp_device))

    assert response["Location"] == reverse("accounts:profile")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_session_key_changes_when_the_code_step_completes(client, user, totp_device):
    """The session that carried the pending login is replaced at login, so a planted key gains nothing."""
    login_post(client, user.email)
    pending_key = client.session.session_key

    verify(client, totp_token(totp_device))

    assert client.session.session_key != pending_key
    assert client.get(DASHBOARD).status_code == 200


def test_an_authenticator_code_cannot_be_replayed(client, user, totp_device):
    """A code already used to log in is refused if someone replays it for another login."""
    token = totp_token(totp_device)
    login_post(client, user.email)
    verify(client, token)
    client.post(reverse("accounts:logout"))

    login_post(client, user.email)
    response = verify(client, token)

    assert response.status_code == 200
    assert_logged_out(client)


def test_a_backup_code_works_once_only(client, user, totp_device, backup_codes):
    """A backup code logs in once; the same code is refused the next time."""
    code = backup_codes[0]
    login_post(client, user.email)
    response = verify(client, code)
    assert response.status_code == 302
    assert client.get(DASHBOARD).wsgi_request.user.is_verified()
    client.post(reverse("accounts:logout"))

    login_post(client, user.email)
    response = verify(client, code)

    assert response.status_code == 200
    assert wrong_code_message() in page_text(response)
    assert_logged_out(client)
    assert StaticToken.objects.filter(device__user=user).count() == 9


def test_a_backup_code_typed_with_capitals_and_spaces_works(client, user, totp_device, backup_codes):
    """Backup codes are shown in lower case, but a phone that capitalises them or added spaces does not matter."""
    code = backup_codes[0]
    login_post(client, user.email)

    response = verify(client, f" {code[:4].upper()} {code[4:].upper()} ")

    assert response.status_code == 302
    assert client.get(DASHBOARD).status_code == 200


def test_pending_login_expires_after_five_minutes(client, user, totp_device):
    """Five minutes after the password step, even the right code no longer logs in and the user starts again."""
    assert PENDING_LOGIN_SECONDS == 300
    login_post(client, user.email)
    session = client.session
    session[PENDING_LOGIN_KEY] = {**session[PENDING_LOGIN_KEY], "started": session[PENDING_LOGIN_KEY]["started"] - 301}
    session.save()

    response = client.post(LOGIN_VERIFY, {"token": totp_token(totp_device)}, follow=True)

    assert response.redirect_chain[0] == (LOGIN, 302)
    assert french("Your login has expired: enter your e-mail address and password again.") in messages_of(response)
    assert PENDING_LOGIN_KEY not in client.session
    assert_logged_out(client)


def test_pending_login_is_still_valid_just_before_five_minutes(client, user, totp_device):
    """Shortly before the five minutes are over, the code still completes the login."""
    login_post(client, user.email)
    session = client.session
    session[PENDING_LOGIN_KEY] = {**session[PENDING_LOGIN_KEY], "started": session[PENDING_LOGIN_KEY]["started"] - 290}
    session.save()

    response = verify(client, totp_token(totp_device))

    assert response.status_code == 302
    assert client.get(DASHBOARD).status_code == 200


# Enforcement.


def test_session_without_the_second_factor_is_logged_out(client, user, totp_device):
    """A session opened without the code for a user who has an authenticator is closed by the middleware."""
    client.force_login(user)

    response = client.get(reverse("accounts:profile"))

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session
    assert_logged_out(client)


@pytest.fixture
def strict_member(db):
    """A member of an organisation that requires two-factor authentication, without an authenticator yet."""
    organisation = OrganisationFactory(require_two_factor=True)
    return membership(organisation, role="member").user


@pytest.mark.parametrize("url_name", ["core:dashboard", "accounts:profile", "accounts:password_change"])
def test_required_two_factor_sends_members_to_the_security_page(client, strict_member, url_name):
    """Members of an organisation requiring two-factor authentication only reach its set-up, with a French warning."""
    client.force_login(strict_member)

    response = client.get(reverse(url_name), follow=True)

    assert response.redirect_chain == [(SECURITY, 302)]
    assert french("Your organisation requires two-factor authentication: set it up to continue.") in messages_of(
        response
    )
    assert '<code class="secret">' in response.text


def test_required_two_factor_still_lets_members_log_out(client, strict_member):
    """A member who cannot set it up now can still log out."""
    client.force_login(strict_member)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert_logged_out(client)


def test_required_two_factor_lets_members_set_it_up_and_continue(client, strict_member):
    """Once the member has set it up, the other pages open again."""
    client.force_login(strict_member)
    assert client.get(SECURITY).status_code == 200

    turn_on_two_factor(client, strict_member)

    assert client.get(DASHBOARD).status_code == 200


def test_two_factor_is_not_required_for_members_of_other_organisations(client, user):
    """A member of an organisation that does not require it uses the site without setting it up."""
    membership(OrganisationFactory(require_two_factor=False), user=user)
    client.force_login(user)

    assert client.get(DASHBOARD).status_code == 200


def test_disabling_is_refused_when_an_organisation_requires_it(client, strict_member):
    """A member cannot turn two-factor authentication off while an organisation requires it."""
    client.force_login(strict_member)
    turn_on_two_factor(client, strict_member)
    page = client.get(SECURITY)
    assert reverse("accounts:security_disable") not in page.text

    response = client.post(reverse("accounts:security_disable"), follow=True)

    assert french("One of your organisations requires two-factor authentication: it cannot be removed.") in messages_of(
        response
    )
    assert two_factor_is_enabled(user=strict_member)


def test_disabling_works_when_no_organisation_requires_it(client, user):
    """Without a requirement, the user can turn two-factor authentication off and the next login needs no code."""
    client.force_login(user)
    turn_on_two_factor(client, user)

    response = client.post(reverse("accounts:security_disable"), follow=True)

    assert french("Two-factor authentication is off.") in messages_of(response)
    assert not two_factor_is_enabled(user=user)
    assert not StaticToken.objects.filter(device__user=user).exists()
    client.post(reverse("accounts:logout"))
    assert login_post(client, user.email)["Location"] == DASHBOARD


def test_regenerating_backup_codes_invalidates_the_old_ones(client, user):
    """New backup codes replace the old ones, which no longer log in."""
    client.force_login(user)
    turn_on_two_factor(client, user)
    old = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))

    response = client.post(reverse("accounts:security_backup_codes"), follow=True)

    new = set(re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.text))
    assert len(new) == 10
    assert not old & new
    client.post(reverse("accounts:logout"))
    login_post(client, user.email)
    assert verify(client, sorted(old)[0]).status_code == 200
    assert_logged_out(client)


def test_after_many_wrong_codes_the_pause_is_named_and_a_good_backup_code_is_kept(
    client, user, totp_device, backup_codes
):
    """django-otp pauses after wrong codes: the page says how long, and a good backup code typed too early is not
    spent; once the pause is over it logs in."""
    login_post(client, user.email)
    for _attempt in range(6):  # each counted: the pause of both devices is skipped in between
        TOTPDevice.objects.filter(user=user).update(throttling_failure_timestamp=None)
        StaticDevice.objects.filter(user=user).update(throttling_failure_timestamp=None)
        verify(client, wrong_token(totp_device))

    response = verify(client, backup_codes[0])

    text = page_text(response)
    assert response.status_code == 200 and "Trop de codes erronés : attendez" in text and "secondes" in text
    assert StaticToken.objects.filter(device__user=user).count() == 10
    TOTPDevice.objects.filter(user=user).update(throttling_failure_timestamp=None)
    StaticDevice.objects.filter(user=user).update(throttling_failure_timestamp=None)
    assert verify(client, backup_codes[0])["Location"] == DASHBOARD
