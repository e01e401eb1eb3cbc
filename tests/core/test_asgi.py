import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator

from config.asgi import application


async def _connect(origin: bytes):
    communicator = WebsocketCommunicator(application, "/ws/", headers=[(b"origin", origin), (b"host", b"localhost")])
    connected, _ = await communicator.connect()
    await communicator.disconnect()
    return connected


@pytest.mark.django_db
def test_websocket_from_a_foreign_origin_is_refused():
    """A WebSocket opened by a page of another site is closed before any consumer runs."""
    assert async_to_sync(_connect)(b"https://evil.example") is False
