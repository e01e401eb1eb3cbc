"""Both WebSockets, through the same stack as config/asgi.py: a session and this site's Origin are required."""

import pytest
from asgiref.sync import async_to_sync
from channels.auth import AuthMiddlewareStack
from channels.layers import channel_layers
from channels.routing import URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from config.routing import websocket_urlpatterns
from extranet.messaging.origin import SameOriginValidator

pytestmark = pytest.mark.django_db

# config/asgi.py's websocket branch (importing asgi.py itself would check the serving settings).
APPLICATION = AllowedHostsOriginValidator(SameOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))))
PATHS = ["/ws/messages/", "/ws/notifications/"]


@pytest.fixture(autouse=True)
def _in_memory_layer(monkeypatch, settings):
    """The consumers' database calls run in the test's transaction; no Redis needed for a handshake."""
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    channel_layers.backends.clear()
    monkeypatch.setattr("channels.db.close_old_connections", lambda: None)
    yield
    channel_layers.backends.clear()


def _connects(path: str, *, cookie: str | None, origin: str | None) -> bool:
    headers = [(b"host", b"testserver")]
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    if cookie is not None:
        headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()))

    async def scenario():
        communicator = WebsocketCommunicator(APPLICATION, path, headers=headers)
        connected, _code = await communicator.connect()
        if connected:
            await communicator.disconnect()
        return connected

    return async_to_sync(scenario)()


def test_only_a_logged_in_page_of_this_site_opens_either_socket(member):
    """No session, a foreign Origin or no Origin: refused at the handshake, on the messaging and notification paths."""
    browser = Client()
    browser.force_login(member)
    cookie = browser.cookies[settings.SESSION_COOKIE_NAME].value
    for path in PATHS:
        assert _connects(path, cookie=cookie, origin="http://testserver"), path
        assert not _connects(path, cookie=None, origin="http://testserver"), path
        assert not _connects(path, cookie=cookie, origin="https://evil.example"), path
        assert not _connects(path, cookie=cookie, origin="http://testserver.evil.example"), path
        assert not _connects(path, cookie=cookie, origin=None), path
