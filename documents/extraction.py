"""Text extraction from stored files with maintained libraries: pypdf, odfpy, python-docx, openpyxl.

Run in the task worker only (`documents.tasks`): a large file may take a while. Text is capped so that one
file cannot fill the search index.
"""

import io

from extranet.core.text_files import text_decode

MAX_TEXT_CHARS = 500_000
MAX_PDF_PAGES = 300
MAX_SHEET_CELLS = 100_000
TEXT_FORMATS = {"pdf", "odt", "ods", "odp", "docx", "xlsx", "txt", "csv"}


def extract_text(content: bytes, file_format: str) -> str:
    """The text of a file of this format, or "" for formats without text (images, archives)."""
    extractor = {
        "pdf": _pdf,
        "odt": _odf,
        "ods": _odf,
        "odp": _odf,
        "docx": _docx,
        "xlsx": _xlsx,
        "txt": _plain,
        "csv": _plain,
    }.get(file_format)
    if extractor is None:
        return ""
    return extractor(content)[:MAX_TEXT_CHARS].strip()


def _pdf(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return "\n".join((page.extract_text() or "") for page in reader.pages[:MAX_PDF_PAGES])


def _odf(content: bytes) -> str:
    from odf import teletype
    from odf import text as odf_text
    from odf.opendocument import load

    document = load(io.BytesIO(content))
    elements = document.getElementsByType(odf_text.H) + document.getElementsByType(odf_text.P)
    return "\n".join(teletype.extractText(element) for element in elements)


def _docx(content: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def _xlsx(content: bytes) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    parts, cells = [], 0
    try:
        for sheet in workbook.worksheets:
            parts.append(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                parts += [str(value) for value in row if value is not None]
                cells += len(row)
                if cells > MAX_SHEET_CELLS:
                    return "\n".join(parts)
    finally:
        workbook.close()
    return "\n".join(parts)


def _plain(content: bytes) -> str:
    return text_decode(content) or ""
