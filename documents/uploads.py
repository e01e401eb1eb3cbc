"""Checking uploaded files by their content: the format is read from the bytes, the name only has to agree.

A file is refused when it is empty, over the size limit, an executable, of a format that is not allowed,
damaged or cut short (an interrupted upload), an image bomb, or named with an extension of another format.
Archives are recognised but never unpacked; office files' declared uncompressed size is bounded.
"""

import codecs
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

# The extensions each format may be named with, the usual one first (a mismatched name is told to take it),
# and the type it is served as.
FORMATS = {
    "pdf": (("pdf",), "application/pdf"),
    "odt": (("odt",), "application/vnd.oasis.opendocument.text"),
    "ods": (("ods",), "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": (("odp",), "application/vnd.oasis.opendocument.presentation"),
    "docx": (("docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": (("xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (("pptx",), "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    "zip": (("zip",), "application/zip"),
    "png": (("png",), "image/png"),
    "jpeg": (("jpg", "jpeg"), "image/jpeg"),
    "gif": (("gif",), "image/gif"),
    "webp": (("webp",), "image/webp"),
    "svg": (("svg",), "image/svg+xml"),
    "html": (("html", "htm"), "text/html"),
    "txt": (("txt", "md", "text"), "text/plain"),
    "csv": (("csv",), "text/csv"),
}
IMAGE_FORMATS = {"png": "PNG", "jpeg": "JPEG", "gif": "GIF", "webp": "WEBP"}
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
OOXML_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
EXECUTABLE_SIGNATURES = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa\xce")
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
NAME_MAX_LENGTH = 150
# A file that starts like a zip archive but cannot be read as one: cut short, most likely.
BROKEN_ARCHIVE = "broken-archive"

# Enough to reach a drawing's <svg> past the licence comments and metadata that editors write before it.
HEAD_BYTES = 16 * 1024


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed every check; only `upload_check` makes them."""

    file: object
    name: str
    file_format: str
    content_type: str
    size: int


def sanitize_file_name(raw_name: str, *, max_length: int = NAME_MAX_LENGTH) -> str:
    """Keep the last part of a name, without control characters, path separators or leading dots."""
    name = unicodedata.normalize("NFC", str(raw_name)).replace("\\", "/")
    name = PurePosixPath(name).name
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C" and char not in '<>:"|?*')
    name = name.strip().lstrip(".").strip()
    if len(name) > max_length:
        stem, dot, extension = name.rpartition(".")
        name = stem[: max_length - len(extension) - 1] + dot + extension if dot else name[:max_length]
    return name or "document"


def extension_of(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def upload_check(upload, *, allowed_formats=None, max_bytes: int | None = None) -> CheckedFile:
    """Return the checked upload, or raise ValidationError with a French message naming the file.

    `allowed_formats` narrows the accepted formats for other features (the directory's photos); the library's
    own uploads take DOCUMENTS_ALLOWED_FORMATS; `max_bytes` lowers DOCUMENTS_MAX_UPLOAD_BYTES for them likewise.
    """
    if allowed_formats is None:
        allowed_formats = settings.DOCUMENTS_ALLOWED_FORMATS
    name = sanitize_file_name(upload.name or "")
    params = {"name": name}
    if not upload.size:
        raise ValidationError(_("“%(name)s” is empty (0 bytes): choose the file again."), code="empty", params=params)
    limit = settings.DOCUMENTS_MAX_UPLOAD_BYTES
    if max_bytes is not None:
        limit = min(limit, max_bytes)
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” weighs %(size)s; a document may weigh up to %(limit)s."),
            code="too_large",
            params={**params, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    if head.startswith(EXECUTABLE_SIGNATURES):
        raise ValidationError(
            _("“%(name)s” is a program: programs are not accepted."), code="executable", params=params
        )
    file_format = detect_format(upload, head, extension_of(name))
    if file_format == BROKEN_ARCHIVE:
        raise _damaged(name)
    if file_format is None or file_format not in allowed_formats:
        raise ValidationError(
            _("“%(name)s” is not in an accepted format (%(formats)s)."),
            code="format",
            params={**params, "formats": ", ".join(sorted(allowed_formats))},
        )
    extensions, content_type = FORMATS[file_format]
    if extension_of(name) not in extensions:
        suggested = f"{name.rpartition('.')[0] or name}.{extensions[0]}"
        raise ValidationError(
            _("“%(name)s” is named like another kind of file than it contains (%(format)s): rename it “%(new)s”."),
            code="extension_mismatch",
            params={**params, "format": file_format.upper(), "new": suggested},
        )
    _check_integrity(upload, file_format, name)
    upload.seek(0)
    return CheckedFile(file=upload, name=name, file_format=file_format, content_type=content_type, size=upload.size)


def detect_format(upload, head: bytes, extension: str) -> str | None:
    """The format read from the content; the extension only tells plain text from CSV."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(upload)
    return _text_format(head, extension)


def _zip_format(upload) -> str:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if names and names[0] == "mimetype":
                odf = ODF_MIMETYPES.get(archive.read("mimetype").strip())
                if odf:
                    return odf
            if "[Content_Types].xml" in names:
                for part, ooxml in OOXML_PARTS.items():
                    if part in names:
                        return ooxml
    except (zipfile.BadZipFile, OSError, KeyError):
        return BROKEN_ARCHIVE
    return "zip"


def _text_format(head: bytes, extension: str) -> str | None:
    text = _decode_head(head)
    if text is None:
        return None
    root = _markup_root(text.lower())
    if root.startswith("<svg"):
        return "svg"
    if root.startswith(("<!doctype html", "<html")):
        return "html"
    return "csv" if extension == "csv" else "txt"


def _markup_root(text: str) -> str:
    """The text from its first element on, past what may precede it in XML or HTML: the XML declaration,
    processing instructions, comments and a document type (an editor's "<!-- Generator -->" before "<svg")."""
    endings = {"<?": "?>", "<!--": "-->"}
    while True:
        text = text.lstrip("\ufeff \t\r\n")
        opening = next((start for start in endings if text.startswith(start)), None)
        if opening is not None:
            end = text.find(endings[opening])
            if end < 0:
                return text
            text = text[end + len(endings[opening]) :]
        elif text.startswith("<!doctype") and not text.startswith("<!doctype html"):
            # A document type may hold an internal subset in brackets, whose declarations end with ">" too.
            bracket, end = text.find("["), text.find(">")
            if 0 <= bracket < end:
                end = text.find("]>", bracket) + 1
            if end <= 0:
                return text
            text = text[end + 1 :]
        else:
            return text


def _decode_head(head: bytes) -> str | None:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text"; the head may end inside a character, which the incremental decoder leaves out.
        try:
            text = codecs.getincrementaldecoder("utf-16")().decode(head)
        except UnicodeDecodeError:
            return None
        return None if "\x00" in text else text
    if b"\x00" in head:
        return None
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The head may cut the last character in two (an accented capital's second byte is not cp1252).
        if error.start >= len(head) - 3:
            try:
                return head[: error.start].decode("utf-8")
            except UnicodeDecodeError:
                pass
    try:
        return head.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _check_integrity(upload, file_format: str, name: str) -> None:
    """Refuse a damaged or truncated file (an interrupted upload) and image bombs."""
    damaged = _damaged(name)
    if file_format == "pdf":
        upload.seek(max(0, upload.size - 2048))
        if b"%%EOF" not in upload.read():
            raise damaged
    elif file_format in IMAGE_FORMATS:
        _check_image(upload, IMAGE_FORMATS[file_format], name, damaged)
    elif file_format in {"odt", "ods", "odp", "docx", "xlsx", "pptx", "zip"}:
        upload.seek(0)
        try:
            with zipfile.ZipFile(upload) as archive:
                declared = sum(entry.file_size for entry in archive.infolist())
        except (zipfile.BadZipFile, OSError) as error:
            raise damaged from error
        if declared > MAX_UNCOMPRESSED_BYTES:
            raise ValidationError(
                _("“%(name)s” would take more than %(limit)s once unpacked: it is refused."),
                code="zip_bomb",
                params={"name": name, "limit": filesizeformat(MAX_UNCOMPRESSED_BYTES)},
            )


def _damaged(name: str) -> ValidationError:
    return ValidationError(
        _("“%(name)s” is damaged or incomplete (the upload may have been interrupted): send it again."),
        code="damaged",
        params={"name": name},
    )


def _check_image(upload, pillow_format: str, name: str, damaged: ValidationError) -> None:
    bomb = ValidationError(
        _("“%(name)s” is an image of more than %(limit)s million pixels: reduce it before sending it."),
        code="image_bomb",
        params={"name": name, "limit": settings.DOCUMENTS_MAX_IMAGE_PIXELS // 1_000_000},
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            upload.seek(0)
            with Image.open(upload, formats=[pillow_format]) as image:
                if image.width * image.height > settings.DOCUMENTS_MAX_IMAGE_PIXELS:
                    raise bomb
                image.verify()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise bomb from error
        except ValidationError:
            raise
        except Exception as error:
            raise damaged from error
