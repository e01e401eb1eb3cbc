"""The text of the files people export from their office tools (CSV, iCalendar)."""

import codecs


def text_decode(data: bytes) -> str | None:
    """The file's text: UTF-16 with its byte order mark (Excel's "Unicode text"), UTF-8 with or without BOM, else
    Windows-1252 (older Windows and Mac tools) or Latin-1; None for binary content."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:4096]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
