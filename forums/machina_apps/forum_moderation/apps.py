from django.apps import AppConfig


class ForumModerationOverridesConfig(AppConfig):
    name = "forums.machina_apps.forum_moderation"
    label = "forums_moderation_overrides"
