"""Messaging services and selectors: conversations, idempotent sends, edits, read positions and unread counts."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.utils import timezone

from extranet.messaging import selectors, services
from extranet.messaging.models import Conversation, ConversationKind, Message
from extranet.messaging.rendering import message_html
from extranet.notifications.models import Notification
from extranet.organisations.models import Membership
from extranet.organisations.services import membership_remove
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_one_direct_conversation_per_pair_and_groups_need_a_title(member, colleague):
    """Starting a direct conversation twice returns the same one; a group without a title is refused in French."""
    first = services.conversation_create_direct(user=member, other=colleague)
    assert services.conversation_create_direct(user=colleague, other=member) == first
    with pytest.raises(ValidationError, match="titre"):
        services.conversation_create_group(creator=member, title=" ", members=[colleague])
    assert Conversation.objects.filter(kind__in=["direct", "group"]).count() == 1


def test_sending_is_idempotent_and_bounded(member, direct):
    """The same key stores one message; an over-long or empty message is refused with a French message."""
    message, created = services.message_send(conversation=direct, author=member, body="Bonjour", key="k")
    again, created_again = services.message_send(conversation=direct, author=member, body="Bonjour", key="k")
    assert created and not created_again and again == message
    with pytest.raises(ValidationError, match="4000"):
        services.message_send(conversation=direct, author=member, body="x" * 4001, key="k2")
    with pytest.raises(ValidationError, match="message"):
        services.message_send(conversation=direct, author=member, body="   ", key="k3")
    assert Message.objects.count() == 1


def test_only_the_author_edits_and_only_for_fifteen_minutes(member, colleague, direct):
    """Another member cannot edit a message; its author cannot after the time limit."""
    message, _ = services.message_send(conversation=direct, author=member, body="Bonjour", key="k")
    with pytest.raises(ValidationError):
        services.message_edit(message=message, user=colleague, body="Piraté")
    with pytest.raises(ValidationError, match="Seul son auteur peut modifier ou supprimer ce message."):
        services.message_delete(message=message, user=colleague)
    Message.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    message.refresh_from_db()
    with pytest.raises(ValidationError, match="15 minutes"):
        services.message_delete(message=message, user=member)
    assert Message.objects.get().body == "Bonjour"


def test_unread_counts_per_conversation_and_in_total(member, colleague, direct, room, django_assert_num_queries):
    """Messages of others count as unread until read; the navigation's total takes one query."""
    for number in range(3):
        services.message_send(conversation=direct, author=colleague, body=f"n°{number}", key=f"d{number}")
    services.message_send(conversation=room, author=colleague, body="Salon", key="r")
    services.message_send(conversation=room, author=member, body="Ma réponse", key="m")
    counts = {c.pk: c.unread for c in selectors.conversation_list_for_member(user=member)}
    assert counts == {direct.pk: 3, room.pk: 0}
    with django_assert_num_queries(1):
        assert selectors.unread_total(user=member) == 3
    services.conversation_mark_read(conversation=direct, user=member)
    assert selectors.unread_total(user=member) == 0


def test_rooms_follow_memberships(member, outsider, commune, other_commune, admin):
    """An organisation gets its room when created; its members read it, others and departed members get 404."""
    organisation = OrganisationFactory(name="Sandillon", slug="sandillon")
    assert Conversation.objects.filter(kind=ConversationKind.ORGANISATION, organisation=organisation).exists()
    room = services.conversation_organisation_provision(organisation=commune)
    assert selectors.conversation_get_for_member(user=member, pk=room.pk) == room
    with pytest.raises(Http404):
        selectors.conversation_get_for_member(user=outsider, pk=room.pk)
    membership_remove(membership=Membership.objects.get(user=member, organisation=commune))
    with pytest.raises(Http404):
        selectors.conversation_get_for_member(user=member, pk=room.pk)


def test_topic_rooms_are_created_by_administrators(admin, member, outsider, commune, other_commune):
    """An organisation's administrator creates a room for several organisations; a plain member cannot."""
    with pytest.raises(ValidationError):
        services.topic_room_create(creator=member, title="Voirie", organisations=[commune, other_commune])
    room = services.topic_room_create(creator=admin, title="Voirie", organisations=[commune, other_commune])
    assert selectors.conversation_get_for_member(user=outsider, pk=room.pk) == room


def test_mentions_are_highlighted_escaped_and_notified(member, colleague, direct):
    """@name is highlighted in escaped HTML and names the conversation's member with that address, who is notified."""
    html = message_html("<b>Salut</b> @" + colleague.email.split("@")[0])
    assert html.startswith('&lt;b&gt;Salut&lt;/b&gt; <strong class="mention">@')
    message, _ = services.message_send(
        conversation=direct, author=member, body="Vu @" + colleague.email.split("@")[0], key="k"
    )
    from extranet.messaging.mentions import mentioned_users

    assert mentioned_users(message=message) == [colleague]
    notification = Notification.objects.get(kind="mention")
    assert notification.user == colleague and notification.url.endswith(f"#message-{message.pk}")


def test_attachments_reuse_the_library_checks(member, direct):
    """A program sent as an attachment is refused like in the library, and no message is left behind."""
    program = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    with pytest.raises(ValidationError, match="programme"):
        services.message_send(conversation=direct, author=member, body="Voir PJ", key="k", upload=program)
    assert not Message.objects.exists()


def test_a_deleted_messages_attachment_file_goes_only_once_the_deletion_is_committed(
    member, direct, django_capture_on_commit_callbacks
):
    """Until the deletion is committed the file stays (a rollback or a backup's snapshot still names it)."""
    pdf = SimpleUploadedFile("ordre-du-jour.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
    message, _created = services.message_send(conversation=direct, author=member, body="Voir PJ", upload=pdf)
    attachment = message.attachments.get()
    storage, name = attachment.file.storage, attachment.file.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.message_delete(message=message, user=member)
    assert storage.exists(name)
    for callback in callbacks:
        callback()
    assert not storage.exists(name)
