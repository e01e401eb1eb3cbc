from django import template

from forums.selectors import user_can_manage_shared_forums

register = template.Library()


@register.simple_tag
def can_manage_shared_forums(user) -> bool:
    """Whether the forum menu offers the management of shared forums."""
    return user_can_manage_shared_forums(user=user)
