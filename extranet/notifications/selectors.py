"""Reads of the notification centre: a member only ever reads their own notifications."""

from django.http import Http404

from extranet.core.compiled import UserCount

from .kinds import KINDS, Delivery
from .models import Notification, NotificationPreference


@UserCount
def notification_unread_count(*, user):
    """The user's unread notifications (the header's bell): an int, the query compiled once."""
    return Notification.objects.filter(user_id=user.pk, read_at__isnull=True)


def notification_list_for_user(*, user, unread_only: bool = False):
    notifications = Notification.objects.filter(user=user).select_related("actor")
    return notifications.filter(read_at__isnull=True) if unread_only else notifications


def notification_get_for_user(*, user, pk: int) -> Notification:
    """The member's own notification; another's is missing (404), like one that does not exist."""
    notification = Notification.objects.filter(user=user, pk=pk).first()
    if notification is None:
        raise Http404
    return notification


def notification_deliveries(*, user_ids, kind: str) -> dict[int, str]:
    """How each of these users hears of this kind: their preference, or the kind's default."""
    spec = KINDS[kind]
    chosen = dict(
        NotificationPreference.objects.filter(user_id__in=user_ids, kind=kind).values_list("user_id", "delivery")
    )
    return {user_id: _offered(spec, chosen.get(user_id, spec.default)) for user_id in user_ids}


def _offered(spec, delivery: str) -> str:
    """A kind whose e-mails are sent elsewhere is in-app at most, whatever was recorded before."""
    if spec.email_elsewhere and delivery in (Delivery.EMAIL, Delivery.DIGEST):
        return Delivery.IN_APP
    return delivery


def notification_preferences_for_user(*, user) -> dict[str, str]:
    """Every kind with the member's delivery for it."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return {code: _offered(spec, chosen.get(code, spec.default)) for code, spec in KINDS.items()}
