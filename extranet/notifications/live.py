"""Live updates of the unread count over Channels, to the group `user-<id>` every consumer of a user joins.

The event is `{"type": "notification.update", "unread": n}`. Sending is best effort: a channel layer that is
down must never fail the request or task that created the notification.
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db.models import Count, Q

from .models import Notification

logger = logging.getLogger(__name__)


def user_group_name(user_id: int) -> str:
    return f"user-{user_id}"


def unread_counts_push(*, user_ids) -> None:
    """Tell each user's open pages their new unread count; never raises."""
    try:
        layer = get_channel_layer()
        if layer is None or not user_ids:
            return
        counts = dict(
            Notification.objects.filter(user_id__in=user_ids)
            .values("user_id")
            .annotate(unread=Count("pk", filter=Q(read_at__isnull=True)))
            .values_list("user_id", "unread")
        )
        for user_id in user_ids:
            async_to_sync(layer.group_send)(
                user_group_name(user_id), {"type": "notification.update", "unread": counts.get(user_id, 0)}
            )
    except Exception:  # noqa: BLE001 - a live update is a nicety, the notification is already stored.
        logger.warning("Live notification update failed", exc_info=True)
