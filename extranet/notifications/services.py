"""Writes of the notification centre; every app tells its members about something through `notification_send`.

    from extranet.notifications.services import notification_send
    notification_send(users=[...], kind="mention", title=lambda: _("…"), url="/path/", body="...", actor=request.user)

Each recipient's preference for the kind decides: in the centre only, an e-mail at once (task queue), the
daily digest, or nothing. Open pages get the new unread count live (see `live.py`).
"""

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from extranet.core.services import email_enqueue

from .kinds import KINDS, Delivery
from .live import unread_counts_push
from .models import Notification, NotificationPreference
from .selectors import notification_deliveries


def absolute_url(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url if url.startswith("/") else url


@transaction.atomic
def notification_send(
    *,
    users,
    kind: str,
    title: str | Callable[[], str],
    url: str,
    body: str = "",
    actor=None,
    organisation=None,
) -> list[Notification]:
    """Notify each active user (never the actor of their own deed) as their preference for `kind` says.

    `title` is best a function that translates it (`lambda: _("Invitation: %(title)s") % {...}`): it is then
    written in each recipient's language, not the sender's. `organisation` is the one whose membership lets the
    users read what it tells (a private forum's, a room's): a member who leaves it loses the notification.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown notification kind: {kind}")
    recipients = {
        user.pk: user for user in users if user.is_active and (actor is None or user.pk != getattr(actor, "pk", None))
    }
    deliveries = notification_deliveries(user_ids=list(recipients), kind=kind)
    now = timezone.now()
    titles = _titles_by_language(title, languages={user.preferred_language for user in recipients.values()})
    notifications = Notification.objects.bulk_create(
        [
            Notification(
                user=user,
                kind=kind,
                title=titles[user.preferred_language][:200],
                url=url[:500],
                body=body[:500],
                actor=actor,
                organisation=organisation,
                created_at=now,
                delivery=deliveries[user.pk],
            )
            for user in recipients.values()
            if deliveries[user.pk] != Delivery.OFF
        ]
    )
    for notification in notifications:
        if notification.delivery == Delivery.EMAIL:
            _email_now(notification)
    user_ids = [notification.user_id for notification in notifications]
    transaction.on_commit(lambda: unread_counts_push(user_ids=user_ids))
    return notifications


def _titles_by_language(title, *, languages) -> dict[str, str]:
    if not callable(title):
        return dict.fromkeys(languages, str(title))
    titles = {}
    for language in languages:
        with translation.override(language or settings.LANGUAGE_CODE):
            titles[language] = str(title())
    return titles


def _email_now(notification: Notification) -> None:
    user = notification.user
    email_enqueue(
        to=user.email,
        template="notifications/email/notification",
        language=user.preferred_language,
        context={
            "title": notification.title,
            "body": notification.body,
            "url": absolute_url(notification.url),
            "actor_name": notification.actor.full_name if notification.actor else "",
            "preferences_url": absolute_url(reverse("notifications:preferences")),
        },
    )


def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        unread_counts_push(user_ids=[notification.user_id])
    return notification


def notification_mark_all_read(*, user) -> int:
    count = Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
    if count:
        unread_counts_push(user_ids=[user.pk])
    return count


@transaction.atomic
def notification_preferences_set(*, user, deliveries: dict[str, str]) -> None:
    """Record the member's delivery for each kind given; a choice the kind does not offer is refused."""
    for kind, delivery in deliveries.items():
        spec = KINDS.get(kind)
        if spec is None or delivery not in dict(spec.choices):
            raise ValidationError(_("Choose one of the offered deliveries."), code="bad_delivery")
        NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": delivery})


def notifications_withdraw(*, user, organisation) -> int:
    """Delete the notifications the user got as a member of `organisation` (they left it); return how many.

    What they tell (a private post's excerpt, a subsidy's instruction) is no longer theirs to read, in the centre or
    in the next digest.
    """
    deleted, _by_model = Notification.objects.filter(user=user, organisation=organisation).delete()
    if deleted:
        transaction.on_commit(lambda: unread_counts_push(user_ids=[user.pk]))
    return deleted


def notifications_withdraw_unreadable(*, user, kind: str, view_name: str, readable: Callable[[dict], bool]) -> int:
    """Delete the user's notifications of `kind` whose link (a page of `view_name`) `readable(url kwargs)` no longer
    opens: what a membership let them read through an audience wider than one organisation (a room of several
    organisations, a shared forum open to some). Returns how many."""
    stale = []
    for pk, url in Notification.objects.filter(user=user, kind=kind).values_list("pk", "url").iterator():
        try:
            match = resolve(urlsplit(url).path)
        except Resolver404:
            continue
        if match.view_name == view_name and not readable(match.kwargs):
            stale.append(pk)
    deleted, _by_model = Notification.objects.filter(pk__in=stale).delete()
    if deleted:
        transaction.on_commit(lambda: unread_counts_push(user_ids=[user.pk]))
    return deleted
