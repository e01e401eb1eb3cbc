"""Signal receivers: they only queue work for the services, after the transaction commits."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from machina.apps.forum_conversation.models import Post

from .tasks import forum_post_notify


@receiver(post_save, sender=Post, dispatch_uid="forums_post_published")
def post_published(sender, instance, **kwargs):
    """A visible post (new, or just approved) is announced to its followers; `post_notify` ignores repeats."""
    if instance.approved:
        post_id = instance.pk
        transaction.on_commit(lambda: forum_post_notify.enqueue(post_id=post_id))
