"""People's photos: checked by content, then re-encoded from their pixels so that no uploaded byte is served.

The checks are the libraries' (`documents.uploads.upload_check`: format read from the bytes, damaged files,
image bombs), narrowed to JPEG, PNG and WebP. The image is then turned upright, reduced to PHOTO_MAX_SIDE
pixels and saved as a fresh JPEG without any metadata (EXIF with GPS position, XMP, ICC, comments).
"""

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from documents.uploads import IMAGE_FORMATS, upload_check

from .storage import photo_storage

PHOTO_FORMATS = ("jpeg", "png", "webp")
ACCEPTED_CONTENT_TYPES = "image/jpeg,image/png,image/webp"
PHOTO_MAX_SIDE = 512
PHOTO_CONTENT_TYPE = "image/jpeg"
JPEG_QUALITY = 85


@dataclass(frozen=True)
class CleanPhoto:
    """A checked photo, re-encoded as JPEG; only `photo_clean` makes them, services only store them."""

    content: bytes
    width: int
    height: int


def photo_clean(upload) -> CleanPhoto:
    """Check an uploaded photo and return it re-encoded; raise ValidationError with a French message otherwise."""
    limit = settings.ANNUAIRE_PHOTO_MAX_BYTES
    if upload.size and upload.size > limit:
        raise ValidationError(
            _("This file weighs %(size)s; a photo may weigh up to %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    try:
        checked = upload_check(upload, allowed_formats=PHOTO_FORMATS)
    except ValidationError as error:
        if getattr(error, "code", None) == "executable":
            # The library's own message speaks of sharing in the library: a photo gets its own.
            raise ValidationError(
                _("“%(name)s” is a program, not a photo: choose a JPEG, PNG or WebP image."),
                code="executable",
                params=error.params,
            ) from error
        raise
    try:
        return _encode(checked.file, IMAGE_FORMATS[checked.file_format])
    except ValidationError:
        raise
    except Exception as error:
        raise ValidationError(
            _("This image could not be read completely. Save it again with an image editor, then send it."),
            code="unreadable",
        ) from error


def _encode(file, pillow_format: str) -> CleanPhoto:
    with warnings.catch_warnings():
        # Pillow only warns below twice its own limit: a warning is a refusal here (upload_check refused bigger).
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        file.seek(0)
        with Image.open(file, formats=[pillow_format]) as image:
            if image.format == "JPEG":
                # Decode big JPEGs at a reduced scale straight away: less memory, same result once reduced.
                image.draft("RGB", (PHOTO_MAX_SIDE * 2, PHOTO_MAX_SIDE * 2))
            upright = ImageOps.exif_transpose(image)
            pixels = _flatten(upright)
    pixels.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    # Only the pixels are written: Pillow adds EXIF, XMP or ICC data only when asked to, and it is not.
    pixels.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return CleanPhoto(content=buffer.getvalue(), width=pixels.width, height=pixels.height)


def _flatten(image: Image.Image) -> Image.Image:
    """RGB pixels; a transparent image is laid on white (JPEG has no alpha channel)."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def photo_read(*, name: str) -> bytes | None:
    """The stored photo's bytes, or None if the file is gone."""
    if not name:
        return None
    try:
        with photo_storage().open(name, "rb") as file:
            return file.read()
    except (FileNotFoundError, OSError):
        return None
