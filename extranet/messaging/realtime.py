"""Events pushed to connected clients through the channel layer, and the groups they go to.

Each conversation has a group (its subscribed sockets), each user and each session one (every socket of
that person or login), so that a service can close a departed member's sockets wherever they are served.
Writes publish once their transaction commits: a rolled-back message is never announced.
"""

import hashlib

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db.transaction import on_commit
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from .rendering import message_html


def conversation_group(conversation_id: int) -> str:
    return f"messaging.conversation.{conversation_id}"


def user_group(user_id: int) -> str:
    return f"messaging.user.{user_id}"


def session_group(session_key: str) -> str:
    # Session keys never appear in group names, even on Redis.
    return "messaging.session." + hashlib.sha256(session_key.encode()).hexdigest()[:32]


def publish(group: str, event: dict) -> None:
    """Send the event to the group once the current transaction commits (at once outside of one)."""
    layer = get_channel_layer()
    if layer is not None:
        on_commit(lambda: async_to_sync(layer.group_send)(group, event), robust=True)


def message_payload(message) -> dict:
    """What clients receive of a message: its text already escaped and with mentions highlighted."""
    deleted = message.deleted_at is not None
    return {
        "id": message.pk,
        "conversation": message.conversation_id,
        "author": message.author_id,
        "author_name": message.author.full_name,
        "html": "" if deleted else str(message_html(message.body)),
        "created_at": message.created_at.isoformat(),
        "time": date_format(timezone.localtime(message.created_at), "j M H:i"),
        "edited": message.edited_at is not None,
        "deleted": deleted,
        "attachments": []
        if deleted
        else [{"name": attachment.name, "url": attachment_url(attachment)} for attachment in message.attachments.all()],
    }


def attachment_url(attachment) -> str:
    return reverse("messaging:attachment", args=[attachment.pk])
