"""The contact form of an ad e-mails its author with Reply-To set to the visitor; the author's address stays hidden."""

import pytest
from django.core import mail
from django.test import Client

from tests.accounts.factories import UserFactory
from tests.ads.factories import ad, published_ad
from tests.ads.helpers import page_text
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db

MESSAGE = {"name": "Sophie Lambert", "email": "sophie.lambert@orleans-metropole.test", "message": "Est-elle libre ?"}
TOO_MANY = "Vous avez envoyé trop de messages en peu de temps. Veuillez réessayer dans une heure."


@pytest.fixture
def published(jargeau):
    author = UserFactory(first_name="Pierre", email="pierre.guerin@jargeau.test", preferred_language="fr")
    membership(jargeau, user=author)
    return published_ad(jargeau, author=author, title="Prêt d'une nacelle élévatrice")


def test_the_message_reaches_the_author_with_reply_to_the_visitor(client, published):
    """The author receives the message, and replying answers the visitor directly."""
    mail.outbox.clear()

    response = client.post(published.get_absolute_url(), MESSAGE)

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["pierre.guerin@jargeau.test"]
    assert message.reply_to == ["sophie.lambert@orleans-metropole.test"]
    assert message.subject == "Message au sujet de votre petite annonce : Prêt d'une nacelle élévatrice"
    assert "Sophie Lambert (sophie.lambert@orleans-metropole.test) vous écrit" in message.body
    assert "Est-elle libre ?" in message.body
    assert "&#x27;" not in message.body + message.subject


def test_the_visitor_never_sees_the_authors_address(client, published):
    """Neither the form, nor the confirmation, nor the error pages show the author's address."""
    pages = [
        client.get(published.get_absolute_url()),
        client.post(published.get_absolute_url(), MESSAGE, follow=True),
        client.post(published.get_absolute_url(), {**MESSAGE, "email": "pas-une-adresse"}),
    ]

    for response in pages:
        assert "pierre.guerin" not in response.content.decode()
    assert "Votre message a été envoyé à Pierre." in page_text(pages[1])


def test_an_invalid_message_is_refused_and_sends_nothing(client, published):
    """A wrong e-mail address and an empty message give French errors and no e-mail."""
    mail.outbox.clear()

    response = client.post(published.get_absolute_url(), {"name": "Sophie", "email": "sophie@", "message": ""})

    assert response.status_code == 400
    assert "Saisissez une adresse de courriel valide." in page_text(response)
    assert "Champ requis." in page_text(response)
    assert not mail.outbox


def test_a_name_on_several_lines_is_refused_and_the_message_kept(client, published):
    """A line break in the name could fake lines of the author's e-mail: refused in French, the message stays."""
    mail.outbox.clear()

    response = client.post(published.get_absolute_url(), {**MESSAGE, "name": "Jean\r\nBcc: evil@example.test"})

    assert response.status_code == 400
    assert "Écrivez votre nom sur une seule ligne" in page_text(response)
    assert "Est-elle libre ?" in page_text(response)
    assert not mail.outbox


def test_a_sixth_message_in_an_hour_is_refused_with_429(client, published):
    """Five messages an hour from one address; the sixth gets a French explanation and HTTP 429."""
    for _number in range(5):
        assert client.post(published.get_absolute_url(), MESSAGE).status_code == 302
    mail.outbox.clear()

    response = client.post(published.get_absolute_url(), MESSAGE)

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert TOO_MANY in page_text(response)
    assert not mail.outbox


def test_the_limit_follows_the_address_not_the_session(published):
    """A new session from the same address is still limited; another address is not."""
    for _number in range(5):
        Client().post(published.get_absolute_url(), MESSAGE)

    assert Client().post(published.get_absolute_url(), MESSAGE).status_code == 429
    assert Client(REMOTE_ADDR="192.0.2.7").post(published.get_absolute_url(), MESSAGE).status_code == 302


def test_a_pending_ad_cannot_be_contacted(client, jargeau):
    """Posting to the page of an ad awaiting moderation answers 404 and sends nothing."""
    pending = ad(jargeau)
    mail.outbox.clear()

    assert client.post(pending.get_absolute_url(), MESSAGE).status_code == 404
    assert not mail.outbox


def test_the_contact_form_needs_the_csrf_token(published):
    """A cross-site submission of the contact form is refused."""
    mail.outbox.clear()

    response = Client(enforce_csrf_checks=True).post(published.get_absolute_url(), MESSAGE)

    assert response.status_code == 403
    assert not mail.outbox
