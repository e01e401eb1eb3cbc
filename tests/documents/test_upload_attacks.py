"""The upload attack corpus: each bad file gets a clear French message, nothing is stored, the good files are kept."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from documents.models import Document, DocumentVersion
from documents.uploads import sanitize_file_name, upload_check
from tests.documents.factories import docx_bytes, pdf_bytes, png_bytes, upload_file

pytestmark = pytest.mark.django_db


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG file declaring huge dimensions: a decompression bomb as Pillow sees it."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def refusal(name: str, content: bytes) -> str:
    with pytest.raises(ValidationError) as raised:
        upload_check(upload_file(name, content))
    return " ".join(raised.value.messages)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rapport.pdf", b"MZ\x90\x00" + b"\x00" * 200, "est un programme"),
        ("photo.jpg", b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "est un programme"),
        ("vide.pdf", b"", "est vide (0 octet)"),
        ("faux.pdf", docx_bytes("Bonjour"), "ne correspond pas à son contenu (DOCX)"),
        ("image.pdf", png_bytes(), "ne correspond pas à son contenu (PNG)"),
        ("coupe.pdf", pdf_bytes("Texte")[:-60], "endommagé ou incomplet"),
        ("coupe.docx", docx_bytes("Texte")[:-200], "endommagé ou incomplet"),
        ("bombe.png", png_header_only(30_000, 30_000), "millions de pixels"),
        ("page.html", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "pas dans un format accepté"),
        ("binaire.dat", b"\x00\x01\x02\x03" * 50, "pas dans un format accepté"),
    ],
)
def test_bad_files_are_refused_with_a_french_message(name, content, message):
    """Renamed executables, empty, mismatched, truncated, bomb and unknown files are refused, naming the file."""
    text = refusal(name, content)
    assert message in text
    assert name in text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "photo.png",
            b"Compte rendu de la reunion",
            "« photo.png » ne correspond pas à son contenu (TXT) : renommez-le « photo.txt ».",
        ),
        ("photo.png", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "renommez-le « photo.jpg »."),
        ("rapport", pdf_bytes("Texte"), "renommez-le « rapport.pdf »."),
        (
            "setup.pdf",
            b"MZ\x90\x00" + b"\x00" * 200,
            "« setup.pdf » est un programme : les programmes ne sont pas acceptés.",
        ),
    ],
)
def test_refusals_say_what_to_do(name, content, message):
    """A mismatched name is told the whole usual name to take (not "….md" for text); a program is simply refused."""
    assert message in refusal(name, content)


def test_a_file_over_the_limit_is_refused(settings):
    """The size limit is a setting; the message gives the file's size and the limit."""
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = 1024
    assert "un document peut peser au plus 1,0" in refusal("gros.pdf", pdf_bytes("x" * 3000, *["ligne"] * 200))


def test_a_zip_bomb_is_refused_without_unpacking():
    """An archive declaring gigabytes once unpacked is refused from its directory alone."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.bin", b"\x00" * (600 * 1024 * 1024))
    assert "une fois décompressé" in refusal("archive.zip", buffer.getvalue())


def test_the_allowed_formats_are_a_setting(settings):
    """A format taken out of the setting is refused."""
    settings.DOCUMENTS_ALLOWED_FORMATS = ["pdf"]
    assert "pas dans un format accepté" in refusal("photo.png", png_bytes())


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system.ini", "system.ini"),
        ("/home/../.bashrc", "bashrc"),
        ("rapport\x00.pdf", "rapport.pdf"),
        ("délibération n°3.pdf", "délibération n°3.pdf"),
        ("..", "document"),
        ("a" * 300 + ".pdf", "a" * 146 + ".pdf"),
    ],
)
def test_file_names_are_sanitised(raw, clean):
    """Paths, control characters and leading dots go; accents stay; long names are cut keeping the extension."""
    assert sanitize_file_name(raw) == clean


def test_a_path_as_file_name_never_reaches_the_storage_path(client, commune, member):
    """`../../etc/passwd.txt` is stored under a generated name inside the library's storage."""
    client.force_login(member)
    client.post(
        f"/bibliotheque/{commune.slug}/envoyer/", {"files": [upload_file("../../etc/passwd.txt", b"root:x:0:0")]}
    )
    version = DocumentVersion.objects.get()
    assert version.original_name == "passwd.txt"
    assert ".." not in version.file.name and "passwd" not in version.file.name
    assert version.file.name.startswith(f"{commune.pk}/")


def test_a_superscript_digit_as_target_folder_answers_404(client, commune, member):
    """A folder number made of a non-decimal Unicode digit gets 404 and stores nothing, not a server error."""
    client.force_login(member)
    response = client.post(
        f"/bibliotheque/{commune.slug}/envoyer/", {"folder": "²", "files": [upload_file("note.txt", b"Bonjour")]}
    )
    assert response.status_code == 404
    assert not DocumentVersion.objects.exists()


def test_a_batch_keeps_the_good_files_and_names_the_refused_ones(client, commune, member):
    """Two good files and a renamed executable: the good ones are stored, the page explains the refusal."""
    client.force_login(member)
    response = client.post(
        f"/bibliotheque/{commune.slug}/envoyer/",
        {
            "files": [
                upload_file("budget.pdf", pdf_bytes("Budget")),
                upload_file("setup.pdf", b"MZ" + b"\x00" * 100),
                upload_file("notes.txt", "Réunion de chantier".encode()),
            ]
        },
        follow=True,
    )
    page = response.content.decode()
    assert "2 documents ajoutés" in page
    assert "« setup.pdf » est un programme" in page
    assert sorted(Document.objects.values_list("title", flat=True)) == ["budget.pdf", "notes.txt"]


def test_the_script_gets_json_per_file(client, commune, member):
    """The enhanced form sends one file per request and reads the result as JSON."""
    client.force_login(member)
    url = f"/bibliotheque/{commune.slug}/envoyer/"
    good = client.post(url, {"files": [upload_file("a.pdf", pdf_bytes())]}, headers={"Accept": "application/json"})
    bad = client.post(url, {"files": [upload_file("b.pdf", b"")]}, headers={"Accept": "application/json"})
    assert good.status_code == 201 and good.json()["created"][0]["title"] == "a.pdf"
    assert bad.status_code == 400 and "est vide" in bad.json()["errors"][0]


def test_a_refused_new_version_keeps_the_current_one(client, commune, member):
    """A bad new version is refused on the page with the form shown again; the document is unchanged."""
    from tests.documents.factories import document

    item = document(commune, user=member)
    client.force_login(member)
    response = client.post(
        f"/bibliotheque/document/{item.pk}/nouvelle-version/", {"file": upload_file("compte-rendu.pdf", b"")}
    )
    assert response.status_code == 400
    assert "est vide" in response.content.decode()
    assert item.versions.count() == 1


def test_an_upload_after_the_session_ended_says_so(client, commune):
    """The page's script is told in French to log in again; the plain form leads to the login, then the library."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("documents:upload", args=[commune.slug])
    file = SimpleUploadedFile("compte-rendu.pdf", pdf_bytes("Compte rendu"))

    scripted = client.post(url, {"files": file}, headers={"Accept": "application/json"})
    plain = client.post(url, {"files": file})

    assert scripted.status_code == 401
    (error,) = scripted.json()["errors"]
    assert error == "Votre session a pris fin : reconnectez-vous, puis envoyez de nouveau le fichier."
    assert plain.status_code == 302 and plain["Location"].endswith(f"?next=/bibliotheque/{commune.slug}/")
