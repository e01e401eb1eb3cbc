"""People's photos: checked by content, re-encoded, kept private and shown only to the photo's audience."""

import base64
import io

import pytest
import vobject
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from annuaire.photos import photo_clean
from annuaire.services import person_card_photo_set
from annuaire.storage import photo_storage
from tests.annuaire.factories import person_card

pytestmark = pytest.mark.django_db


def image_bytes(pillow_format="PNG", size=(900, 600), mode="RGB", exif=False) -> bytes:
    image = Image.new(mode, size, (200, 30, 30) if mode == "RGB" else (200, 30, 30, 128))
    buffer = io.BytesIO()
    options = {}
    if exif:
        data = Image.Exif()
        data[0x010E] = "Secret description"  # ImageDescription
        data[0x013B] = "Secret author"  # Artist
        options["exif"] = data
    image.save(buffer, pillow_format, **options)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


def edit(client, card, **data):
    """Post the card's edit form with its current values, plus the given changes (a new_photo file...)."""
    values = {
        "function": card.function,
        "service": "",
        "phone": card.phone,
        "mobile": card.mobile,
        "email": card.email,
        "card_visibility": card.card_visibility,
        "function_visibility": card.function_visibility,
        "phone_visibility": card.phone_visibility,
        "mobile_visibility": card.mobile_visibility,
        "email_visibility": card.email_visibility,
        "photo_visibility": card.photo_visibility,
        **data,
    }
    return client.post(reverse("annuaire:person_edit", args=[card.pk]), values)


def with_photo(card, **photo_options):
    return person_card_photo_set(card=card, photo=photo_clean(upload("photo.png", image_bytes(**photo_options))))


def photo_url(card):
    return reverse("annuaire:person_photo", args=[card.pk])


def test_the_person_uploads_a_photo_that_is_reencoded_without_metadata(client, card):
    """A JPEG with EXIF comes back as a fresh JPEG of at most 512 pixels, without the EXIF, from private storage."""
    original = image_bytes("JPEG", size=(1200, 800), exif=True)
    client.force_login(card.user)
    form = client.get(reverse("annuaire:person_edit", args=[card.pk])).content.decode()
    assert 'enctype="multipart/form-data"' in form and 'accept="image/jpeg,image/png,image/webp"' in form
    response = edit(client, card, new_photo=upload("moi.jpg", original))
    assert response.status_code == 302
    card.refresh_from_db()
    assert card.photo.name.startswith("annuaire/photos/") and card.photo.name.endswith(".jpg")
    assert "moi" not in card.photo.name
    assert photo_storage().exists(card.photo.name)
    with pytest.raises(ValueError):
        card.photo.url  # noqa: B018 (private storage: no public address)

    served = client.get(photo_url(card))
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    assert "private" in served["Cache-Control"]
    content = served.content
    assert content != original and b"Secret" not in content
    image = Image.open(io.BytesIO(content))
    assert image.format == "JPEG" and max(image.size) == 512 and image.size == (512, 341)
    assert not image.getexif()


def test_a_transparent_png_or_a_webp_is_accepted(client, card):
    """PNG with transparency and WebP are both turned into JPEG."""
    client.force_login(card.user)
    assert edit(client, card, new_photo=upload("a.png", image_bytes(mode="RGBA"))).status_code == 302
    assert edit(client, card, new_photo=upload("b.webp", image_bytes("WEBP"))).status_code == 302
    assert Image.open(io.BytesIO(client.get(photo_url(card)).content)).format == "JPEG"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.gif", image_bytes("GIF"), "n’est pas dans un format accepté"),
        ("photo.jpg", b"%PDF-1.4\n1 0 obj\n%%EOF\n", "n’est pas dans un format accepté"),
        ("photo.jpg", b"MZ\x90\x00 a program", "est un programme, pas une photo"),
        ("photo.png", image_bytes()[:200], "endommagé ou incomplet"),
        ("photo.png", image_bytes("JPEG"), "renommez-le"),
    ],
    ids=["gif", "pdf", "executable", "truncated", "wrong-extension"],
)
def test_a_bad_file_gets_a_french_error_and_the_rest_of_the_form_is_kept(client, card, name, content, message):
    """Nothing is saved, the error names the problem, and the other fields keep what was typed."""
    client.force_login(card.user)
    response = edit(client, card, function="Directrice générale des services", new_photo=upload(name, content))
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert 'value="Directrice générale des services"' in page
    card.refresh_from_db()
    assert not card.photo and card.function == "Secrétaire de mairie"


def test_a_program_sent_as_a_photo_does_not_speak_of_the_library(client, card):
    """The refusal of a program names the photo's formats, not the library's sharing."""
    client.force_login(card.user)
    response = edit(client, card, new_photo=upload("photo.jpg", b"MZ\x90\x00 a program"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "« photo.jpg » est un programme, pas une photo : choisissez une image JPEG, PNG ou WebP." in page
    assert "bibliothèque" not in page


def test_an_image_bomb_is_refused(client, card, settings):
    """An image with more pixels than allowed is refused before its pixels are decoded."""
    settings.DOCUMENTS_MAX_IMAGE_PIXELS = 100_000
    client.force_login(card.user)
    response = edit(client, card, new_photo=upload("bomb.png", image_bytes(size=(1000, 1000))))
    assert response.status_code == 400
    assert "millions de pixels" in response.content.decode() or "million de pixels" in response.content.decode()
    card.refresh_from_db()
    assert not card.photo


def test_a_heavy_file_is_refused_with_its_size(client, card, settings):
    """A file over ANNUAIRE_PHOTO_MAX_BYTES is refused with the limit."""
    settings.ANNUAIRE_PHOTO_MAX_BYTES = 1000
    client.force_login(card.user)
    response = edit(client, card, new_photo=upload("big.png", image_bytes()))
    assert response.status_code == 400
    assert "une photo peut peser jusqu" in response.content.decode()


def test_an_admin_replaces_then_removes_a_members_photo(client, card, admin, django_capture_on_commit_callbacks):
    """The organisation's admin edits the member's photo; each replaced or removed file is deleted."""
    with_photo(card)
    first = card.photo.name
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        assert edit(client, card, new_photo=upload("new.webp", image_bytes("WEBP"))).status_code == 302
    card.refresh_from_db()
    assert card.photo.name != first and not photo_storage().exists(first)

    second = card.photo.name
    with django_capture_on_commit_callbacks(execute=True):
        assert edit(client, card, remove_photo="on").status_code == 302
    card.refresh_from_db()
    assert not card.photo and not photo_storage().exists(second)
    assert client.get(photo_url(card)).status_code == 404


def test_someone_else_cannot_change_a_photo(client, card, member):
    """A plain colleague gets a 404 on the edit form, so cannot upload."""
    client.force_login(member)
    assert edit(client, card, new_photo=upload("x.png", image_bytes())).status_code == 404
    card.refresh_from_db()
    assert not card.photo


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("anonymous", False),
        ("no_organisation", False),
        ("other_organisation", False),
        ("same_organisation", True),
        ("superuser", True),
    ],
)
def test_the_photo_follows_its_visibility_everywhere(client, card, personas, persona, sees):
    """A photo kept to the organisation is served, shown and put in the vCard for its audience only; 404 otherwise."""
    from annuaire.services import person_card_update

    with_photo(card)
    person_card_update(card=card, photo_visibility="organisation")
    user = personas[persona]
    if user.is_authenticated:
        client.force_login(user)
    assert client.get(photo_url(card)).status_code == (200 if sees else 404)
    assert (photo_url(card) in client.get(reverse("annuaire:person_detail", args=[card.pk])).content.decode()) == sees
    assert (photo_url(card) in client.get(reverse("annuaire:person_list")).content.decode()) == sees
    text = client.get(reverse("annuaire:person_vcard", args=[card.pk])).content.decode()
    vobject.readOne(text)
    unfolded = text.replace("\r\n ", "")
    assert ("PHOTO:data:image/jpeg;base64," in unfolded) == sees
    if sees:
        encoded = unfolded.split("PHOTO:data:image/jpeg;base64,")[1].split("\r\n")[0]
        assert Image.open(io.BytesIO(base64.b64decode(encoded))).format == "JPEG"
    organisation_file = client.get(reverse("annuaire:organisation_vcards", args=["jargeau"])).content.decode()
    assert ("PHOTO:" in organisation_file) == sees


def test_missing_and_photoless_cards_answer_404(client, card):
    """No card and a card without photo answer the same 404."""
    assert client.get(reverse("annuaire:person_photo", args=[999_999])).status_code == 404
    assert client.get(photo_url(card)).status_code == 404


def test_the_photo_is_stored_outside_the_public_media_folder(card):
    """The file lives in the private documents storage, not under MEDIA_ROOT."""
    with_photo(card)
    path = photo_storage().path(card.photo.name)
    assert not path.startswith(str(settings.MEDIA_ROOT))


def test_people_listings_with_photos_run_a_constant_number_of_queries(client, commune, member):
    """Twenty cards with photos cost as many queries as two."""
    client.force_login(member)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("annuaire:person_list")).status_code == 200
            assert client.get(reverse("annuaire:organisation_detail", args=["jargeau"])).status_code == 200
        return len(captured)

    def add(count):
        for _index in range(count):
            with_photo(person_card(commune, card_visibility="members", photo_visibility="members"), size=(40, 40))

    add(2)
    few = queries()
    add(18)
    assert queries() == few
