"""Signal receivers: they queue work for the services after the transaction commits, or retire stored answers."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver
from machina.apps.forum_conversation import receivers as machina_receivers
from machina.apps.forum_conversation.models import Post
from machina.apps.forum_conversation.signals import topic_viewed
from machina.apps.forum_permission.models import GroupForumPermission, UserForumPermission

from .permission_cache import forum_permissions_changed
from .services import topic_reader, topic_view_count
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
    topic_view_count(topic=topic, reader=topic_reader(user=user, request=request))


@receiver(post_save, sender=UserForumPermission, dispatch_uid="forums_user_permission_saved")
@receiver(post_delete, sender=UserForumPermission, dispatch_uid="forums_user_permission_deleted")
@receiver(post_save, sender=GroupForumPermission, dispatch_uid="forums_group_permission_saved")
@receiver(post_delete, sender=GroupForumPermission, dispatch_uid="forums_group_permission_deleted")
@receiver(m2m_changed, sender=get_user_model().groups.through, dispatch_uid="forums_group_members_changed")
def permissions_changed(sender, **kwargs):
    """Any write that can change what machina answers retires the answers kept by `forums.permission_cache`.

    Whoever writes (the services, machina, Wagtail's user forms, the shell), a row saved or deleted one by one
    (deleting a group deletes its rows one by one too, since these receivers listen) and a group's members changed
    through the relation send these signals. The services that write rows in bulk call `forum_permissions_changed`
    themselves.
    """
    forum_permissions_changed()


@receiver(post_migrate, sender=apps.get_app_config("forums"), dispatch_uid="forums_migrated")
def migrated(sender, **kwargs):
    """A migration may change the rows or machina's default permissions: the answers go, once per `migrate`."""
    forum_permissions_changed()
