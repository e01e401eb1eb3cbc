from django import template

from .. import selectors
from ..rendering import message_html

register = template.Library()


@register.simple_tag(takes_context=True)
def messaging_unread_total(context) -> int:
    """The navigation's unread count: one query, none for anonymous visitors."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return selectors.unread_total(user=user)


@register.filter
def message_body(body: str):
    return message_html(body)
