"""machina's `{% get_permission %}` tag, loaded as `forum_permissions` by our overrides of machina's templates.

Every machina template that loads machina's `forum_permission_tags` is overridden in `forums/templates/machina/`
(a test checks it); registering this library under machina's name instead would be flagged by Django's checks
(templates.W003, two modules for one library name).

machina lists the permission handler's public methods with `inspect.getmembers` at every call (some forty per
topic page); the list depends only on the handler's class, so it is computed once per class. The tag still
refuses any other name, a private method above all, as machina's does.
"""

import inspect

from django import template
from machina.core.loading import get_class

PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")

register = template.Library()

_public_method_names: dict[type, list[str]] = {}


def public_method_names(handler) -> list[str]:
    """The methods of the handler that templates may call: its public ones, as machina's tag allows."""
    handler_class = type(handler)
    if handler_class not in _public_method_names:
        methods = inspect.getmembers(handler, predicate=inspect.ismethod)
        _public_method_names[handler_class] = [name for name, _ in methods if not name.startswith("_")]
    return _public_method_names[handler_class]


@register.simple_tag(takes_context=True)
def get_permission(context, method, *args, **kwargs):
    """Whether the handler grants a permission: `{% get_permission 'can_add_post' topic request.user as var %}`."""
    request = context.get("request", None)
    handler = request.forum_permission_handler if request else PermissionHandler()
    allowed = public_method_names(handler)
    if method not in allowed:
        message = f"Only the following methods are allowed through this templatetag: {allowed}"
        raise template.TemplateSyntaxError(message)
    return getattr(handler, method)(*args, **kwargs)
