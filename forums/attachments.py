"""Checks of forum attachments: the library's own upload check (documents.uploads), on a narrower list of formats."""

from django.conf import settings

from documents.uploads import CheckedFile, upload_check

# Documents, images and text; no SVG, HTML or archives in posts.
ATTACHMENT_FORMATS = ("pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "txt", "csv", "png", "jpeg", "gif", "webp")


def attachment_check(upload) -> CheckedFile:
    """Refuse a file that is too big, of a format not accepted, damaged, a bomb, or named unlike its content."""
    return upload_check(upload, allowed_formats=ATTACHMENT_FORMATS, max_bytes=settings.FORUMS_ATTACHMENT_MAX_BYTES)
