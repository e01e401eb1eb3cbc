from django import template

from ..selectors import user_can_access_admin

register = template.Library()


@register.simple_tag
def can_access_admin(user) -> bool:
    """Whether the navigation links to the administration (one query, none for staff and anonymous visitors)."""
    return user_can_access_admin(user=user)
