"""The daily digest: one e-mail per member with every digest notification since their last one.

Idempotent: notifications are marked once e-mailed and a member gets at most one digest per day (in the
platform's time zone), so a doubled or retried cron run sends nothing twice; a missed run is caught up by the
next one.
"""

from collections import defaultdict

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from extranet.core.services import email_enqueue

from .kinds import KINDS, Delivery
from .models import DigestState, Notification
from .services import absolute_url


@transaction.atomic
def notification_digests_send(*, now=None) -> int:
    """Send the waiting digests; return how many e-mails were queued."""
    now = now or timezone.now()
    today = now.astimezone(timezone.get_default_timezone()).date()
    sent_today = set(
        user_id
        for user_id, sent_at in DigestState.objects.values_list("user_id", "sent_at")
        if sent_at.astimezone(timezone.get_default_timezone()).date() == today
    )
    pending = (
        Notification.objects.select_for_update(of=("self",))
        .filter(delivery=Delivery.DIGEST, digested_at__isnull=True, created_at__lte=now, user__is_active=True)
        .exclude(user_id__in=sent_today)
        .select_related("user", "actor")
        .order_by("user_id", "created_at", "pk")
    )
    by_user = defaultdict(list)
    for notification in pending:
        by_user[notification.user].append(notification)
    for user, notifications in by_user.items():
        _digest_email(user=user, notifications=notifications)
        DigestState.objects.update_or_create(user=user, defaults={"sent_at": now})
    Notification.objects.filter(pk__in=[n.pk for items in by_user.values() for n in items]).update(digested_at=now)
    return len(by_user)


def _digest_email(*, user, notifications) -> None:
    email_enqueue(
        to=user.email,
        template="notifications/email/digest",
        language=user.preferred_language,
        context={
            "items": [
                {
                    "kind": KINDS[n.kind].label,
                    "title": n.title,
                    "body": n.body,
                    "url": absolute_url(n.url),
                    "created_at": n.created_at.astimezone(timezone.get_default_timezone()),
                }
                for n in notifications
            ],
            "count": len(notifications),
            "centre_url": absolute_url(reverse("notifications:list")),
            "preferences_url": absolute_url(reverse("notifications:preferences")),
        },
    )
