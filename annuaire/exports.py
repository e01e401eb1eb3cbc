"""CSV export of directory cards, from the fields the viewer may read."""

import csv

from django.utils.translation import gettext as _

from extranet.core.spreadsheets import spreadsheet_safe

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


def people_csv_write(stream, *, entries) -> None:
    writer = csv.writer(stream, delimiter=";")
    writer.writerow(column_headers())
    for entry in entries:
        user, fields = entry["card"].user, entry["fields"]
        row = {"last_name": user.last_name, "first_name": user.first_name, **fields}
        row["organisation"] = fields["organisation"].name
        writer.writerow([spreadsheet_safe(row.get(column, "")) for column in COLUMNS])
