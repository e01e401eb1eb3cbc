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
    """Notify the mentioned members; returns them."""
    return mentioned_users(message=message)
