"""@mentions: who a message names among the conversation's members, and telling them."""

from django.db.models import Q

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
    """The members a message mentions, to be notified (kind "mention") through the notification centre.

    The notification centre (`extranet.notifications`) is not on main yet: until it lands, mentions are only
    found and highlighted, and nobody is notified.
    """
    return mentioned_users(message=message)
