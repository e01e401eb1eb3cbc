from django.apps import AppConfig


class ForumOverridesConfig(AppConfig):
    name = "forums.machina_apps.forum"
    label = "forums_forum_overrides"
