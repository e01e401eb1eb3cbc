"""Fixtures of the messaging tests: sockets through the real middleware stack, events published at once."""

import pytest
from channels.auth import AuthMiddlewareStack
from channels.layers import channel_layers
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from extranet.messaging import realtime, services
from extranet.messaging.origin import SameOriginValidator
from extranet.messaging.routing import websocket_urlpatterns
from tests.organisations.factories import membership

APPLICATION = SameOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns)))


@pytest.fixture(autouse=True)
def _sockets_in_the_test_transaction(monkeypatch, settings):
    """The consumer's database calls run in the test's thread and transaction (asgiref's thread-sensitive mode):
    channels must not close that connection, and events must not wait for a commit that never comes."""
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    channel_layers.backends.clear()
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)
    monkeypatch.setattr(realtime, "on_commit", lambda callback, robust=False: callback())
    yield
    channel_layers.backends.clear()


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def socket(user=None, *, origin="http://testserver", host="testserver", cookie=None):
    """A WebSocket client of the messaging endpoint, logged in as `user` (anonymous without one)."""
    headers = [(b"host", host.encode())]
    if origin:
        headers.append((b"origin", origin.encode()))
    if user is not None:
        cookie = cookie or session_cookie(user)
        headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()))
    return WebsocketCommunicator(APPLICATION, "/ws/messages/", headers=headers)


async def receive_until(communicator, frame_type, *, timeout=2):
    """The next frame of this type, skipping others (presence, typing)."""
    while True:
        frame = await communicator.receive_json_from(timeout=timeout)
        if frame["type"] == frame_type:
            return frame


@pytest.fixture
def colleague(commune):
    return membership(commune, role="member").user


@pytest.fixture
def direct(member, colleague):
    return services.conversation_create_direct(user=member, other=colleague)


@pytest.fixture
def room(commune):
    return services.conversation_organisation_provision(organisation=commune)
