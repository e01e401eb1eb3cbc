from machina.apps.forum.models import Forum
from machina.apps.forum_permission.handler import PermissionHandler
from wagtail import hooks

from extranet.notifications.services import notifications_withdraw_unreadable

from .services import forum_organisation_provision


@hooks.register("provision_organisation")
def provision_organisation_forums(*, organisation):
    """Each organisation gets its private forums, and joins the shared forums open to it."""
    forum_organisation_provision(organisation=organisation)


@hooks.register("membership_removed")
def withdraw_replies_of_forums_left(*, organisation, user):
    """Replies in a forum the person no longer reads (a shared forum open to some organisations only) leave their
    centre with their excerpts; the organisation's own forums are withdrawn with its notifications."""
    handler, forums = PermissionHandler(), {}

    def readable(kwargs):
        pk = kwargs["forum_pk"]
        if pk not in forums:
            forum = Forum.objects.filter(pk=pk).first()
            forums[pk] = forum is not None and handler.can_read_forum(forum, user)
        return forums[pk]

    notifications_withdraw_unreadable(
        user=user, kind="forum_reply", view_name="forum_conversation:topic", readable=readable
    )
