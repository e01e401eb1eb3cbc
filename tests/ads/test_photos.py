"""Uploaded photos are checked by content and stored re-encoded, resized, without metadata, under generated names."""

import io
import re
import struct
import zlib

import pytest
from django.core.files.storage import default_storage
from PIL import ExifTags, Image

from extranet.ads.models import Ad, AdPhoto
from tests.ads.factories import image_bytes, upload
from tests.ads.helpers import CREATE_URL, ad_form_data, page_text, valid_photo

pytestmark = pytest.mark.django_db

NOT_AN_IMAGE = "Ce fichier n'est pas une image JPEG, PNG ou WebP. Choisissez une photo dans l'un de ces formats."
TOO_MANY_PIXELS = "Cette image est trop grande (plus de 40 millions de pixels). Réduisez-la avant de l'envoyer."
STORED_NAME = re.compile(r"^annonces/[0-9a-f]{32}\.(jpg|webp)$")

PHP = b"<?php system($_GET['cmd']); ?>"
SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)


def post_photo(client, author, jargeau, file, alt_text="Nacelle orange"):
    client.force_login(author)
    return client.post(CREATE_URL, ad_form_data(jargeau, photos=[(file, alt_text)]))


def photo_bomb(size) -> bytes:
    """A real PNG of `size` pixels, one bit each: a few kilobytes on disk, hundreds of megabytes once decoded."""
    buffer = io.BytesIO()
    Image.new("1", size).save(buffer, "PNG")
    return buffer.getvalue()


def forged_png_header(size) -> bytes:
    """A PNG whose header announces `size` pixels, followed by a single empty data chunk (cheap to build)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", *size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def jpeg_with_gps_and_rotation() -> bytes:
    """A 2000 × 1000 camera picture taken sideways (EXIF orientation 6), with its GPS position."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "Téléphone de l'agent"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (47.0, 51.0, 30.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (2.0, 7.0, 12.0),
    }
    content = image_bytes(size=(2000, 1000), exif=exif.tobytes())
    assert Image.open(io.BytesIO(content)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    return content


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (PHP, "photo.jpg"),
        (PHP, "photo.php"),
        (SVG_WITH_SCRIPT, "photo.jpg"),
        (SVG_WITH_SCRIPT, "dessin.svg"),
        (image_bytes(image_format="GIF", mode="P", colour=1), "anime.gif"),
        (image_bytes(image_format="BMP"), "photo.jpg"),
        (b"", "vide.jpg"),
    ],
    ids=["php-renamed-jpg", "php", "svg-renamed-jpg", "svg", "gif", "bmp-renamed-jpg", "empty"],
)
def test_files_that_are_not_jpeg_png_or_webp_are_refused(client, author, jargeau, content, name):
    """Whatever its name or declared type, a file that is not a JPEG, PNG or WebP image is refused in French."""
    response = post_photo(client, author, jargeau, upload(content, name=name, content_type="image/jpeg"))

    assert response.status_code == 400
    assert NOT_AN_IMAGE in page_text(response) or "Le fichier soumis est vide." in page_text(response)
    assert not Ad.objects.exists()
    assert not AdPhoto.objects.exists()


@pytest.mark.parametrize(
    "content",
    [photo_bomb((8000, 6000)), photo_bomb((10000, 10000)), forged_png_header((30000, 30000))],
    ids=["48-megapixels", "100-megapixels-pillow-warning", "900-megapixels-pillow-error"],
)
def test_decompression_bombs_are_refused_before_decoding(client, author, jargeau, content):
    """A small PNG announcing more pixels than the limit (40 million) is refused, whichever check catches it."""
    assert len(content) < 100_000
    response = post_photo(client, author, jargeau, upload(content, name="plan.png", content_type="image/png"))

    assert response.status_code == 400
    assert TOO_MANY_PIXELS in page_text(response)
    assert not Ad.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, author, jargeau, settings):
    """A file heavier than ADS_PHOTO_MAX_BYTES is refused with its size and the limit, in French."""
    settings.ADS_PHOTO_MAX_BYTES = 2048
    content = image_bytes()
    content += b"\0" * (4096 - len(content))

    response = post_photo(client, author, jargeau, upload(content))

    assert response.status_code == 400
    assert "Ce fichier pèse 4,0 Kio ; une photo peut peser jusqu’à 2,0 Kio." in page_text(response)
    assert not Ad.objects.exists()


def test_a_truncated_jpeg_is_refused(client, author, jargeau):
    """A JPEG cut in the middle is refused rather than stored half grey."""
    content = image_bytes(size=(800, 600))

    response = post_photo(client, author, jargeau, upload(content[: len(content) // 2]))

    assert response.status_code == 400
    assert not Ad.objects.exists()


def test_a_camera_photo_is_stored_upright_resized_and_without_exif(client, author, jargeau):
    """The GPS position and camera data are gone, the orientation is applied and the long side is 1600 px."""
    response = post_photo(client, author, jargeau, upload(jpeg_with_gps_and_rotation(), name="IMG_0042.JPG"))

    assert response.status_code == 302
    photo = AdPhoto.objects.get()
    assert STORED_NAME.match(photo.image.name)
    assert STORED_NAME.match(photo.thumbnail.name.replace("vignettes/", ""))
    with default_storage.open(photo.image.name) as stored:
        content = stored.read()
    image = Image.open(io.BytesIO(content))
    assert image.format == "JPEG"
    assert image.size == (800, 1600) == (photo.width, photo.height)
    assert not image.getexif()
    assert "exif" not in image.info
    assert b"Exif" not in content
    assert "Téléphone".encode() not in content
    with default_storage.open(photo.thumbnail.name) as stored:
        assert max(Image.open(stored).size) == 480


def test_the_stored_name_never_comes_from_the_upload(client, author, jargeau):
    """A name with a path and a double extension is ignored: the code names the file."""
    response = post_photo(client, author, jargeau, upload(image_bytes(), name="../../config/evil.php.jpg"))

    assert response.status_code == 302
    photo = AdPhoto.objects.get()
    assert STORED_NAME.match(photo.image.name)
    assert "evil" not in photo.image.name


def test_a_payload_appended_to_a_jpeg_does_not_reach_the_storage(client, author, jargeau):
    """A JPEG carrying PHP code after its end is accepted as an image, but only its pixels are stored."""
    response = post_photo(client, author, jargeau, upload(image_bytes() + PHP))

    assert response.status_code == 302
    with default_storage.open(AdPhoto.objects.get().image.name) as stored:
        assert b"<?php" not in stored.read()


def test_a_transparent_png_is_stored_as_webp(client, author, jargeau):
    """Transparency is kept: a PNG with an alpha channel becomes a WebP image."""
    content = image_bytes(image_format="PNG", mode="RGBA", colour=(200, 0, 0, 128))

    response = post_photo(client, author, jargeau, upload(content, name="logo.png", content_type="image/png"))

    assert response.status_code == 302
    photo = AdPhoto.objects.get()
    assert photo.image.name.endswith(".webp")
    with default_storage.open(photo.image.name) as stored:
        assert Image.open(stored).format == "WEBP"


def test_webp_is_accepted(client, author, jargeau):
    """A WebP photo is accepted and stored as JPEG."""
    content = image_bytes(image_format="WEBP")

    response = post_photo(client, author, jargeau, upload(content, name="photo.webp", content_type="image/webp"))

    assert response.status_code == 302
    assert AdPhoto.objects.get().image.name.endswith(".jpg")


def test_a_photo_needs_a_text_alternative(client, author, jargeau):
    """A photo without a description is refused, and nothing is saved."""
    response = post_photo(client, author, jargeau, *valid_photo(alt_text=""))

    assert response.status_code == 400
    assert "Décrivez cette photo pour les personnes qui ne peuvent pas la voir." in page_text(response)
    assert not Ad.objects.exists()
