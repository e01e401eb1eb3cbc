"""Text extraction for each format, from files generated here, through the upload's background task."""

import pytest

from documents.extraction import extract_text
from documents.models import TextStatus
from tests.documents.factories import (
    document,
    docx_bytes,
    ods_bytes,
    odt_bytes,
    pdf_bytes,
    png_bytes,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("deliberation.pdf", pdf_bytes("Délibération sur l'éclairage public"), ["Délibération", "éclairage"]),
        ("note.odt", odt_bytes("Réfection de la toiture de l'église"), ["toiture", "église", "Titre du document"]),
        ("budget.ods", ods_bytes("Investissement voirie", "Fonctionnement"), ["voirie", "Fonctionnement"]),
        ("courrier.docx", docx_bytes("Demande de subvention régionale"), ["subvention", "Cellule du tableau"]),
        ("aides.xlsx", xlsx_bytes("Fonds vert", "Dotation rurale"), ["Subventions", "Fonds vert", "42"]),
        ("notes.txt", "Réunion publique à la salle des fêtes".encode(), ["salle des fêtes"]),
        ("liste.csv", "commune;population\nJargeau;4800\n".encode("cp1252"), ["Jargeau;4800"]),
        ("effectifs.csv", "commune\tagents\nSaint-Jean-le-Blanc\t12\n".encode("utf-16"), ["Saint-Jean-le-Blanc"]),
    ],
)
def test_text_is_extracted_from_each_format(commune, member, name, content, words):
    """The upload's task stores the file's words with the version."""
    version = document(commune, user=member, name=name, content=content).current_version
    version.refresh_from_db()
    assert version.text_status == TextStatus.DONE
    for word in words:
        assert word in version.text


def test_images_have_no_text_but_a_thumbnail(commune, member):
    """An image gets a thumbnail and no text."""
    version = document(commune, user=member, name="plan.png", content=png_bytes(800, 600)).current_version
    version.refresh_from_db()
    assert version.text_status == TextStatus.NONE
    assert version.thumbnail
    with version.thumbnail.open("rb") as handle:
        assert handle.read(8) == b"\x89PNG\r\n\x1a\n"


def test_a_pdf_gets_a_thumbnail_of_its_first_page(commune, member):
    """PDFs are rendered (first page) to a PNG thumbnail."""
    version = document(commune, user=member, content=pdf_bytes("Page de garde")).current_version
    version.refresh_from_db()
    assert version.thumbnail.name.endswith(".thumbnail.png")


def test_a_file_that_cannot_be_read_is_marked_and_kept(commune, member, monkeypatch):
    """An extraction error leaves the document in place, marked as unreadable."""
    import documents.extraction

    def broken(content, file_format):
        raise ValueError("corrupt")

    monkeypatch.setattr(documents.extraction, "extract_text", broken)
    version = document(commune, user=member).current_version
    version.refresh_from_db()
    assert version.text_status == TextStatus.FAILED


def test_extracted_text_is_shown_for_office_files(client, commune, member):
    """An office file's page shows its text as the preview."""
    item = document(commune, user=member, name="note.odt", content=odt_bytes("Compte rendu du comité syndical"))
    client.force_login(member)
    assert "Compte rendu du comité syndical" in client.get(item.get_absolute_url()).content.decode()


def test_archives_are_never_unpacked():
    """A zip archive yields no text."""
    assert extract_text(b"PK\x03\x04whatever", "zip") == ""
