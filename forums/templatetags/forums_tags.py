from django import template

from forums.selectors import forum_ancestors, user_can_access_moderation_queue, user_can_manage_shared_forums

register = template.Library()


@register.simple_tag
def can_manage_shared_forums(user) -> bool:
    """Whether the forum menu offers the management of shared forums."""
    return user_can_manage_shared_forums(user=user)


@register.simple_tag(takes_context=True)
def can_access_moderation_queue(context, user) -> bool:
    """Whether the forum menu links to the moderation queue (machina's check, on the candidate forums only)."""
    request = context.get("request")
    return user_can_access_moderation_queue(user=user, handler=getattr(request, "forum_permission_handler", None))


@register.filter(name="forum_ancestors")
def forum_ancestors_filter(forum) -> list:
    """The forums above `forum`, the root first (the breadcrumb's trail)."""
    return forum_ancestors(forum=forum)
