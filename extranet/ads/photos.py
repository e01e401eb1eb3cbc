"""Checking uploaded photos by their content, re-encoding them without any metadata, and storing them.

A file is accepted only if Pillow decodes it as JPEG, PNG or WebP, whatever its name or declared type; it is
then turned upright (EXIF orientation), reduced and saved again from its pixels alone, so nothing of the
original file (EXIF with GPS position, XMP, comments, trailing payloads) reaches the storage.
"""

import io
import uuid
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from .models import AdPhoto

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
ACCEPTED_CONTENT_TYPES = "image/jpeg,image/png,image/webp"
MAX_SIDE = 1600
THUMBNAIL_SIDE = 480
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_PIXELS = 40_000_000
JPEG_QUALITY = 85
WEBP_QUALITY = 85


def photo_max_bytes() -> int:
    return getattr(settings, "ADS_PHOTO_MAX_BYTES", DEFAULT_MAX_BYTES)


def photo_max_pixels() -> int:
    return getattr(settings, "ADS_PHOTO_MAX_PIXELS", DEFAULT_MAX_PIXELS)


@dataclass(frozen=True)
class CleanPhoto:
    """A photo that passed the checks, re-encoded; only `photo_clean` makes them, services only store them."""

    content: bytes
    thumbnail: bytes
    extension: str
    width: int
    height: int


@dataclass(frozen=True)
class NewPhoto:
    """A checked photo and its text alternative, ready to be stored with an ad."""

    photo: CleanPhoto
    alt_text: str


def photo_clean(upload) -> CleanPhoto:
    """Check an uploaded file and return it re-encoded; raise ValidationError with a French message otherwise."""
    if upload.size > photo_max_bytes():
        raise ValidationError(
            _("This file weighs %(size)s; a photo may weigh up to %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(photo_max_bytes())},
        )
    image = _open_checked(upload)
    try:
        return _encode(image)
    except Exception as error:
        raise _unreadable() from error
    finally:
        image.close()


def _open_checked(upload) -> Image.Image:
    """Open the file as one of the accepted formats, refusing decompression bombs before decoding the pixels."""
    with warnings.catch_warnings():
        # Pillow only warns below twice its own limit: a warning is a refusal here.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            upload.seek(0)
            with Image.open(upload, formats=ACCEPTED_FORMATS) as probe:
                probe.verify()
            upload.seek(0)
            image = Image.open(upload, formats=ACCEPTED_FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _too_many_pixels() from error
        except Exception as error:
            raise _not_an_image() from error
    if image.width * image.height > photo_max_pixels():
        image.close()
        raise _too_many_pixels()
    return image


def _encode(image: Image.Image) -> CleanPhoto:
    if image.format == "JPEG":
        # Decode big JPEGs at a reduced scale straight away: less memory, same result after resizing.
        image.draft("RGB", (MAX_SIDE, MAX_SIDE))
    upright = ImageOps.exif_transpose(image)
    has_alpha = upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info)
    # Transparent images become WebP (JPEG has no alpha channel); the others JPEG.
    pixels = upright.convert("RGBA" if has_alpha else "RGB")
    pixels.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    thumbnail = pixels.copy()
    thumbnail.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    save_format, extension = ("WEBP", "webp") if has_alpha else ("JPEG", "jpg")
    return CleanPhoto(
        content=_save(pixels, save_format),
        thumbnail=_save(thumbnail, save_format),
        extension=extension,
        width=pixels.width,
        height=pixels.height,
    )


def _save(image: Image.Image, save_format: str) -> bytes:
    """Encode the pixels only: Pillow writes EXIF, XMP or ICC data only when asked to, and it is not."""
    buffer = io.BytesIO()
    if save_format == "JPEG":
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    else:
        image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
    return buffer.getvalue()


def _not_an_image():
    return ValidationError(
        _("This file is not a JPEG, PNG or WebP image. Choose a photo in one of these formats."),
        code="not_an_image",
    )


def _too_many_pixels():
    return ValidationError(
        _("This image is too large (more than %(limit)s million pixels). Reduce it before sending it."),
        code="too_many_pixels",
        params={"limit": photo_max_pixels() // 1_000_000},
    )


def _unreadable():
    return ValidationError(
        _("This image could not be read completely. Save it again with an image editor, then send it."),
        code="unreadable",
    )


def photo_store(*, ad, new_photo: NewPhoto, position: int) -> AdPhoto:
    """Store the re-encoded photo and its thumbnail under a random name; the upload's name is never used."""
    name = f"{uuid.uuid4().hex}.{new_photo.photo.extension}"
    photo = AdPhoto(
        ad=ad,
        width=new_photo.photo.width,
        height=new_photo.photo.height,
        alt_text=new_photo.alt_text.strip(),
        position=position,
    )
    photo.image.save(name, ContentFile(new_photo.photo.content), save=False)
    photo.thumbnail.save(name, ContentFile(new_photo.photo.thumbnail), save=False)
    photo.full_clean()
    photo.save()
    return photo


def photo_files_delete_on_commit(names: list[str]) -> None:
    """Delete the files once the removal of their photos is committed (a rollback keeps them)."""

    def delete():
        for name in names:
            default_storage.delete(name)

    transaction.on_commit(delete)
