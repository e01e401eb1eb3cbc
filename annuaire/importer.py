"""Reading a CSV of people for import: encoding, separator, French or English headers, line-by-line checks.

Nothing here writes: `people_import_parse` returns a report the admin reads before confirming, and
`services.people_import_apply` writes the clean rows afterwards.
"""

import csv
import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from extranet.core.text_files import text_decode

from .validators import validate_phone

# Lines checked between two progress reports.
PROGRESS_EVERY = 500
REQUIRED = ("email", "last_name", "first_name")
OPTIONAL = ("function", "service", "phone", "mobile")
# Accepted headers, compared without case, accents, spaces or dashes.
HEADERS = {
    "email": {"email", "courriel", "adresseemail", "mail", "emailaddress"},
    "last_name": {"nom", "nomdefamille", "lastname", "surname"},
    "first_name": {"prenom", "firstname"},
    "function": {"fonction", "poste", "function", "jobtitle"},
    "service": {"service", "direction"},
    "phone": {"telephone", "tel", "telephonefixe", "phone", "officephone"},
    "mobile": {"portable", "mobile", "telephoneportable", "cellulaire"},
}
# The longest value each column's field stores (the account's and the card's): a longer one is reported here,
# not discovered by the write once confirmed.
MAX_LENGTHS = {"email": 254, "last_name": 150, "first_name": 150, "function": 150, "phone": 30, "mobile": 30}
COLUMN_NAMES = {
    "email": "e-mail",
    "last_name": "nom",
    "first_name": "prénom",
    "function": "fonction",
    "service": "service",
    "phone": "téléphone",
    "mobile": "portable",
}


@dataclass
class ImportRow:
    line: int
    values: dict
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    file_errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rows: list[ImportRow] = field(default_factory=list)

    @property
    def is_clean(self) -> bool:
        return not self.file_errors and bool(self.rows) and not any(row.errors for row in self.rows)

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)


def _normalise(header: str) -> str:
    text = unicodedata.normalize("NFKD", header.strip().lower())
    return "".join(character for character in text if character.isalnum())


def _column_map(headers: list[str], report: ImportReport) -> dict[str, int]:
    columns = {}
    for index, header in enumerate(headers):
        key = next((name for name, accepted in HEADERS.items() if _normalise(header) in accepted), None)
        if key and key not in columns:
            columns[key] = index
        elif header.strip():
            report.warnings.append(_("The column “%(header)s” is not known and will be ignored.") % {"header": header})
    missing = [COLUMN_NAMES[name] for name in REQUIRED if name not in columns]
    if missing:
        report.file_errors.append(_("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)})
    return columns


def _check_row(row: ImportRow, *, seen: dict[str, int], service_names: set[str], outside_emails: set[str]) -> None:
    values = row.values
    for name in REQUIRED:
        if not values[name]:
            row.errors.append(_("The %(column)s is missing.") % {"column": COLUMN_NAMES[name]})
    for name, limit in MAX_LENGTHS.items():
        if len(values[name]) > limit:
            row.errors.append(
                _("The %(column)s is too long (%(length)s characters; at most %(max)s).")
                % {"column": COLUMN_NAMES[name], "length": len(values[name]), "max": limit}
            )
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            row.errors.append(_("“%(value)s” is not a valid e-mail address.") % {"value": values["email"]})
        key = values["email"].lower()
        if key in outside_emails:
            row.errors.append(
                _("This address belongs to an existing account outside the organisation: invite the person instead.")
            )
        if key in seen:
            row.errors.append(_("This e-mail address is already on line %(line)s.") % {"line": seen[key]})
        else:
            seen[key] = row.line
    for name in ("phone", "mobile"):
        if values[name]:
            try:
                validate_phone(values[name])
            except ValidationError:
                row.errors.append(
                    _("The %(column)s “%(value)s” is not a valid French or international number.")
                    % {"column": COLUMN_NAMES[name], "value": values[name]}
                )
    if values["service"] and values["service"].lower() not in service_names:
        row.errors.append(
            _("The service “%(value)s” does not exist in the org chart: add it first.") % {"value": values["service"]}
        )


def import_max_bytes() -> int:
    return settings.ANNUAIRE_IMPORT_MAX_BYTES


def import_max_rows() -> int:
    return settings.ANNUAIRE_IMPORT_MAX_ROWS


def too_large_message(size: int) -> str:
    return _("The file weighs %(size)s; an import may weigh up to %(limit)s: split it into several files.") % {
        "size": filesizeformat(size),
        "limit": filesizeformat(import_max_bytes()),
    }


def people_import_parse(
    *,
    data: bytes,
    service_names: set[str],
    accounts_outside: Callable[[list[str]], set[str]] = lambda emails: set(),
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> ImportReport:
    """Read the file and check every line; the report says what would be imported and what is wrong.

    `accounts_outside(emails)` returns which of the file's (lower-cased) addresses belong to existing accounts
    that are not members: nobody joins an organisation without accepting an invitation, so those lines are refused.
    `progress(done, total)` is told how many lines are checked, every PROGRESS_EVERY lines and at the end.
    """
    report = ImportReport()
    if len(data) > import_max_bytes():
        report.file_errors.append(too_large_message(len(data)))
        return report
    text = text_decode(data)
    if text is None:
        report.file_errors.append(_("This file is not a CSV text file. Export it from your spreadsheet as CSV."))
        return report
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        report.file_errors.append(_("The file is empty."))
        return report
    # French spreadsheets separate with ";", English ones with ",", Excel's "Unicode text" with tabs.
    delimiter = max(";,\t", key=lines[0].count)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        report.file_errors.append(_("The file could not be read as CSV."))
        return report
    if len(records) - 1 > import_max_rows():
        report.file_errors.append(
            _("The file has more than %(max)s lines: split it into several files.") % {"max": import_max_rows()}
        )
        return report
    columns = _column_map(records[0], report)
    if report.file_errors:
        return report
    rows = []
    for line, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        values = {
            name: (record[columns[name]].strip() if name in columns and columns[name] < len(record) else "")
            for name in (*REQUIRED, *OPTIONAL)
        }
        rows.append(ImportRow(line=line, values=values))
    outside_emails = accounts_outside([row.values["email"].lower() for row in rows if row.values["email"]])
    seen: dict[str, int] = {}
    progress(0, len(rows))
    for index, row in enumerate(rows, start=1):
        _check_row(row, seen=seen, service_names=service_names, outside_emails=outside_emails)
        report.rows.append(row)
        if index % PROGRESS_EVERY == 0:
            progress(index, len(rows))
    progress(len(rows), len(rows))
    if not report.rows:
        report.file_errors.append(_("The file has no line of people under its headers."))
    return report
