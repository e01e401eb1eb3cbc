"""Forum events, for every channel that tells people about them.

`forum_event_dispatch` hands an event to each notifier of FORUM_NOTIFIERS: the e-mail notifier (with the forums'
own e-mail preference) and the notification centre (in-app only, so that nobody gets two e-mails of one post).
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils.module_loading import import_string

# Dotted paths of functions taking `event=` and `recipient_ids=`.
FORUM_NOTIFIERS = ("forums.notifications.email_notify", "forums.notifications.centre_notify")


@dataclass(frozen=True)
class ForumPostPublished:
    """A post became visible in a topic (created, or approved by a moderator), for those who follow it."""

    post_id: int
    topic_id: int
    forum_id: int
    author_id: int | None
    topic_subject: str
    forum_name: str
    author_name: str
    url: str
    published_at: datetime
    starts_topic: bool = False


def forum_event_dispatch(*, event, recipient_ids: set[int]) -> None:
    for path in FORUM_NOTIFIERS:
        import_string(path)(event=event, recipient_ids=recipient_ids)
