from django import template
from django.utils.safestring import mark_safe

from forums.markup import render
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


@register.filter(name="post_markup")
def post_markup(text: str) -> str:
    """A post's markdown as the posts show it (`forums.markup`, cleaned by nh3): machina's `rendered` filter returns
    it unmarked, so that it was shown escaped (`&lt;p&gt;…`)."""
    return mark_safe(render(text))  # noqa: S308 # nosec B308, B703 # cleaned by nh3
