from django import template

from ..selectors import notification_unread_count

register = template.Library()


@register.inclusion_tag("notifications/includes/bell.html", takes_context=True)
def notification_bell(context):
    """The header's link to the notification centre with the unread count (one query, only when logged in)."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"unread": 0}
    return {"unread": notification_unread_count(user=request.user)}
