"""@mentions: who a message names among the conversation's members, told through the notification centre."""

from django.db.models import Q
from django.utils.translation import gettext as _

from extranet.notifications.services import notification_send

from .rendering import mentioned_names


def mentioned_users(*, message) -> list:
    """Members named by @local-part of their e-mail address (@marie.dupont), never the author."""
    from .selectors import conversation_members

    names = mentioned_names(message.body)
    if not names:
        return []
    match = Q()
    for name in names:
        match |= Q(email__istartswith=f"{name}@")
    return list(conversation_members(conversation=message.conversation).filter(match).exclude(pk=message.author_id))


def mentions_notify(*, message) -> list:
    """Notify the mentioned members (kind "mention": each one's preference decides how); returns them."""
    users = mentioned_users(message=message)
    if users:
        notification_send(
            users=users,
            kind="mention",
            title=lambda: _("%(name)s mentioned you in a conversation") % {"name": message.author.full_name},
            url=message.get_absolute_url(),
            body=message.body[:300],
            actor=message.author,
            # An organisation's room is read through the membership; other conversations through their own members.
            organisation=message.conversation.organisation,
        )
    return users
