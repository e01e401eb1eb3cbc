from django import template

from ..selectors import notification_unread_count

register = template.Library()


@register.inclusion_tag("notifications/includes/bell.html", takes_context=True)
def notification_bell(context):
    """The header's link to the notification centre with the unread count (one query, only when logged in)."""
    user = context["request"].user
    return {"unread": notification_unread_count(user=user)}
