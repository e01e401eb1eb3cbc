"""The baseline of messaging_fanout.py: a bare Channels consumer that joins one group and relays what it
receives to it, without sessions, database or checks; served by uvicorn like the project, with the same
memory probe (`_memory_probe.py`) and the same freeze at start (`extranet.core.lifespan`)."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from _memory_probe import with_memory_probe  # noqa: E402
from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path  # noqa: E402

from extranet.core.lifespan import lifespan_application  # noqa: E402

GROUP = "bench.echo"


class EchoConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        await self.channel_layer.group_add(GROUP, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(GROUP, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        await self.channel_layer.group_send(GROUP, {"type": "relay", "text": text_data})

    async def relay(self, event):
        await self.send(text_data=event["text"])


application = with_memory_probe(
    ProtocolTypeRouter(
        {"websocket": URLRouter([path("echo/", EchoConsumer.as_asgi())]), "lifespan": lifespan_application}
    )
)
