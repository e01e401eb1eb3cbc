"""Builders of the notices tests: notices made through the service, documents made of real bytes."""

import io
import zipfile
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from extranet.core.demo_files import minimal_pdf
from extranet.notices.pages import NoticeKind, NoticeSectionPage
from extranet.notices.services import notice_create
from tests.organisations.factories import membership


def section_of(organisation) -> NoticeSectionPage:
    """The organisation's section, created by its provisioning."""
    return NoticeSectionPage.objects.get(organisation=organisation)


def notice(organisation, *, user=None, published_days_ago=1, expires_in_days=None, publish=True, **fields):
    """A notice of the organisation by `user` (a new editor of it by default), published unless told otherwise."""
    today = timezone.localdate()
    defaults = {
        "title": "Coupure d'eau rue Gambetta",
        "kind": NoticeKind.INFORMATION,
        "summary": "L'eau sera coupée de 8 h à 17 h pour des travaux sur le réseau.",
        "body": [("paragraph", RichText("<p>Un point d'eau sera installé place du Martroi.</p>"))],
        "publication_date": today - timedelta(days=published_days_ago),
        "expiry_date": today + timedelta(days=expires_in_days) if expires_in_days is not None else None,
    }
    return notice_create(
        section=section_of(organisation),
        user=user or membership(organisation, role="editor").user,
        publish=publish,
        **{**defaults, **fields},
    )


def document(*, title="Arrêté municipal", filename="arrete.pdf", content=None):
    """A Wagtail document; a small real PDF unless `content` says otherwise."""
    Document = get_document_model()
    item = Document(title=title)
    item.file.save(filename, ContentFile(content or minimal_pdf([title, "", "Article 1er."])), save=False)
    item._set_document_file_metadata()  # as Wagtail's upload form does
    item.save()
    return item


def odt_bytes() -> bytes:
    """A minimal OpenDocument text: a zip whose first, stored entry names its type."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def docx_bytes() -> bytes:
    """A minimal Word document: a zip with its content types and a document part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()
