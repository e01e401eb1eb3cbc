"""The messaging WebSocket: one socket per open page, subscribed to any of the user's conversations.

Frames are JSON objects with a `type` (see docs/messaging.md). The session authenticates the socket;
membership is checked again on every subscribe and every send, and the services close a socket whose
user logs out, is deactivated or leaves the organisation of a room (their personal and session groups).
Every refusal is an `error` frame with a code and a message in the user's language.
"""

import asyncio
import json
import time
from importlib import import_module

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _

from extranet.core.middleware import SlidingSessionMiddleware

from . import realtime, selectors, services
from .models import LISTED_KINDS
from .ratelimit import rate_exceeded

MAX_FRAME_BYTES = 64 * 1024
SEND_LIMIT = (10, 10)  # messages per 10 seconds
FRAME_LIMIT = (120, 10)  # frames of any type per 10 seconds, beyond which the socket is closed
CONNECT_LIMIT = (30, 60)  # connections per minute
PRESENCE_STATUSES = {"online", "away"}
# Channel-layer events whose handlers only write to the socket: channels' dispatch would first hop to the
# single database thread (close_old_connections) for each of them, which serialises a room's fan-out.
EVENTS_WITHOUT_DATABASE = frozenset({"message.new", "message.changed", "read.receipt", "chat.typing", "chat.presence"})
CLOSE_POLICY = 4403
CLOSE_FLOOD = 4429


def _id(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, str) and value.isdecimal() and len(value) < 19:
        return int(value)
    return None


@database_sync_to_async
def _session_refreshed_at(session_key: str, user_id: int) -> float | None:
    """When the socket's session was last pushed back (0 if never stamped); None once it has expired, was
    deleted or belongs to someone else."""
    data = import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key).load()
    if data.get("_auth_user_id") != str(user_id):
        return None
    return float(data.get(SlidingSessionMiddleware.REFRESHED_KEY, 0))


@database_sync_to_async
def _member_kind(user_id, conversation_id):
    return selectors.conversation_member_kind(user_id=user_id, conversation_id=conversation_id)


@database_sync_to_async
def _replay(conversation_id, after):
    messages = selectors.messages_after(conversation_id=conversation_id, after=after)
    return [realtime.message_payload(message) for message in messages]


@database_sync_to_async
def _send(user, conversation_id, body, key):
    conversation = selectors.conversation_get_for_member(user=user, pk=conversation_id)
    message, created = services.message_send(conversation=conversation, author=user, body=body, key=key)
    return message.pk, created


@database_sync_to_async
def _change(user, message_id, body, delete):
    message = selectors.message_get_for_author(user=user, pk=message_id)
    if delete:
        services.message_delete(message=message, user=user)
    else:
        services.message_edit(message=message, user=user, body=body)


@database_sync_to_async
def _mark_read(user, conversation_id, message_id):
    conversation = selectors.conversation_get_for_member(user=user, pk=conversation_id)
    return services.conversation_mark_read(conversation=conversation, user=user, message_id=message_id)


class MessagingConsumer(AsyncJsonWebsocketConsumer):
    async def dispatch(self, message):
        if message["type"] in EVENTS_WITHOUT_DATABASE:
            await getattr(self, get_handler_name(message))(message)
        else:
            await super().dispatch(message)

    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not user.is_active:
            await self.close(code=CLOSE_POLICY)  # before accept: the handshake is refused
            return
        self.user = user
        self.language = user.preferred_language or "fr"
        self.subscribed: set[int] = set()
        # Presence is announced in direct and group conversations only: in a room of 1,000 members, every
        # connection would otherwise send 1,000 frames.
        self.presence_conversations: set[int] = set()
        self.groups_joined = [realtime.user_group(user.pk)]
        session_key = self.scope.get("session") and self.scope["session"].session_key
        if session_key:
            self.groups_joined.append(realtime.session_group(session_key))
        self.counted = False
        limited = await rate_exceeded(key=f"connect:{user.pk}", limit=CONNECT_LIMIT[0], window=CONNECT_LIMIT[1])
        if not limited:
            # Joined before accepting: a close published as soon as the socket is open reaches it.
            for group in self.groups_joined:
                await self.channel_layer.group_add(group, self.channel_name)
            self.show_presence = await database_sync_to_async(selectors.presence_visible)(user_id=user.pk)
        await self.accept()
        if limited:
            self.groups_joined = []
            with translation.override(self.language):
                await self.error("too_many_connections", _("Too many connections: wait a minute before reconnecting."))
            await self.close(code=CLOSE_FLOOD)
            return
        await self._count_connection(+1)
        self.counted = True
        if session_key:
            self.session_watch = asyncio.create_task(self._watch_session(session_key))

    async def _watch_session(self, session_key: str):
        """Close the socket once its session has ended by itself (idle expiry), as a logout does: an open page
        neither receives nor sends anything more. Checked when the session is due to expire, and again each time
        the pages it serves have pushed the expiry back meanwhile: one read per idle period, not per frame."""
        while True:
            refreshed_at = await _session_refreshed_at(session_key, self.user.pk)
            if refreshed_at is None:
                with translation.override(self.language):
                    await self.error("session_expired", _("Your session has ended: log in again."))
                await self.close(code=CLOSE_POLICY)
                return
            due = refreshed_at + settings.SESSION_COOKIE_AGE if refreshed_at else time.time()
            await asyncio.sleep(max(due - time.time(), settings.SESSION_REFRESH_SECONDS))

    async def disconnect(self, code):
        if not hasattr(self, "subscribed"):
            return
        if hasattr(self, "session_watch"):
            self.session_watch.cancel()
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)
        still_online = await self._count_connection(-1) if self.counted else 0
        for conversation_id in self.subscribed:
            if not still_online:
                await self._announce_presence(conversation_id, "offline")
            await self.channel_layer.group_discard(realtime.conversation_group(conversation_id), self.channel_name)

    async def _count_connection(self, step: int) -> int:
        key = f"messaging:online:{self.user.pk}"
        await cache.aadd(key, 0, timeout=None)
        try:
            return max(await cache.aincr(key, step), 0)
        except ValueError:
            return 0

    async def error(self, code: str, message: str, **extra):
        await self.send_json({"type": "error", "code": code, "message": message, **extra})

    # Frames from the client.

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        with translation.override(self.language):
            if await rate_exceeded(key=f"frames:{self.user.pk}", limit=FRAME_LIMIT[0], window=FRAME_LIMIT[1]):
                await self.error("flood", _("Too many frames: the connection is closed."))
                await self.close(code=CLOSE_FLOOD)
                return
            raw = text_data if text_data is not None else bytes_data
            if raw is None or len(raw) > MAX_FRAME_BYTES:
                await self.error(
                    "frame_too_large",
                    _("This frame is too large (at most %(max)s kB).") % {"max": MAX_FRAME_BYTES // 1024},
                )
                return
            try:
                content = json.loads(raw)
            except (ValueError, UnicodeDecodeError):
                content = None
            if not isinstance(content, dict):
                await self.error("invalid_json", _("This frame is not a JSON object."))
                return
            handler = self.HANDLERS.get(content.get("type"))
            if handler is None:
                await self.error("unknown_type", _("Unknown frame type."))
                return
            await handler(self, content)

    async def _conversation(self, content) -> int | None:
        """The conversation the frame names, if the user is (still) a member; an error frame otherwise."""
        conversation_id = _id(content.get("conversation"))
        kind = await _member_kind(self.user.pk, conversation_id) if conversation_id is not None else None
        if kind in LISTED_KINDS:
            self.presence_conversations.add(conversation_id)
        if kind is None:
            await self.error(
                "not_member",
                _("You are not a member of this conversation."),
                conversation=content.get("conversation") if conversation_id is not None else None,
            )
            return None
        return conversation_id

    async def on_subscribe(self, content):
        conversation_id = await self._conversation(content)
        if conversation_id is None:
            return
        await self.channel_layer.group_add(realtime.conversation_group(conversation_id), self.channel_name)
        self.subscribed.add(conversation_id)
        await self.send_json({"type": "subscribed", "conversation": conversation_id})
        after = _id(content.get("last_id"))
        if after is not None:
            await self._replay(conversation_id, after)
        await self._announce_presence(conversation_id, "online")

    async def on_replay(self, content):
        """The next batch of a replay that was not complete, without subscribing (or announcing) again."""
        after = _id(content.get("last_id"))
        if after is None:
            await self.error("bad_frame", _("Say from which message to replay."))
            return
        conversation_id = await self._conversation(content)
        if conversation_id is not None:
            await self._replay(conversation_id, after)

    async def _replay(self, conversation_id: int, after: int):
        payloads = await _replay(conversation_id, after)
        for payload in payloads:
            await self.send_json({"type": "message", "replay": True, **payload})
        await self.send_json(
            {
                "type": "replayed",
                "conversation": conversation_id,
                "count": len(payloads),
                "complete": len(payloads) < selectors.REPLAY_LIMIT,
            }
        )

    async def on_unsubscribe(self, content):
        conversation_id = _id(content.get("conversation"))
        if conversation_id in self.subscribed:
            self.subscribed.discard(conversation_id)
            await self.channel_layer.group_discard(realtime.conversation_group(conversation_id), self.channel_name)

    async def on_send(self, content):
        key = content.get("key")
        body = content.get("body")
        if not isinstance(key, str) or not key or not isinstance(body, str):
            await self.error("bad_frame", _("A message needs a text body and an idempotency key."), key=None)
            return
        conversation_id = await self._conversation(content)
        if conversation_id is None:
            return
        if await rate_exceeded(key=f"send:{self.user.pk}", limit=SEND_LIMIT[0], window=SEND_LIMIT[1]):
            await self.error(
                "rate_limited",
                _("You are sending too many messages: wait a few seconds, then send it again."),
                key=key,
                retry_after=SEND_LIMIT[1],
            )
            return
        try:
            message_id, created = await _send(self.user, conversation_id, body, key)
        except ValidationError as error:
            await self.error("invalid", " ".join(error.messages), key=key)
        except Http404:
            await self.error("not_member", _("You are not a member of this conversation."), key=key)
        else:
            if created:
                await self.send_json({"type": "ack", "key": key, "id": message_id, "conversation": conversation_id})
            else:
                await self.error(
                    "duplicate",
                    _("This message was already received."),
                    key=key,
                    id=message_id,
                    conversation=conversation_id,
                )

    async def _on_change(self, content, *, delete: bool):
        message_id = _id(content.get("message"))
        body = content.get("body", "")
        if message_id is None or not isinstance(body, str):
            await self.error("bad_frame", _("Name the message to change."))
            return
        try:
            await _change(self.user, message_id, body, delete)
        except ValidationError as error:
            await self.error("invalid", " ".join(error.messages), message_id=message_id)
        except Http404:
            await self.error("not_author", _("Only its author may edit or delete this message."), message_id=message_id)

    async def on_edit(self, content):
        await self._on_change(content, delete=False)

    async def on_delete(self, content):
        await self._on_change(content, delete=True)

    async def on_read(self, content):
        conversation_id = await self._conversation(content)
        message_id = _id(content.get("message"))
        if conversation_id is not None:
            try:
                await _mark_read(self.user, conversation_id, message_id)
            except Http404:
                await self.error("not_member", _("You are not a member of this conversation."))

    async def on_typing(self, content):
        conversation_id = _id(content.get("conversation"))
        if conversation_id not in self.subscribed:
            await self.error("not_subscribed", _("Subscribe to the conversation first."))
            return
        await self.channel_layer.group_send(
            realtime.conversation_group(conversation_id),
            {"type": "chat.typing", "conversation": conversation_id, "user": self.user.pk, "name": self.user.full_name},
        )

    async def on_presence(self, content):
        status = content.get("status")
        if status not in PRESENCE_STATUSES:
            await self.error("bad_frame", _("Unknown presence status."))
            return
        for conversation_id in self.subscribed:
            await self._announce_presence(conversation_id, status)

    async def on_ping(self, content):
        await self.send_json({"type": "pong"})

    HANDLERS = {
        "subscribe": on_subscribe,
        "replay": on_replay,
        "unsubscribe": on_unsubscribe,
        "send": on_send,
        "edit": on_edit,
        "delete": on_delete,
        "read": on_read,
        "typing": on_typing,
        "presence": on_presence,
        "ping": on_ping,
    }

    async def _announce_presence(self, conversation_id: int, status: str):
        if self.show_presence and conversation_id in self.presence_conversations:
            await self.channel_layer.group_send(
                realtime.conversation_group(conversation_id),
                {
                    "type": "chat.presence",
                    "conversation": conversation_id,
                    "user": self.user.pk,
                    "name": self.user.full_name,
                    "status": status,
                },
            )

    # Events from the channel layer.

    async def message_new(self, event):
        await self.send_json({"type": "message", **event["message"]})

    async def message_changed(self, event):
        await self.send_json({"type": "message_changed", **event["message"]})

    async def read_receipt(self, event):
        await self.send_json({"type": "read", **{k: v for k, v in event.items() if k != "type"}})

    async def chat_typing(self, event):
        if event["user"] != self.user.pk:
            await self.send_json({"type": "typing", "conversation": event["conversation"], "name": event["name"]})

    async def chat_presence(self, event):
        if event["user"] != self.user.pk:
            await self.send_json({k: v for k, v in event.items() if k != "type"} | {"type": "presence"})

    async def conversation_revoked(self, event):
        conversation_id = event["conversation"]
        self.subscribed.discard(conversation_id)
        await self.channel_layer.group_discard(realtime.conversation_group(conversation_id), self.channel_name)
        await self.send_json({"type": "revoked", "conversation": conversation_id})

    async def session_close(self, event):
        with translation.override(self.language):
            await self.error("closed", _("Your access has changed: reload the page."), reason=event.get("reason"))
        await self.close(code=CLOSE_POLICY)
