"""Checks of the documents attached to notices: recognised by their content, never by their name."""

import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PDF_SIGNATURE = b"%PDF-"
ZIP_SIGNATURE = b"PK\x03\x04"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def document_format(file) -> str | None:
    """Return "pdf", "odt" or "docx" after reading the file's content, or None for anything else."""
    with file.open("rb") as handle:
        head = handle.read(len(PDF_SIGNATURE))
        if head == PDF_SIGNATURE:
            return "pdf"
        if head.startswith(ZIP_SIGNATURE):
            handle.seek(0)
            return _office_format(handle)
    return None


def _office_format(file) -> str | None:
    """An ODT names its type in a first "mimetype" entry; a DOCX holds a Word document part."""
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if names and names[0] == "mimetype" and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return "docx"
    except zipfile.BadZipFile:
        return None
    return None


def validate_notice_document(document) -> None:
    """Refuse a document that is not a PDF, ODT or DOCX file, whatever its name says."""
    try:
        recognised = document_format(document.file)
    except (OSError, ValueError):
        recognised = None
    if recognised is None:
        raise ValidationError(
            _("“%(title)s” is not a PDF, ODT or DOCX document: only these formats can be attached to a notice."),
            params={"title": document.title},
            code="document_format",
        )


def validate_library_document(document) -> None:
    """Refuse a library document that anyone may not download: a public page may only link to public ones."""
    from documents.selectors import document_list_public

    if document is not None and document.pk not in document_list_public(pks=[document.pk]):
        # Without the title: the document may be another organisation's private one, typed in by its number.
        raise ValidationError(
            _("This document is not public in its library: only public documents can be linked from a public page."),
            code="document_not_public",
        )


def validate_library_document_for_user(document, *, user, kept: frozenset[int] = frozenset()) -> None:
    """Refuse a library document the user's chooser does not offer (`document_list_for_pages`).

    Documents in `kept` (already on the page, chosen by another editor) stay allowed, so that a moderator of
    another organisation can still save or approve the page.
    """
    from documents.selectors import document_list_for_pages

    if document is None or document.pk in kept:
        return
    if not document_list_for_pages(user=user).filter(pk=document.pk).exists():
        raise ValidationError(
            _(
                "This document cannot be chosen: only the public documents of your organisations' libraries "
                "can be attached. Choose it with the “Choose a library document” button."
            ),
            code="document_not_offered",
        )
