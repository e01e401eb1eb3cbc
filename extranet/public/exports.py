"""Open-data exports: CSV and JSON with fixed column names, UTF-8, one row per item."""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse

EXPORT_FORMATS = ("csv", "json")


class _EchoBuffer:
    def write(self, value):
        return value


def export_response(*, rows, columns: list[str], filename: str, export_format: str, json_root: str | None = None):
    """Stream `rows` (dicts keyed by `columns`) as CSV, or return them as a JSON array of objects.

    `json_root` wraps the JSON array in an object under that key, as some schemas require (DECP: "marches").
    """
    if export_format == "csv":
        writer = csv.DictWriter(_EchoBuffer(), fieldnames=columns, extrasaction="raise", lineterminator="\r\n")
        lines = (writer.writerow(row) for row in rows)
        response = StreamingHttpResponse(
            _with_header(writer.writeheader(), lines), content_type="text/csv; charset=utf-8"
        )
    else:
        data = [{column: row[column] for column in columns} for row in rows]
        if json_root:
            data = {json_root: data}
        content = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{export_format}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _with_header(header, lines):
    yield header
    yield from lines
