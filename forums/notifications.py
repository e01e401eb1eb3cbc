"""E-mail notifications of new posts: one e-mail at once or a daily digest, per the member's preference.

Permissions are checked when each e-mail is written: a member who lost access to a forum hears nothing more of it.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from machina.apps.forum_conversation.models import Post
from machina.apps.forum_permission.handler import PermissionHandler

from extranet.core.services import email_enqueue
from extranet.notifications.services import notification_send

from .events import ForumPostPublished, forum_event_dispatch
from .models import DigestEntry, NotificationFrequency, NotificationPreference, NotifiedPost
from .selectors import post_subscriber_ids, post_url, unsubscribe_token_make


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _unsubscribe_url(*, user_id: int, target: str, target_id: int) -> str:
    token = unsubscribe_token_make(user_id=user_id, target=target, target_id=target_id)
    return _absolute(reverse("forums:unsubscribe", args=[token]))


def post_event(post: Post) -> ForumPostPublished:
    topic = post.topic
    return ForumPostPublished(
        post_id=post.pk,
        topic_id=topic.pk,
        forum_id=topic.forum_id,
        author_id=post.poster_id,
        topic_subject=topic.subject,
        forum_name=topic.forum.name,
        author_name=post.poster.get_full_name() if post.poster_id else post.username or "",
        url=_absolute(post_url(post)),
        published_at=post.created,
        starts_topic=topic.first_post_id == post.pk,
    )


@transaction.atomic
def post_notify(*, post_id: int) -> None:
    """Tell the followers of a newly visible post's topic and forum, once per post whatever happens to it later."""
    post = Post.objects.select_related("topic__forum", "poster").filter(pk=post_id, approved=True).first()
    if post is None:
        return
    _notified, created = NotifiedPost.objects.get_or_create(post=post)
    if not created:
        return
    forum_event_dispatch(event=post_event(post), recipient_ids=post_subscriber_ids(post=post))


def _readers(user_ids, forum) -> list:
    """The active users among these who may still read the forum."""
    handler = PermissionHandler()
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    return [user for user in users if handler.can_read_forum(forum, user)]


def _frequencies(user_ids) -> dict[int, str]:
    return dict(NotificationPreference.objects.filter(user__in=user_ids).values_list("user_id", "frequency"))


def email_notify(*, event: ForumPostPublished, recipient_ids: set[int]) -> None:
    """The e-mail notifier: an e-mail now, or an entry in tomorrow's digest."""
    if not recipient_ids:
        return
    post = Post.objects.select_related("topic__forum").get(pk=event.post_id)
    frequencies = _frequencies(recipient_ids)
    topic_followers = set(post.topic.subscribers.values_list("pk", flat=True))
    for user in _readers(recipient_ids, post.topic.forum):
        frequency = frequencies.get(user.pk, NotificationFrequency.IMMEDIATE)
        if frequency == NotificationFrequency.DAILY:
            DigestEntry.objects.get_or_create(user=user, post=post)
        elif frequency == NotificationFrequency.IMMEDIATE:
            target, target_id = ("topic", event.topic_id) if user.pk in topic_followers else ("forum", event.forum_id)
            unsubscribe_url = _unsubscribe_url(user_id=user.pk, target=target, target_id=target_id)
            email_enqueue(
                to=user.email,
                template="forums/email/new_post",
                context={
                    "event": event,
                    "excerpt": post.content.raw[:500],
                    "following_topic": target == "topic",
                    "unsubscribe_url": unsubscribe_url,
                    "preferences_url": _absolute(reverse("forums:preferences")),
                },
                language=user.preferred_language,
                headers=_unsubscribe_headers(unsubscribe_url),
            )


def centre_notify(*, event: ForumPostPublished, recipient_ids: set[int]) -> None:
    """The notification centre's notifier: an in-app notification (kind forum_reply) for each follower who may read.

    Its e-mails stay with `email_notify` and the forums' own preference, so a post is never e-mailed twice.
    """
    if not recipient_ids:
        return
    post = Post.objects.select_related("topic__forum__audience", "poster").get(pk=event.post_id)
    audience = getattr(post.topic.forum, "audience", None)
    notification_send(
        users=_readers(recipient_ids, post.topic.forum),
        kind="forum_reply",
        title=lambda: _("New post in “%(topic)s”") % {"topic": event.topic_subject},
        url=post_url(post),
        body=post.content.raw[:200],
        actor=post.poster,
        organisation=audience.organisation if audience else None,
    )


def _unsubscribe_headers(url: str) -> dict[str, str]:
    """RFC 8058: mail clients offer a one-click unsubscribe button that POSTs to the link."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


@transaction.atomic
def digests_send(*, now=None) -> int:
    """Send each member with waiting entries one digest of the posts they may still read; return how many."""
    now = now or timezone.now()
    entries = list(
        DigestEntry.objects.select_for_update(of=("self",))
        .filter(created_at__lte=now)
        .select_related("post__topic__forum", "post__poster", "user")
        .order_by("user_id", "post__topic__forum__name", "post__topic_id", "post__created")
    )
    by_user = defaultdict(list)
    for entry in entries:
        by_user[entry.user].append(entry.post)
    sent = 0
    for user, posts in by_user.items():
        handler = PermissionHandler()
        readable = [post for post in posts if user.is_active and handler.can_read_forum(post.topic.forum, user)]
        if readable:
            _digest_email(user=user, posts=readable)
            sent += 1
    DigestEntry.objects.filter(pk__in=[entry.pk for entry in entries]).delete()
    return sent


def _digest_email(*, user, posts) -> None:
    topics = {}
    for post in posts:
        topics.setdefault(post.topic_id, {"topic": post.topic, "events": []})["events"].append(post_event(post))
    followed_topics = set(user.topic_subscriptions.filter(pk__in=topics).values_list("pk", flat=True))
    for topic_id, item in topics.items():
        target, target_id = ("topic", topic_id) if topic_id in followed_topics else ("forum", item["topic"].forum_id)
        item["unsubscribe_url"] = _unsubscribe_url(user_id=user.pk, target=target, target_id=target_id)
    email_enqueue(
        to=user.email,
        template="forums/email/digest",
        context={
            "topics": list(topics.values()),
            "post_count": len(posts),
            "preferences_url": _absolute(reverse("forums:preferences")),
        },
        language=user.preferred_language,
    )
