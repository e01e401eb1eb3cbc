from django.apps import AppConfig


class ForumPermissionOverridesConfig(AppConfig):
    name = "forums.machina_apps.forum_permission"
    label = "forums_permission_overrides"
