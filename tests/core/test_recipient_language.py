"""Pages opened from an e-mail's link without logging in speak the recipient's language unless the browser chose."""

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def new_password_page(client, user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return client.get(reverse("accounts:password_reset_confirm", args=[uid, token]), follow=True).content.decode()


@pytest.mark.parametrize(
    ("account_language", "browser_cookie", "page_language"),
    [("en", None, "en"), ("en", "fr", "fr"), ("fr", None, "fr"), ("fr", "en", "en")],
)
def test_the_new_password_page_speaks_the_account_language_unless_the_browser_chose(
    client, account_language, browser_cookie, page_language
):
    """An English account's reset link opens in English on a phone that never chose a language."""
    user = UserFactory(preferred_language=account_language)
    if browser_cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = browser_cookie

    page = new_password_page(client, user)

    assert f'<html lang="{page_language}"' in page
    assert ("Choose a new password" in page) == (page_language == "en")


def test_a_forged_reset_link_stays_in_french(client):
    """A forged link says nothing of the account it names, not even its language."""
    user = UserFactory(preferred_language="en")
    uid = urlsafe_base64_encode(force_bytes(user.pk))

    page = client.get(reverse("accounts:password_reset_confirm", args=[uid, "forged-token"])).content.decode()

    assert '<html lang="fr"' in page


def test_the_password_changed_page_follows_in_the_account_language(client):
    """After the new password, the last page is in English too: the browser now remembers the language."""
    user = UserFactory(preferred_language="en")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    form_page = client.get(
        reverse("accounts:password_reset_confirm", args=[uid, default_token_generator.make_token(user)]), follow=True
    )
    new_password = "cerise-tulipe-42-horizon"

    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password}, follow=True
    ).content.decode()

    assert '<html lang="en"' in done
