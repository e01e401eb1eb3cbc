from django.apps import AppConfig


class ForumMemberOverridesConfig(AppConfig):
    name = "forums.machina_apps.forum_member"
    label = "forums_member_overrides"
