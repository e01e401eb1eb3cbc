from django.apps import AppConfig


class ForumConversationOverridesConfig(AppConfig):
    name = "forums.machina_apps.forum_conversation"
    label = "forums_conversation_overrides"
