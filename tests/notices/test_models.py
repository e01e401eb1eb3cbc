"""Validation of notices: dates and attached documents, as editors meet it in the Wagtail admin."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from extranet.notices.blocks import DocumentLinkBlock
from extranet.notices.pages import NoticeAttachment, NoticePage
from tests.notices.factories import document, docx_bytes, notice, odt_bytes
from tests.notices.helpers import add_url, admin_form, page_text

pytestmark = pytest.mark.django_db

EXPIRY_ERROR = "La date d'expiration ne peut pas être antérieure à la date de publication."


def test_an_expiry_date_before_the_publication_date_is_refused_in_french(client, commune, editor, section):
    """The admin form shows the French error on the expiry date and creates no notice."""
    client.force_login(editor)
    today = timezone.localdate()
    data = admin_form(
        client,
        add_url(section),
        title="Fermeture de la mairie",
        slug="fermeture-de-la-mairie",
        kind="information",
        summary="La mairie sera fermée le lundi 3 mars.",
        publication_date=str(today),
        expiry_date=str(today - timedelta(days=1)),
    )

    response = client.post(add_url(section), data)

    assert response.status_code == 200
    assert EXPIRY_ERROR in page_text(response)
    assert not NoticePage.objects.filter(slug="fermeture-de-la-mairie").exists()


def test_the_model_refuses_an_expiry_before_publication(commune):
    """Validation belongs to the model, so every path (admin, service, import) gets the same French error."""
    with pytest.raises(ValidationError) as error:
        notice(commune, published_days_ago=0, expires_in_days=-1)

    assert error.value.message_dict["expiry_date"] == [EXPIRY_ERROR]
    assert not NoticePage.objects.exists()


def test_a_notice_may_expire_on_its_publication_day(commune):
    """An expiry date equal to the publication date is accepted."""
    created = notice(commune, published_days_ago=0, expires_in_days=0)

    assert created.live and created.expiry_date == created.publication_date


@pytest.mark.parametrize(
    ("filename", "content"),
    [("avis.pdf", None), ("avis.odt", odt_bytes()), ("avis.docx", docx_bytes())],
    ids=["pdf", "odt", "docx"],
)
def test_pdf_odt_and_docx_documents_can_be_attached(commune, filename, content):
    """A real PDF, ODT or DOCX document passes the attachment's validation."""
    created = notice(commune)
    attachment = NoticeAttachment(page=created, document=document(filename=filename, content=content), label="Avis")

    attachment.full_clean()


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("arrete.pdf", b"<html><script>alert(1)</script></html>"),
        ("arrete.docx", b"PK\x03\x04 not really a zip archive"),
        ("tableau.pdf", b"MZ\x90\x00 an executable renamed"),
    ],
    ids=["html-named-pdf", "broken-zip", "executable"],
)
def test_a_document_that_only_has_the_right_name_is_refused(commune, filename, content):
    """The content decides, not the file name: the French error names the document and the accepted formats."""
    created = notice(commune)
    attachment = NoticeAttachment(
        page=created, document=document(title="Arrêté piégé", filename=filename, content=content), label="Arrêté"
    )

    with pytest.raises(ValidationError) as error:
        attachment.full_clean()

    assert error.value.message_dict["document"] == [
        "« Arrêté piégé » n'est pas un document PDF, ODT ou DOCX : seuls ces formats peuvent être joints à un avis."
    ]


def test_a_zip_that_is_neither_odt_nor_docx_is_refused(commune):
    """A well-formed zip archive without an ODT or DOCX structure is not a document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff")
    attachment = NoticeAttachment(
        page=notice(commune), document=document(filename="archive.odt", content=buffer.getvalue()), label="Archive"
    )

    with pytest.raises(ValidationError):
        attachment.full_clean()


def test_the_admin_refuses_a_disguised_attachment_and_saves_nothing(client, commune, editor, section):
    """Attaching a text file named .pdf through the admin form shows the French error; no notice is created."""
    client.force_login(editor)
    disguised = document(title="Faux PDF", filename="faux.pdf", content=b"just text")
    data = admin_form(
        client,
        add_url(section),
        title="Arrêté de circulation",
        slug="arrete-de-circulation",
        kind="official_notice",
        summary="La circulation est interdite rue du Pont le 3 mars.",
        publication_date=str(timezone.localdate()),
    )
    data.update(
        {
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-document": str(disguised.pk),
            "attachments-0-label": "Arrêté signé",
            "attachments-0-ORDER": "1",
            "attachments-0-DELETE": "",
            "attachments-0-id": "",
        }
    )

    response = client.post(add_url(section), data)

    assert response.status_code == 200
    assert "« Faux PDF » n'est pas un document PDF, ODT ou DOCX" in page_text(response)
    assert not NoticePage.objects.filter(slug="arrete-de-circulation").exists()


def test_a_document_block_of_the_body_refuses_a_disguised_file(db):
    """The body's document block applies the same check as the attachments."""
    block = DocumentLinkBlock()
    disguised = document(title="Faux PDF", filename="faux.pdf", content=b"just text")

    with pytest.raises(ValidationError):
        block.clean(block.to_python({"document": disguised.pk, "label": "Télécharger"}))
    block.clean(block.to_python({"document": document().pk, "label": "Télécharger"}))


def test_a_publication_date_to_come_needs_the_go_live_date(client, commune, editor, section):
    """A notice dated next week is refused in French; with its go-live date set to that day, it is scheduled."""
    client.force_login(editor)
    next_week = timezone.localdate() + timedelta(days=7)
    fields = {
        "title": "Fête de la musique",
        "slug": "fete-de-la-musique",
        "kind": "information",
        "summary": "Concerts place du Martroi.",
        "publication_date": str(next_week),
        "action-publish": "Publier",
    }

    refused = client.post(add_url(section), admin_form(client, add_url(section), **fields))
    go_live = f"{next_week} 08:00"
    scheduled = client.post(add_url(section), admin_form(client, add_url(section), go_live_at=go_live, **fields))

    assert refused.status_code == 200
    assert "La date de publication ne peut pas être postérieure à aujourd'hui." in page_text(refused)
    assert scheduled.status_code == 302
    created = NoticePage.objects.get(slug="fete-de-la-musique")
    assert not created.live and created.go_live_at is not None


def test_the_feed_address_cannot_be_a_notice_s(commune):
    """A notice named "flux" would hide behind the section's feed: the address is refused in French."""
    with pytest.raises(ValidationError) as error:
        notice(commune, slug="flux")

    assert error.value.message_dict["slug"] == ["Cette adresse est réservée\u00a0: choisissez un autre slug."]
