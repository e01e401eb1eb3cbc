from django.apps import AppConfig


class ForumAttachmentsOverridesConfig(AppConfig):
    name = "forums.machina_apps.forum_attachments"
    label = "forums_attachments_overrides"
