from django.apps import AppConfig


class ForumFeedsOverridesConfig(AppConfig):
    name = "forums.machina_apps.forum_feeds"
    label = "forums_feeds_overrides"
