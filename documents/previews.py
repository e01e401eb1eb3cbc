"""Thumbnails of the first page of PDFs and of images, made in the task worker and stored as PNG."""

import io
import warnings

from django.conf import settings
from PIL import Image

THUMBNAIL_SIDE = 240
IMAGE_FORMATS = {"png", "jpeg", "gif", "webp"}
INLINE_FORMATS = IMAGE_FORMATS | {"pdf"}


def thumbnail_png(content: bytes, file_format: str) -> bytes | None:
    """A PNG thumbnail of the file, or None for formats without one."""
    if file_format == "pdf":
        image = _pdf_first_page(content)
    elif file_format in IMAGE_FORMATS:
        image = _image(content)
    else:
        return None
    image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
    image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _pdf_first_page(content: bytes) -> Image.Image:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(content)
    try:
        page = pdf[0]
        width, height = page.get_size()
        scale = THUMBNAIL_SIDE / max(width, height, 1)
        return page.render(scale=max(scale, 0.1)).to_pil()
    finally:
        pdf.close()


def _image(content: bytes) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(content))
        if image.width * image.height > settings.DOCUMENTS_MAX_IMAGE_PIXELS:
            raise ValueError("image too large")
        image.draft("RGB", (THUMBNAIL_SIDE * 2, THUMBNAIL_SIDE * 2))
        image.load()
    return image
