"""Checks of forum attachments: by their content, never by the name or type the browser claims."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Signature (first bytes) of each accepted kind of file, by extension.
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    # Office Open XML and OpenDocument files are ZIP archives.
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".odp": (b"PK\x03\x04",),
}
TEXT_EXTENSIONS = {".txt", ".csv"}


def attachment_check(upload) -> None:
    """Refuse a file that is too big, of a kind not accepted, or whose content does not match its extension."""
    limit = settings.FORUMS_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This file is too big: %(limit)s at most."), code="too_big", params={"limit": filesizeformat(limit)}
        )
    extension = PurePath(upload.name).suffix.lower()
    if extension not in SIGNATURES and extension not in TEXT_EXTENSIONS:
        raise ValidationError(
            _("This kind of file is not accepted. Attach a PDF, an image, an office document or a text file."),
            code="extension",
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if extension in TEXT_EXTENSIONS:
        valid = b"\x00" not in head and not head.startswith((b"MZ", b"\x7fELF"))
    else:
        valid = head.startswith(SIGNATURES[extension])
    if not valid:
        raise ValidationError(
            _("The content of this file does not match its extension %(extension)s."),
            code="content",
            params={"extension": extension},
        )
