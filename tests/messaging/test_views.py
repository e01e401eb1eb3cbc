"""Messaging pages: they work without JavaScript and never show a foreign conversation."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from extranet.messaging import services
from extranet.messaging.models import Message

pytestmark = pytest.mark.django_db


def test_foreign_conversations_answer_404(client, outsider, member, direct):
    """The page, its history, its form and its attachments answer 404 to someone outside the conversation."""
    message, _ = services.message_send(
        conversation=direct,
        author=member,
        body="Pièce jointe",
        key="k",
        upload=SimpleUploadedFile("note.txt", b"Ordre du jour du conseil.\n"),
    )
    client.force_login(outsider)
    attachment = message.attachments.get()
    for url in [
        reverse("messaging:conversation", args=[direct.pk]),
        reverse("messaging:history", args=[direct.pk]),
        reverse("messaging:attachment", args=[attachment.pk]),
    ]:
        assert client.get(url).status_code == 404
    assert client.post(reverse("messaging:post", args=[direct.pk]), {"body": "x", "key": "y"}).status_code == 404
    client.force_login(member)
    assert client.get(reverse("messaging:attachment", args=[attachment.pk])).status_code == 200


def test_posting_without_javascript(client, member, colleague, direct):
    """The form posts a message once, even submitted twice, and the other member sees it unread in the navigation."""
    client.force_login(member)
    url = reverse("messaging:post", args=[direct.pk])
    response = client.post(url, {"body": "Réunion à 14 h <script>", "key": "form-key"})
    client.post(url, {"body": "Réunion à 14 h <script>", "key": "form-key"})
    message = Message.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#message-{message.pk}")
    client.force_login(colleague)
    index = client.get(reverse("messaging:index")).content.decode()
    assert "1 message non lu" in index
    page = client.get(reverse("messaging:conversation", args=[direct.pk])).content.decode()
    assert "Réunion à 14 h &lt;script&gt;" in page and "<script>" not in page.split("</head>")[1]
    assert client.post(url, {"body": "", "key": "k2"}).status_code == 400


def test_earlier_messages_are_paginated(client, member, direct):
    """The page shows the latest 50 messages with a link to earlier ones, which the history returns."""
    for number in range(55):
        services.message_send(conversation=direct, author=member, body=f"Message {number}", key=f"k{number}")
    client.force_login(member)
    page = client.get(reverse("messaging:conversation", args=[direct.pk])).content.decode()
    assert "Message 54" in page and "Message 4<" not in page and "?before=" in page
    first_shown = Message.objects.order_by("pk")[5].pk
    earlier = client.get(reverse("messaging:history", args=[direct.pk]), {"before": first_shown}).json()
    assert [m["html"] for m in earlier["messages"]] == [f"Message {n}" for n in range(5)]
    assert earlier["has_earlier"] is False


def test_a_too_long_message_gets_one_error_and_comes_back_whole(client, member, direct):
    """Over 4,000 characters, the page says so once, not also "write a message first", and keeps the text."""
    client.force_login(member)
    body = "Compte rendu. " + "a" * 4000
    response = client.post(reverse("messaging:post", args=[direct.pk]), {"body": body, "key": "k"})
    page = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert "Assurez-vous que cette valeur comporte au plus 4000 caractères" in page
    assert "Écrivez d'abord un message." not in page
    assert body in page
    assert not Message.objects.exists()


def test_coming_back_to_the_send_address_after_logging_in_shows_the_conversation(client, member, direct):
    """A session that ended mid-message sends the member to log in and back to the send address: the conversation
    answers, not a blank 405."""
    client.force_login(member)

    response = client.get(reverse("messaging:post", args=[direct.pk]))

    assert response.status_code == 302 and response["Location"] == direct.get_absolute_url()
