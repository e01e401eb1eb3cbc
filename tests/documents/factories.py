"""Builders of the documents tests: real files of each format, made here, and documents made through the services."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from documents import services
from documents.uploads import upload_check
from extranet.core.demo_files import minimal_pdf


def pdf_bytes(*lines: str) -> bytes:
    return minimal_pdf(list(lines) or ["Compte rendu du conseil municipal"])


def odt_bytes(*paragraphs: str) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Titre du document"))
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def ods_bytes(*cells: str) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Budget")
    for value in cells:
        row = TableRow()
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=value))
        row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def docx_bytes(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Cellule du tableau"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(*cells: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Subventions"
    for value in cells:
        sheet.append([value, 42])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def png_bytes(width=40, height=30) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def upload_file(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def checked(name: str = "compte-rendu.pdf", content: bytes | None = None):
    return upload_check(upload_file(name, content if content is not None else pdf_bytes()))


def document(organisation, *, user, name="compte-rendu.pdf", content=None, folder=None):
    """A document uploaded through the service (its text extracted at once: tasks run immediately in tests)."""
    return services.document_upload(organisation=organisation, folder=folder, checked=checked(name, content), user=user)


def folder(organisation, *, user, name="Conseil municipal", parent=None):
    return services.folder_create(organisation=organisation, parent=parent, name=name, user=user)


def share(item, organisation, *, user, can_write=False, is_public=False):
    """Share a document or folder with one organisation (keeping no other share)."""
    shares = {organisation: can_write} if organisation else {}
    if hasattr(item, "current_version"):
        return services.document_sharing_set(document=item, is_public=is_public, shares=shares, user=user)
    return services.folder_sharing_set(folder=item, is_public=is_public, shares=shares, user=user)
