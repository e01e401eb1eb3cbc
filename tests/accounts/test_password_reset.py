"""Forgotten password: a link by e-mail (sent by the task worker), usable once, to choose a new password."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django_tasks.signals import task_enqueued

from tests.accounts.factories import DEFAULT_PASSWORD
from tests.accounts.helpers import french, login_post, page_text

pytestmark = pytest.mark.django_db

RESET = reverse("accounts:password_reset")
DONE = reverse("accounts:password_reset_done")
NEW_PASSWORD = "Jargeau-sur-Loire-1789"


def ask_for_a_link(client, email):
    return client.post(RESET, {"email": email})


def link_in(message) -> str:
    match = re.search(r"http://testserver(/mot-de-passe/nouveau/[^/\s]+/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def without_csrf_tokens(text: str) -> str:
    """The page without its CSRF tokens, which are masked differently on every response."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)


def set_password(client, link, password1, password2=None):
    """Follow the link from the e-mail, then submit the new password on the page it leads to."""
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    return client.post(form_url, {"new_password1": password1, "new_password2": password2 or password1})


def test_asking_for_a_reset_sends_one_email_with_a_link(client, user):
    """Asking for a reset queues one e-mail task that sends the account's address a link to a new password."""
    enqueued = []

    def record(sender, task_result, **kwargs):
        enqueued.append(task_result.task.name)

    task_enqueued.connect(record)
    try:
        response = ask_for_a_link(client, user.email)
    finally:
        task_enqueued.disconnect(record)

    assert enqueued == ["send_email"]

    assert response.status_code == 302
    assert response["Location"] == DONE
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert message.subject == french("Choose a new password for Territoires")
    assert link_in(message)


def test_the_email_is_written_in_the_accounts_language(client, user):
    """An English-speaking account gets its link in English, though asked for from a French browser."""
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])

    ask_for_a_link(client, user.email)

    (message,) = mail.outbox
    assert message.subject == "Choose a new password for Territoires"


def test_the_address_is_found_whatever_its_case(client, user):
    """An address typed with capitals still gets its link."""
    ask_for_a_link(client, user.email.upper())

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]


def test_unknown_address_gets_the_same_page_and_no_email(client, user):
    """An unknown address gets the same answer as a known one and no e-mail, so accounts cannot be discovered."""
    known = client.get(ask_for_a_link(client, user.email)["Location"])
    mail.outbox.clear()

    response = ask_for_a_link(client, "inconnu@jargeau.test")

    assert response.status_code == 302
    assert response["Location"] == DONE
    assert mail.outbox == []
    unknown = client.get(response["Location"])
    assert without_csrf_tokens(page_text(unknown)) == without_csrf_tokens(page_text(known))
    assert french("Check your e-mail") in page_text(unknown)


def test_the_link_sets_a_new_password_that_then_logs_in(client, user):
    """The link lets the user choose a new password; the new one logs in and the old one no longer does."""
    ask_for_a_link(client, user.email)

    response = set_password(client, link_in(mail.outbox[0]), NEW_PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_complete")
    assert login_post(client, user.email, DEFAULT_PASSWORD).status_code == 200
    response = login_post(client, user.email, NEW_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("core:dashboard")


def test_the_link_works_only_once(client, user):
    """Once used, the link shows a French 'not valid any more' page and cannot change the password again."""
    ask_for_a_link(client, user.email)
    link = link_in(mail.outbox[0])
    set_password(client, link, NEW_PASSWORD)

    response = client.get(link, follow=True)

    assert 'name="new_password1"' not in response.text
    assert french("This link is not valid any more: it has been used or it has expired.") in page_text(response)
    set_password(client, link, "Un-autre-mot-de-passe-2024")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_a_forged_link_is_refused(client, user):
    """A link with a made-up token does not let anyone change the password."""
    ask_for_a_link(client, user.email)
    forged = re.sub(r"/[^/]+/$", "/abcdef-0123456789abcdef0123456789abcdef/", link_in(mail.outbox[0]))

    set_password(client, forged, NEW_PASSWORD)

    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)


@pytest.mark.parametrize(
    ("weak", "message"),
    [
        ("court", "Ce mot de passe est trop court. Il doit contenir au minimum 10 caractères."),
        ("password123", "Ce mot de passe est trop courant."),
        ("3141592653589", "Ce mot de passe est entièrement numérique."),
    ],
)
def test_a_weak_password_gets_a_french_error(client, user, weak, message):
    """A weak new password is refused with a French explanation and the old password still works."""
    ask_for_a_link(client, user.email)

    response = set_password(client, link_in(mail.outbox[0]), weak)

    assert response.status_code == 200
    assert message in page_text(response)
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)


def test_two_different_passwords_get_a_french_error(client, user):
    """Typing two different passwords is refused with a French message."""
    ask_for_a_link(client, user.email)

    response = set_password(client, link_in(mail.outbox[0]), NEW_PASSWORD, NEW_PASSWORD + "x")

    assert response.status_code == 200
    assert "Les deux mots de passe ne correspondent pas." in page_text(response)
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)


def test_a_person_added_by_a_directory_import_chooses_a_first_password(client, commune):
    """An account created without a password by the directory import gets the link, and the password it sets logs in."""
    from annuaire.services import people_import_apply

    row = {"email": "elodie.lefevre@jargeau.test", "first_name": "Élodie", "last_name": "Lefèvre"}
    people_import_apply(organisation=commune, rows=[{**row, "function": "", "phone": "", "mobile": "", "service": ""}])

    ask_for_a_link(client, row["email"])
    response = set_password(client, link_in(mail.outbox[0]), NEW_PASSWORD)

    assert response["Location"] == reverse("accounts:password_reset_complete")
    assert login_post(client, row["email"], NEW_PASSWORD)["Location"] == reverse("core:dashboard")


def test_a_deactivated_account_gets_no_link(client, user):
    """A deactivated account is told nothing different and is sent nothing."""
    user.is_active = False
    user.save()

    assert ask_for_a_link(client, user.email)["Location"] == DONE
    assert mail.outbox == []


def test_a_new_password_lifts_the_login_lockout(client, user, settings):
    """Locked out after wrong passwords, the user follows the page's advice: the new password logs in at once."""
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login_post(client, user.email, "pas-le-bon-mot-de-passe", REMOTE_ADDR="10.0.0.1")
    assert login_post(client, user.email, REMOTE_ADDR="10.0.0.1").status_code == 429

    ask_for_a_link(client, user.email)
    set_password(client, link_in(mail.outbox[0]), NEW_PASSWORD)

    assert login_post(client, user.email, NEW_PASSWORD, REMOTE_ADDR="10.0.0.1")["Location"] == reverse("core:dashboard")
