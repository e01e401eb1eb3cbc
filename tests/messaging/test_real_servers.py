"""End to end: WebSocket clients (the `websockets` library) against uvicorn processes."""

import asyncio
import json
import os

import pytest
from websockets.asyncio.client import connect

from tests.event_loop import run_apart
from tests.messaging.servers import colleagues_in_conversation, database_copy, uvicorn_servers

# serialized_rollback: the servers read a committed copy, and the pages the migrations created (which the
# organisations' provisioning needs) come back after each flush (see tests/browser/test_accessibility.py).
pytestmark = [pytest.mark.real_servers, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def live_data(db, tmp_path):
    """Two colleagues with their sessions and a direct conversation, in a database file the servers share."""
    (alice, alice_key), (bob, bob_key), conversation = colleagues_in_conversation()
    path = database_copy(tmp_path / "db.sqlite3")
    return {"path": path, "alice": alice_key, "bob": bob_key, "conversation": conversation.pk}


def client(port, session_key):
    return connect(
        f"ws://127.0.0.1:{port}/ws/messages/",
        origin=f"http://127.0.0.1:{port}",
        additional_headers={"Cookie": f"sessionid={session_key}"},
        open_timeout=10,
    )


async def frame(ws, frame_type, timeout=5):
    async with asyncio.timeout(timeout):
        while True:
            received = json.loads(await ws.recv())
            if received["type"] == frame_type:
                return received


async def subscribe(ws, conversation, **extra):
    await ws.send(json.dumps({"type": "subscribe", "conversation": conversation, **extra}))
    return await frame(ws, "subscribed")


def test_live_delivery_receipts_resume_and_offline_queue(live_data):
    """Bob gets Alice's message live, Alice his read receipt; offline, Bob misses one that the resume replays,
    and his queued message resent on reconnection is stored once."""
    conversation = live_data["conversation"]

    async def scenario(port):
        async with client(port, live_data["alice"]) as alice:
            await subscribe(alice, conversation)
            async with client(port, live_data["bob"]) as bob:
                await subscribe(bob, conversation)
                await alice.send(
                    json.dumps({"type": "send", "conversation": conversation, "body": "Bonjour", "key": "a1"})
                )
                first = await frame(bob, "message")
                await bob.send(json.dumps({"type": "read", "conversation": conversation, "message": first["id"]}))
                receipt = await frame(alice, "read")
                # Bob's queued message: sent, then the connection drops before he reads the acknowledgement.
                await bob.send(
                    json.dumps({"type": "send", "conversation": conversation, "body": "En route", "key": "b1"})
                )
                await frame(alice, "message")
            await alice.send(
                json.dumps({"type": "send", "conversation": conversation, "body": "Tu es là ?", "key": "a2"})
            )
            await frame(alice, "ack")
            async with client(port, live_data["bob"]) as bob:
                await subscribe(bob, conversation, last_id=first["id"])
                replayed = [await frame(bob, "message"), await frame(bob, "message")]
                await bob.send(
                    json.dumps({"type": "send", "conversation": conversation, "body": "En route", "key": "b1"})
                )
                duplicate = await frame(bob, "error")
        return first, receipt, replayed, duplicate

    with uvicorn_servers(database=live_data["path"]) as (port,):
        first, receipt, replayed, duplicate = run_apart(scenario(port))
    assert first["html"] == "Bonjour" and receipt["message"] == first["id"]
    assert [message["html"] for message in replayed] == ["En route", "Tu es là ?"]
    assert duplicate["code"] == "duplicate" and duplicate["id"] == replayed[0]["id"]


def _redis_url():
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception as error:  # noqa: BLE001 any failure means no usable Redis
        pytest.skip(f"Redis is not reachable at {url} ({error}): set REDIS_URL to run the two-process test.")
    return url


def test_two_server_processes_share_messages_through_redis(live_data):
    """A message sent to one server process reaches a client connected to another, through channels-redis."""
    url = _redis_url()
    conversation = live_data["conversation"]

    async def scenario(first_port, second_port):
        async with client(first_port, live_data["alice"]) as alice, client(second_port, live_data["bob"]) as bob:
            await subscribe(alice, conversation)
            await subscribe(bob, conversation)
            await alice.send(
                json.dumps({"type": "send", "conversation": conversation, "body": "Via Redis", "key": "r"})
            )
            return await frame(bob, "message")

    with uvicorn_servers(database=live_data["path"], count=2, redis_url=url) as ports:
        received = run_apart(scenario(*ports))
    assert received["html"] == "Via Redis"
