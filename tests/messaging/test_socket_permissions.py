"""The messaging socket's rules: who may connect, subscribe and send, and when the server closes it."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.conf import settings
from django.test import Client
from django.urls import reverse

from extranet.messaging.models import Message
from extranet.organisations.models import Membership
from extranet.organisations.services import membership_remove
from tests.messaging.conftest import receive_until, socket

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_refused():
    """A socket without a logged-in session is refused at the handshake."""

    async def scenario():
        connected, _code = await socket().connect()
        return connected

    assert async_to_sync(scenario)() is False


@pytest.mark.parametrize(
    ("origin", "host"),
    [("https://evil.example", "testserver"), ("http://testserver.evil.example", "testserver"), ("", "testserver")],
)
def test_foreign_or_missing_origins_are_refused(member, settings, origin, host):
    """Another site's page (or no Origin) cannot open a socket with the member's cookie, even with ALLOWED_HOSTS "*"."""
    settings.ALLOWED_HOSTS = ["*"]

    client = socket(member, origin=origin, host=host)

    async def scenario():
        connected, _code = await client.connect()
        return connected

    assert async_to_sync(scenario)() is False


def test_a_foreign_conversation_is_answered_with_an_error_and_nothing_is_stored(outsider, direct):
    """Someone outside a conversation can neither subscribe to it nor post in it."""

    client = socket(outsider)

    async def scenario():
        assert (await client.connect())[0]
        await client.send_json_to({"type": "subscribe", "conversation": direct.pk})
        refused_subscribe = await receive_until(client, "error")
        await client.send_json_to({"type": "send", "conversation": direct.pk, "body": "Intrus", "key": "k1"})
        refused_send = await receive_until(client, "error")
        await client.disconnect()
        return refused_subscribe, refused_send

    subscribe, send = async_to_sync(scenario)()
    assert subscribe["code"] == send["code"] == "not_member"
    assert "membre" in subscribe["message"]
    assert not Message.objects.exists()


def test_a_member_removed_from_the_organisation_is_disconnected(member, room, admin):
    """Leaving the organisation closes the socket subscribed to its room; reconnecting, the room is refused."""
    membership = Membership.objects.get(user=member, organisation=room.organisation)

    client, again = socket(member), socket(member)

    async def scenario():
        assert (await client.connect())[0]
        await client.send_json_to({"type": "subscribe", "conversation": room.pk})
        await receive_until(client, "subscribed")
        await database_sync_to_async(membership_remove)(membership=membership)
        closed = await receive_until(client, "error")
        output = await client.receive_output(timeout=1)
        assert (await again.connect())[0]
        await again.send_json_to({"type": "subscribe", "conversation": room.pk})
        refused = await receive_until(again, "error")
        await again.disconnect()
        return closed, output, refused

    closed, output, refused = async_to_sync(scenario)()
    assert closed["code"] == "closed" and closed["reason"] == "membership_removed"
    assert output["type"] == "websocket.close"
    assert refused["code"] == "not_member"


def test_a_deactivated_account_is_disconnected(member, direct):
    """Deactivating the account closes its sockets at once."""

    client = socket(member)

    async def scenario():
        assert (await client.connect())[0]
        member.is_active = False
        await database_sync_to_async(member.save)()
        closed = await receive_until(client, "error")
        return closed, await client.receive_output(timeout=1)

    closed, output = async_to_sync(scenario)()
    assert closed["reason"] == "deactivated" and output["type"] == "websocket.close"


def test_logging_out_closes_the_sockets_of_that_login(member):
    """Logging out closes the socket opened with that session; another login of the same person stays open."""
    browser = Client()
    browser.force_login(member)
    client = socket(member, cookie=browser.cookies[settings.SESSION_COOKIE_NAME].value)
    other_login = socket(member)

    async def scenario():
        assert (await client.connect())[0] and (await other_login.connect())[0]
        await database_sync_to_async(browser.post)(reverse("accounts:logout"))
        closed = await receive_until(client, "error")
        output = await client.receive_output(timeout=1)
        await other_login.send_json_to({"type": "ping"})
        pong = await other_login.receive_json_from()
        await other_login.disconnect()
        return closed, output, pong

    closed, output, pong = async_to_sync(scenario)()
    assert closed["reason"] == "logout" and output["type"] == "websocket.close"
    assert pong == {"type": "pong"}


def test_a_session_that_expires_while_the_page_is_open_closes_its_socket(member, direct, settings):
    """Once the login's idle time has run out, the open socket is told so and closed: nothing more comes or goes."""
    settings.SESSION_COOKIE_AGE, settings.SESSION_REFRESH_SECONDS = 1, 0.2
    client = socket(member)

    async def scenario():
        assert (await client.connect())[0]
        await client.send_json_to({"type": "subscribe", "conversation": direct.pk})
        await receive_until(client, "subscribed")
        expired = await receive_until(client, "error", timeout=5)
        return expired, await client.receive_output(timeout=1)

    expired, output = async_to_sync(scenario)()
    assert expired["code"] == "session_expired" and "reconnectez-vous" in expired["message"]
    assert output["type"] == "websocket.close" and output["code"] == 4403


def test_sending_too_fast_is_answered_with_an_error_frame(member, direct):
    """Beyond 10 messages in 10 seconds, the next one gets a rate-limit error frame and is not stored."""

    client = socket(member)

    async def scenario():
        assert (await client.connect())[0]
        frames = []
        for number in range(11):
            await client.send_json_to(
                {"type": "send", "conversation": direct.pk, "body": f"n°{number}", "key": f"key-{number}"}
            )
            frames.append(await client.receive_json_from(timeout=2))
        await client.disconnect()
        return frames

    frames = async_to_sync(scenario)()
    assert [frame["type"] for frame in frames[:10]] == ["ack"] * 10
    assert frames[10]["type"] == "error" and frames[10]["code"] == "rate_limited" and frames[10]["key"] == "key-10"
    assert Message.objects.count() == 10


def test_too_many_connection_attempts_are_answered_with_an_error_frame(member, monkeypatch):
    """Beyond the connection limit, the socket gets an error frame and is closed."""
    monkeypatch.setattr("extranet.messaging.consumers.CONNECT_LIMIT", (1, 60))
    first, second = socket(member), socket(member)

    async def scenario():
        assert (await first.connect())[0] and (await second.connect())[0]
        refused = await second.receive_json_from()
        output = await second.receive_output(timeout=1)
        await first.disconnect()
        return refused, output

    refused, output = async_to_sync(scenario)()
    assert refused["code"] == "too_many_connections" and output["type"] == "websocket.close"


def test_bad_frames_get_clear_errors_and_nothing_is_stored_twice(member, direct):
    """Invalid JSON, a 1 MB frame and a replayed idempotency key each get their error frame; one message is stored."""

    client = socket(member)

    async def scenario():
        assert (await client.connect())[0]
        await client.send_to(text_data="{not json")
        invalid = await client.receive_json_from()
        await client.send_to(text_data='{"type": "send", "body": "' + "x" * 1_000_000 + '"}')
        oversized = await client.receive_json_from()
        frame = {"type": "send", "conversation": direct.pk, "body": "Bonjour", "key": "same-key"}
        await client.send_json_to(frame)
        ack = await client.receive_json_from()
        await client.send_json_to(frame)
        replayed = await receive_until(client, "error")
        await client.disconnect()
        return invalid, oversized, ack, replayed

    invalid, oversized, ack, replayed = async_to_sync(scenario)()
    assert invalid["code"] == "invalid_json"
    assert oversized["code"] == "frame_too_large"
    assert replayed["code"] == "duplicate" and replayed["id"] == ack["id"]
    assert Message.objects.get().body == "Bonjour"


def test_resuming_replays_the_missed_messages(member, colleague, direct):
    """A client subscribing again with its last message id receives what was sent meanwhile, in order."""
    from extranet.messaging.services import message_send

    first, _ = message_send(conversation=direct, author=member, body="Premier", key="a")
    message_send(conversation=direct, author=colleague, body="Deuxième", key="b")
    message_send(conversation=direct, author=colleague, body="Troisième", key="c")

    client = socket(member)

    async def scenario():
        assert (await client.connect())[0]
        await client.send_json_to({"type": "subscribe", "conversation": direct.pk, "last_id": first.pk})
        frames = [await client.receive_json_from() for _ in range(4)]
        await client.disconnect()
        return frames

    subscribed, second, third, done = async_to_sync(scenario)()
    assert subscribed["type"] == "subscribed"
    assert [second["html"], third["html"]] == ["Deuxième", "Troisième"] and second["replay"]
    assert done == {"type": "replayed", "conversation": direct.pk, "count": 2, "complete": True}


def test_live_delivery_receipts_typing_and_edits(member, colleague, direct):
    """Both members see a new message, its edit, the typing indicator and the read receipt live."""

    alice, bob = socket(member), socket(colleague)

    async def scenario():
        for client in (alice, bob):
            assert (await client.connect())[0]
            await client.send_json_to({"type": "subscribe", "conversation": direct.pk})
            await receive_until(client, "subscribed")
        await bob.send_json_to({"type": "typing", "conversation": direct.pk})
        typing = await receive_until(alice, "typing")
        await alice.send_json_to({"type": "send", "conversation": direct.pk, "body": "Salut @bob", "key": "k"})
        ack = await receive_until(alice, "ack")
        delivered = await receive_until(bob, "message")
        await alice.send_json_to({"type": "edit", "message": ack["id"], "body": "Salut à tous"})
        edited = await receive_until(bob, "message_changed")
        await bob.send_json_to({"type": "read", "conversation": direct.pk, "message": ack["id"]})
        receipt = await receive_until(alice, "read")
        for client in (alice, bob):
            await client.disconnect()
        return typing, delivered, edited, receipt, ack

    typing, delivered, edited, receipt, ack = async_to_sync(scenario)()
    assert typing["name"] == colleague.full_name
    assert delivered["id"] == ack["id"] and delivered["author_name"] == member.full_name
    assert edited["html"] == "Salut à tous" and edited["edited"]
    assert receipt["user"] == colleague.pk and receipt["message"] == ack["id"]


def test_a_long_absence_is_replayed_in_batches_without_subscribing_again(member, colleague, direct, monkeypatch):
    """Past the replay limit, `replay` brings the next batch: no second subscription, and nothing outside the room."""
    from extranet.messaging import selectors, services

    monkeypatch.setattr(selectors, "REPLAY_LIMIT", 3)
    sent = [
        services.message_send(conversation=direct, author=colleague, body=f"Point {number}", key=f"k{number}")[0]
        for number in range(5)
    ]
    client = socket(member)

    async def scenario():
        assert (await client.connect())[0]
        await client.send_json_to({"type": "subscribe", "conversation": direct.pk, "last_id": 0})
        frames = [await client.receive_json_from() for _ in range(5)]
        await client.send_json_to({"type": "replay", "conversation": direct.pk, "last_id": frames[3]["id"]})
        frames += [await client.receive_json_from() for _ in range(3)]
        await client.disconnect()
        return frames

    frames = async_to_sync(scenario)()
    assert [frame["type"] for frame in frames] == ["subscribed"] + ["message"] * 3 + ["replayed"] + ["message"] * 2 + [
        "replayed"
    ]
    assert [frame["id"] for frame in frames if frame["type"] == "message"] == [message.pk for message in sent]
    assert (frames[4]["complete"], frames[7]["complete"]) == (False, True)
