"""The live unread count: the member's socket hears it, an anonymous socket is refused, a dead layer is harmless."""

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator

from extranet.notifications import live
from extranet.notifications.consumers import NotificationConsumer
from extranet.notifications.services import notification_send

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _socket_queries_in_the_test_transaction(monkeypatch):
    """The consumer reads the count in the test's thread and transaction: channels must not close that connection."""
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)


async def _connect(user):
    communicator = WebsocketCommunicator(NotificationConsumer.as_asgi(), "/ws/notifications/")
    communicator.scope["user"] = user
    connected, _ = await communicator.connect()
    return communicator if connected else None


async def _listen(user):
    communicator = await _connect(user)
    if communicator is None:
        return None
    await communicator.receive_json_from(timeout=2)
    await sync_to_async(notification_send)(users=[user], kind="event_invitation", title="Invitation", url="/")
    await sync_to_async(live.unread_counts_push)(user_ids=[user.pk])
    frame = await communicator.receive_json_from(timeout=2)
    await communicator.disconnect()
    return frame


def test_the_members_socket_receives_the_unread_count(member):
    """A notification for the member reaches their open socket as the new unread count."""
    assert async_to_sync(_listen)(member) == {"type": "notification", "unread": 1}


def test_a_reconnecting_page_starts_from_the_current_count(member):
    """A page that lost its socket while a notification came gets the count as soon as it reconnects."""
    notification_send(users=[member], kind="event_invitation", title="Invitation", url="/")

    async def reconnect():
        communicator = await _connect(member)
        frame = await communicator.receive_json_from(timeout=2)
        await communicator.disconnect()
        return frame

    assert async_to_sync(reconnect)() == {"type": "notification", "unread": 1}


def test_an_anonymous_socket_is_refused():
    """Without a logged-in user, the socket is closed at once."""
    from django.contrib.auth.models import AnonymousUser

    assert async_to_sync(_listen)(AnonymousUser()) is None


def test_a_broken_channel_layer_never_fails_the_sender(member, monkeypatch):
    """The notification is stored even when the channel layer is down."""

    def broken():
        raise ConnectionError("redis down")

    monkeypatch.setattr(live, "get_channel_layer", broken)
    live.unread_counts_push(user_ids=[member.pk])
    assert notification_send(users=[member], kind="event_invitation", title="Invitation", url="/")
