"""machina's permission middleware, without a stored session for every visitor who is not logged in."""

from machina.apps.forum_permission.middleware import ForumPermissionMiddleware as MachinaForumPermissionMiddleware
from machina.core.loading import get_class

PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")


class ForumPermissionMiddleware(MachinaForumPermissionMiddleware):
    """Attaches machina's permission handler to each request, as machina's middleware does.

    machina also writes a random key into the session of each anonymous visitor, so as to tell anonymous posters
    and voters apart: every first visit of the public area (citizens, crawlers) stored a session and set its
    cookie. Visitors here may only read (`services.forum_permissions_sync` grants them nothing else), so they get
    no key, which machina's checks read as "not the author of any post, no vote cast".
    """

    def process_request(self, request):
        request.forum_permission_handler = PermissionHandler()
