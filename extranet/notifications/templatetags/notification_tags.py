from django import template

from ..selectors import notification_unread_count

register = template.Library()


@register.inclusion_tag("notifications/includes/bell.html", takes_context=True)
def notification_bell(context):
    """The header's link to the notification centre with the unread count (one query, only when logged in)."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"unread": 0, "current": False}
    # An inclusion tag's template does not see the page's context: what it needs of the request is passed.
    current = request.resolver_match is not None and request.resolver_match.app_name == "notifications"
    return {"unread": notification_unread_count(user=request.user), "current": current}
