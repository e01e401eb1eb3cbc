from django.apps import AppConfig


class ForumTrackingOverridesConfig(AppConfig):
    name = "forums.machina_apps.forum_tracking"
    label = "forums_tracking_overrides"
