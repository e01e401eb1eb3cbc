"""CSV export of directory cards, from the fields the viewer may read."""

import csv

from django.utils.translation import gettext as _

COLUMNS = ("last_name", "first_name", "email", "function", "service", "phone", "mobile", "organisation")


def column_headers() -> list[str]:
    return [
        _("Last name"),
        _("First name"),
        _("E-mail"),
        _("Function"),
        _("Service"),
        _("Phone"),
        _("Mobile"),
        _("Organisation"),
    ]


def _cell(value) -> str:
    """Neutralise spreadsheet formulas (CSV injection): a leading =, +, - or @ is prefixed with a quote."""
    text = str(value or "")
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") and not text[1:2].isdigit() else text


def people_csv_write(stream, *, entries) -> None:
    writer = csv.writer(stream, delimiter=";")
    writer.writerow(column_headers())
    for entry in entries:
        user, fields = entry["card"].user, entry["fields"]
        row = {"last_name": user.last_name, "first_name": user.first_name, **fields}
        row["organisation"] = fields["organisation"].name
        writer.writerow([_cell(row.get(column, "")) for column in COLUMNS])
