"""One corpus of hostile files sent to every upload field: each is refused in French with nothing stored, or
kept safely (the names of RFC 6266: stored cleaned, served back with a correct Content-Disposition)."""

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils.http import content_disposition_header
from machina.apps.forum_conversation.forum_attachments.models import Attachment as ForumAttachment
from PIL import Image

from agenda.models import EventDetails
from annuaire.models import PeopleImport, PersonCard
from documents.models import Document, DocumentVersion
from documents.uploads import sanitize_file_name
from extranet.ads.models import Ad, AdPhoto
from extranet.broadcast.models import Broadcast
from extranet.messaging import services as messaging_services
from extranet.messaging.models import Attachment as MessageAttachment
from extranet.subsidies.models import Application
from tests.ads.factories import departement
from tests.ads.helpers import CREATE_URL, ad_form_data
from tests.agenda.factories import private_calendar
from tests.aids.factories import aid
from tests.annuaire.factories import person_card
from tests.documents.factories import document, pdf_bytes
from tests.forums.factories import organisation_forum, reply_form_data, reply_url, topic
from tests.organisations.factories import OrganisationFactory, membership
from tests.subsidies.factories import application_fields

pytestmark = pytest.mark.django_db

SMALL_LIMIT = 16 * 1024
SIZE_LIMITS = {
    "DOCUMENTS_MAX_UPLOAD_BYTES": SMALL_LIMIT,
    "FORUMS_ATTACHMENT_MAX_BYTES": SMALL_LIMIT,
    "ADS_PHOTO_MAX_BYTES": SMALL_LIMIT,
    "ANNUAIRE_PHOTO_MAX_BYTES": SMALL_LIMIT,
    "ANNUAIRE_IMPORT_MAX_BYTES": SMALL_LIMIT,
    "AGENDA_IMPORT_MAX_BYTES": SMALL_LIMIT,
}


def _png_declaring(width: int, height: int) -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _zip_bomb(*, office: bool) -> bytes:
    """A zip of a few hundred kilobytes declaring 520 MB once unpacked (a .docx one when `office`)."""
    buffer = io.BytesIO()
    megabyte = b"\x00" * (1024 * 1024)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        if office:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<document/>")
        with archive.open("zeros.bin", "w", force_zip64=True) as entry:
            for _megabyte in range(520):
                entry.write(megabyte)
    return buffer.getvalue()


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 40, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def corpus():
    """(label, file name, bytes) of the hostile files, built once in memory."""
    elf = b"\x7fELF\x02\x01\x01" + b"\x00" * 400
    return {
        "svg_script": ("dessin.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        "html_as_pdf": ("rapport.pdf", b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"),
        # A JPEG whose tail is a PDF: readers of either format would open it.
        "polyglot": ("scan.pdf", _jpeg() + pdf_bytes("Polyglotte")),
        "elf_as_pdf": ("facture.pdf", elf),
        "pe_as_jpg": ("photo.jpg", b"MZ\x90\x00\x03" + b"\x00" * 400),
        "zip_bomb": ("archive.zip", _zip_bomb(office=False)),
        "docx_bomb": ("rapport.docx", _zip_bomb(office=True)),
        "pixel_flood": ("plan.png", _png_declaring(50_000, 50_000)),
        "oversized": ("gros.pdf", pdf_bytes(*["ligne de texte assez longue"] * 2000)),
    }


SAFE_NAMES = [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("/etc/passwd.pdf", "passwd.pdf"),
    ("C:\\Windows\\system.pdf", "system.pdf"),
    ("a" * 300 + ".pdf", "a" * 146 + ".pdf"),
    ("délibération n°12 — été.pdf", "délibération n°12 — été.pdf"),
    ('rapport "final"; v2.pdf', "rapport final; v2.pdf"),
]
# Browsers percent-encode CR, LF and NUL in a multipart file name (the test client cannot even send them):
# the upload check's name cleaning is asked directly for those.
CONTROL_NAMES = [
    ("ligne\r\nSet-Cookie: x=1.pdf", "ligneSet-Cookie x=1.pdf"),
    ("rapport\x00.exe.pdf", "rapport.exe.pdf"),
]


def test_control_characters_never_reach_a_stored_name_or_a_header():
    """CR, LF and NUL are removed from the name, so no header can be split by it."""
    for raw, clean in CONTROL_NAMES:
        assert sanitize_file_name(raw) == clean
        assert "\r" not in content_disposition_header(True, sanitize_file_name(raw))


def _stored_files() -> set[str]:
    files = set()
    for root in {str(settings.MEDIA_ROOT), str(settings.DOCUMENTS_ROOT)}:
        for folder, _dirs, names in os.walk(root):
            files.update(os.path.join(folder, name) for name in names)
    return files


def _page(response) -> str:
    return response.content.decode(errors="replace")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One commune and its people, with something to attach files to in each app: built once for the module and
    rolled back after it (each test still runs in its own savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _world()
        transaction.set_rollback(True)


def _world():
    departement_org = departement()
    epci = OrganisationFactory(kind="epci", slug="cc-des-loges", insee_code="", parent=departement_org)
    commune = OrganisationFactory(kind="commune", slug="jargeau", insee_code="45173", parent=epci)
    admin = membership(commune, role="admin").user
    colleague = membership(commune, role="member").user
    return {
        "commune": commune,
        "admin": admin,
        "topic": topic(organisation_forum(commune), poster=colleague),
        "conversation": messaging_services.conversation_create_direct(user=admin, other=colleague),
        "aid": aid(departement_org, title="Aide aux communes rurales"),
        "card": person_card(commune, user=admin, function="Maire"),
        "calendar": private_calendar(commune),
        "document": document(commune, user=admin, name="deliberation.pdf"),
    }


def _application_data():
    return {
        **{name: value for name, value in application_fields().items() if value is not None},
        "total_cost": "120000,00",
        "amount_requested": "36000,00",
        "start_date": "2027-03-01",
        "end_date": "2027-09-30",
        "save": "",
    }


def _card_data():
    return {
        "function": "Maire",
        **dict.fromkeys(("service", "phone", "mobile", "email"), ""),
        **{f"{field}_visibility": "members" for field in ("card", "function", "phone", "mobile", "email", "photo")},
    }


# Each upload field: how to send one file, what it stores, how its file is served back, what it may accept.
FIELDS = {
    "library": {
        "post": lambda client, w, f: client.post(
            reverse("documents:upload", args=[w["commune"].slug]), {"files": [f]}, follow=True
        ),
        "rows": lambda: DocumentVersion.objects.count(),
        "download": lambda client, w: client.get(
            reverse("documents:download", args=[Document.objects.latest("pk").pk])
        ),
        "accepts_svg": True,
    },
    "library new version": {
        "post": lambda client, w, f: client.post(
            reverse("documents:version_create", args=[w["document"].pk]), {"file": f}
        ),
        "rows": lambda: DocumentVersion.objects.count(),
        "download": lambda client, w: client.get(reverse("documents:download", args=[w["document"].pk])),
        "accepts_svg": True,
        # The current version downloads under the document's title (tests/documents/test_download_names.py):
        # the header is still checked for line breaks and paths, not for the uploaded name.
        "served_under_title": True,
    },
    "message attachment": {
        "post": lambda client, w, f: client.post(
            reverse("messaging:post", args=[w["conversation"].pk]),
            {"body": "Pièce jointe", "key": f"k{MessageAttachment.objects.count()}-{f.name[:20]}", "attachment": f},
        ),
        "rows": lambda: MessageAttachment.objects.count(),
        "download": lambda client, w: client.get(
            reverse("messaging:attachment", args=[MessageAttachment.objects.latest("pk").pk])
        ),
        "accepts_svg": True,
    },
    "subsidy supporting document": {
        "post": lambda client, w, f: client.post(
            reverse("subsidies:start", args=[w["aid"].pk]), {**_application_data(), "uploads": [f]}
        ),
        "rows": lambda: Application.objects.count() + Document.objects.count(),
        "download": None,
        "accepts_svg": True,
    },
    "forum attachment": {
        "post": lambda client, w, f: client.post(
            reply_url(w["topic"]), {**reply_form_data(), "attachment-0-file": f, "attachment-0-comment": ""}
        ),
        "rows": lambda: ForumAttachment.objects.count(),
        "download": lambda client, w: client.get(
            reverse("forum_conversation:attachment", kwargs={"pk": ForumAttachment.objects.latest("pk").pk})
        ),
        "accepts_svg": False,
        # machina keeps only the stored name, which the storage may suffix to keep it unique.
        "keeps_name": False,
    },
    "ad photo": {
        "post": lambda client, w, f: client.post(
            CREATE_URL, ad_form_data(w["commune"], **{"photos-0-photo": f, "photos-0-alt_text": "Photo"})
        ),
        "rows": lambda: Ad.objects.count() + AdPhoto.objects.count(),
        "download": None,
        "photo": True,
    },
    "directory photo": {
        "post": lambda client, w, f: client.post(
            reverse("annuaire:person_edit", args=[w["card"].pk]), {**_card_data(), "new_photo": f}
        ),
        "rows": lambda: PersonCard.objects.exclude(photo="").count(),
        "download": None,
        "photo": True,
    },
}


def _upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize("field", FIELDS)
def test_every_hostile_file_is_refused_in_french_and_nothing_is_stored(client, world, corpus, field):
    """Scripts, disguised programs and pages, polyglots, bombs and oversized files: a French error, no row, no file."""
    spec = FIELDS[field]
    client.force_login(world["admin"])
    with override_settings(**SIZE_LIMITS):
        for label, (name, content) in corpus.items():
            if label == "svg_script" and spec.get("accepts_svg"):
                continue  # Kept as a download only: see test_an_svg_with_a_script_is_only_ever_a_sandboxed_download.
            if label == "polyglot" and spec.get("photo"):
                continue  # Photos are re-encoded from their pixels: see the next test.
            rows, files = spec["rows"](), _stored_files()
            response = spec["post"](client, world, _upload(name, content))
            assert response.status_code in (200, 400), (field, label, response.status_code)
            assert spec["rows"]() == rows, (field, label)
            assert _stored_files() == files, (field, label)
            page = _page(response)
            assert "errorlist" in page or "error" in page, (field, label)
            assert any(
                word in page for word in ("refusé", "accepté", "programme", "pixels", "peser", "photo", "image")
            ), (
                field,
                label,
            )


@pytest.mark.parametrize("field", ["ad photo", "directory photo"])
def test_a_polyglot_photo_is_re_encoded_without_its_payload(client, world, corpus, field):
    """A JPEG carrying a PDF is kept as a photo rebuilt from its pixels: the PDF does not reach the storage."""
    client.force_login(world["admin"])
    files = _stored_files()
    FIELDS[field]["post"](client, world, _upload("scan.jpg", corpus["polyglot"][1]))
    new_files = _stored_files() - files
    assert new_files
    assert not any(b"%PDF" in Path(path).read_bytes() for path in new_files)


@pytest.mark.parametrize("field", [name for name, spec in FIELDS.items() if spec.get("accepts_svg")])
def test_an_svg_with_a_script_is_only_ever_a_sandboxed_download(client, world, corpus, field):
    """Where SVG is a legitimate document, it is served as an attachment, never sniffed, in a sandbox."""
    client.force_login(world["admin"])
    spec = FIELDS[field]
    spec["post"](client, world, _upload(*corpus["svg_script"]))
    if spec["download"] is None:
        return
    response = spec["download"](client, world)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize("field", [name for name, spec in FIELDS.items() if not spec.get("photo")])
def test_hostile_names_are_stored_cleaned_and_served_with_a_correct_content_disposition(client, world, field):
    """Paths, long names, quotes, semicolons, CR/LF and accents: the file is kept under a clean name (RFC 6266)."""
    spec = FIELDS[field]
    client.force_login(world["admin"])
    root_files = _stored_files()
    for raw, clean in SAFE_NAMES:
        rows = spec["rows"]()
        response = spec["post"](client, world, _upload(raw, pdf_bytes("Délibération")))
        assert response.status_code in (200, 201, 302), (field, raw, response.status_code)
        assert spec["rows"]() > rows, (field, raw)
        if spec["download"] is None:
            continue
        served = spec["download"](client, world)
        disposition = served["Content-Disposition"]
        assert "\r" not in disposition and "\n" not in disposition and ".." not in disposition
        assert disposition.startswith("attachment; filename"), (field, disposition)
        if spec.get("served_under_title"):
            continue
        if not clean.isascii():
            assert "filename*=utf-8''" in disposition, (field, disposition)
        if spec.get("keeps_name", True):
            expected = content_disposition_header(True, clean)
            assert disposition == expected, (field, disposition, expected)
    for path in _stored_files() - root_files:
        resolved = Path(path).resolve()
        assert any(
            resolved.is_relative_to(Path(root).resolve()) for root in (settings.MEDIA_ROOT, settings.DOCUMENTS_ROOT)
        )
        assert ".." not in path and "\n" not in path and "\r" not in path


def _import_fields(world):
    """The files that are parsed rather than kept: diffusion contacts, directory people, iCalendar events."""
    departement_org = world["commune"].parent.parent
    membership(departement_org, role="admin", user=world["admin"])
    return {
        "diffusion contacts": (
            lambda client, f: client.post(
                reverse("broadcast:create"),
                {"sender": departement_org.pk, "subject": "Info", "body": "Texte", "by_sms": "on", "contacts_file": f},
            ),
            "contacts.csv",
            Broadcast.objects.count,
        ),
        "directory import": (
            lambda client, f: client.post(reverse("annuaire:people_import", args=[world["commune"].slug]), {"file": f}),
            "personnes.csv",
            PeopleImport.objects.count,
        ),
        "calendar import": (
            lambda client, f: client.post(reverse("agenda:calendar_import", args=[world["calendar"].pk]), {"file": f}),
            "agenda.ics",
            EventDetails.objects.count,
        ),
    }


def test_imported_files_are_refused_in_french_when_they_are_not_text(client, world, corpus):
    """A program, an archive (bomb) or an oversized file sent as CSV or iCalendar: a French error, nothing kept."""
    client.force_login(world["admin"])
    oversized = b"nom;telephone\n" + b"Marie;06 11 22 33 44\n" * 200_000
    with override_settings(**SIZE_LIMITS):
        for field, (post, name, rows) in _import_fields(world).items():
            for label, content in [
                ("elf", corpus["elf_as_pdf"][1]),
                ("pe", corpus["pe_as_jpg"][1]),
                ("zip_bomb", corpus["zip_bomb"][1]),
                ("oversized", oversized),
            ]:
                before, files = rows(), _stored_files()
                response = post(client, _upload(name, content))
                assert response.status_code in (200, 400), (field, label, response.status_code)
                assert rows() == before, (field, label)
                assert _stored_files() == files, (field, label)
                assert "errorlist" in _page(response), (field, label)


def test_wagtail_documents_and_images_refuse_the_corpus(client, corpus):
    """The admin's documents (public files of notices and consultations) and images refuse every hostile file."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    from tests.accounts.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    root = Collection.get_first_root_node().pk
    fields = {
        "documents": (reverse("wagtaildocs:add"), get_document_model().objects.count),
        "images": (reverse("wagtailimages:add"), get_image_model().objects.count),
    }
    with override_settings(**SIZE_LIMITS, WAGTAILIMAGES_MAX_UPLOAD_SIZE=SMALL_LIMIT):
        for field, (url, rows) in fields.items():
            for label, (name, content) in corpus.items():
                if label == "svg_script" and field == "documents":
                    continue  # A legitimate format, served as an attachment with "default-src 'none'".
                before, files = rows(), _stored_files()
                response = client.post(url, {"title": label, "collection": root, "file": _upload(name, content)})
                assert response.status_code == 200, (field, label, response.status_code)
                assert rows() == before, (field, label)
                assert _stored_files() == files, (field, label)
                assert "error" in _page(response), (field, label)
        # The same form takes a legitimate file: the refusals above are the checks', not a broken form.
        url, rows = fields["documents"]
        good = _upload("cahier des charges.pdf", pdf_bytes("Cahier des clauses techniques"))
        assert client.post(url, {"title": "CCTP", "collection": root, "file": good}).status_code == 302
        assert rows() == 1


def test_an_acts_signed_pdf_refuses_the_corpus(corpus):
    """The signed PDF of an act (edited in the admin, stored under a generated name) accepts only a readable PDF."""
    from django.core.exceptions import ValidationError

    from extranet.acts.validators import validate_signed_pdf

    for label, (name, content) in corpus.items():
        if label == "oversized":
            continue  # A readable PDF: only its own limit, MAX_PDF_SIZE, would refuse it.
        with pytest.raises(ValidationError):
            validate_signed_pdf(_upload(name, content))


def test_a_utf8_csv_cut_inside_an_accented_capital_is_still_a_csv():
    """The content check reads the first 2 KB: a character cut in two there does not make the file "binary"."""
    from documents.uploads import upload_check

    line = "nom;prénom\nÏSABELLE;ÁNGEL\n".encode()
    for offset in range(len(line)):
        content = b"x" * offset + line * 200
        assert upload_check(_upload("personnes.csv", content), allowed_formats=("csv",)).file_format == "csv"


def test_a_forum_attachment_is_streamed_even_behind_nginx(client, world):
    """Forum files live in MEDIA_ROOT: never handed to the X-Accel location of the documents' storage."""
    client.force_login(world["admin"])
    FIELDS["forum attachment"]["post"](client, world, _upload("ordre du jour.pdf", pdf_bytes("Ordre du jour")))
    with override_settings(DOCUMENTS_X_ACCEL_REDIRECT="/_documents/"):
        response = FIELDS["forum attachment"]["download"](client, world)
    assert response.status_code == 200 and "X-Accel-Redirect" not in response
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    # Django's storage writes spaces as underscores in the stored name, the only one machina keeps.
    assert response["Content-Disposition"] == 'attachment; filename="ordre_du_jour.pdf"'
