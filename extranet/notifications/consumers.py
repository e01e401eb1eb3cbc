"""A minimal WebSocket endpoint for pages that only want the live unread count (`ws/notifications/`).

It joins the member's group `user-<id>`, sends the current count, then forwards `notification.update` events as
{"unread": n}.
The messaging consumer may forward the same events on its own socket; both listen to the same group.
"""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from .live import user_group_name
from .selectors import notification_unread_count


class NotificationConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not user.is_active:
            await self.close(code=4401)
            return
        self.group = user_group_name(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        # A page reconnecting after a network loss missed the updates sent meanwhile: it starts from the count now.
        unread = await database_sync_to_async(notification_unread_count)(user=user)
        await self.send_json({"type": "notification", "unread": unread})

    async def disconnect(self, code):
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        await self.send_json({"type": "error", "error": "read-only"})

    async def notification_update(self, event):
        await self.send_json({"type": "notification", "unread": event["unread"]})
