"""Signal receivers: they only queue work for the services, after the transaction commits."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from machina.apps.forum_conversation import receivers as machina_receivers
from machina.apps.forum_conversation.models import Post
from machina.apps.forum_conversation.signals import topic_viewed

from .services import topic_view_count
from .tasks import forum_post_notify

# machina's own counter writes at every view; `topic_view_counted` counts a reader once in a while instead.
topic_viewed.disconnect(machina_receivers.update_topic_counter)


@receiver(post_save, sender=Post, dispatch_uid="forums_post_published")
def post_published(sender, instance, **kwargs):
    """A visible post (new, or just approved) is announced to its followers; `post_notify` ignores repeats."""
    if instance.approved:
        post_id = instance.pk
        transaction.on_commit(lambda: forum_post_notify.enqueue(post_id=post_id))


@receiver(topic_viewed, dispatch_uid="forums_topic_view_counted")
def topic_view_counted(sender, topic, user, request, **kwargs):
    reader = f"user-{user.pk}" if user.is_authenticated else request.session.session_key
    topic_view_count(topic=topic, reader=reader and str(reader))
