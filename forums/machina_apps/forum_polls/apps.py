from django.apps import AppConfig


class ForumPollsOverridesConfig(AppConfig):
    name = "forums.machina_apps.forum_polls"
    label = "forums_polls_overrides"
