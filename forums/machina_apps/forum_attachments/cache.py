"""machina's attachment cache, unchanged: machina finds its `forum_attachments` modules through this package."""

from machina.apps.forum_conversation.forum_attachments.cache import AttachmentCache, cache  # noqa: F401
