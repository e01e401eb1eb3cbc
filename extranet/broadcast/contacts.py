"""The CSV import of external contacts: name, e-mail, phone; every bad line reported in French, nothing kept."""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from extranet.core.text_files import text_decode

from .phones import french_mobile_normalise

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 20_000
HEADERS = {
    "name": ("name", "nom", "nom complet"),
    "email": ("email", "e-mail", "courriel", "mail"),
    "phone": ("phone", "mobile", "téléphone", "telephone", "portable"),
}


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    phone: str


def _columns(header: list[str]) -> dict[str, int]:
    names = [cell.strip().lower() for cell in header]
    columns = {}
    for field, aliases in HEADERS.items():
        for index, name in enumerate(names):
            if name in aliases:
                columns[field] = index
                break
    if "email" not in columns and "phone" not in columns:
        raise ValidationError(
            _("The first line must name the columns: nom, email, telephone (at least an e-mail or a phone column)."),
            code="bad_header",
        )
    return columns


def contacts_parse(data: bytes) -> list[Contact]:
    """Read the contacts of a CSV file (comma or semicolon); a ValidationError lists every bad line."""
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The file is too large (2 MB at most)."), code="too_large")
    text = text_decode(data)
    if text is None:
        raise ValidationError(_("This file is not a CSV text file. Export it from your spreadsheet as CSV."))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error:
        raise ValidationError(_("The file could not be read as CSV."), code="not_csv") from None
    if not rows:
        raise ValidationError(_("The file is empty."), code="empty")
    if len(rows) > MAX_ROWS + 1:
        raise ValidationError(_("The file has too many lines (%(max)d at most).") % {"max": MAX_ROWS}, code="too_many")
    columns = _columns(rows[0])
    contacts, errors = [], []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cell = {field: (row[index].strip() if index < len(row) else "") for field, index in columns.items()}
        contact, error = _contact(cell)
        if error:
            errors.append(_("Line %(line)d: %(error)s") % {"line": number, "error": error})
        else:
            contacts.append(contact)
    if errors:
        raise ValidationError(errors)
    return contacts


def _contact(cell: dict) -> tuple[Contact | None, str]:
    email, phone = cell.get("email", "").lower(), cell.get("phone", "")
    if not email and not phone:
        return None, _("neither an e-mail address nor a mobile number.")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            return None, _("“%(email)s” is not a valid e-mail address.") % {"email": email}
    if phone:
        try:
            phone = french_mobile_normalise(phone)
        except ValidationError as error:
            return None, error.messages[0]
    return Contact(name=cell.get("name", "")[:150], email=email, phone=phone), ""
