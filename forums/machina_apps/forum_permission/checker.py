"""machina's permission checker, its answer for each forum kept across requests (`forums.permission_cache`)."""

from django.conf import settings
from machina.apps.forum_permission.checker import ForumPermissionChecker as MachinaForumPermissionChecker

from forums.permission_cache import forum_permission_codenames, permissions_version


class ForumPermissionChecker(MachinaForumPermissionChecker):
    """machina's rules, unchanged: only where the answer for one forum comes from differs.

    Superusers and checks without a forum are answered by machina itself, inactive users as machina does (no
    permission); the version is read once per checker, which machina keeps per user in each permission handler
    (the views' handler lives for one request).
    """

    def get_perms(self, forum):
        if forum is None or not settings.FORUM_PERMISSIONS_CACHE_SECONDS or self.user.is_superuser:
            return super().get_perms(forum)
        if not self.user.is_anonymous and not self.user.is_active:
            return []
        if forum.id not in self._forum_perms_cache:
            if not hasattr(self, "_permissions_version"):
                self._permissions_version = permissions_version()
            self._forum_perms_cache[forum.id] = forum_permission_codenames(
                user=self.user,
                forum=forum,
                version=self._permissions_version,
                compute=lambda: super(ForumPermissionChecker, self).get_perms(forum),
            )
        return self._forum_perms_cache[forum.id]
