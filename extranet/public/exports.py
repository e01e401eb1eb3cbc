"""Open-data exports: CSV and JSON with fixed column names, UTF-8, one row per item.

Decimal amounts are written as JSON numbers exactly as they read ("1234.10" gives 1234.10), never through a
float: the schemas (SCDL, DECP) want numbers, and a float would round large amounts.
"""

import csv
import json
import re
import secrets
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse

EXPORT_FORMATS = ("csv", "json")


class _EchoBuffer:
    def write(self, value):
        return value


def exact_json_dumps(data) -> str:
    """JSON text of `data` where every Decimal is a number with its exact digits (the standard library would
    only write it through a float). Each Decimal first becomes a string marked with a one-time token, which no
    exported text can forge, then the marked strings are unquoted."""
    token = secrets.token_hex(8)

    class Encoder(DjangoJSONEncoder):
        def default(self, value):
            if isinstance(value, Decimal) and value.is_finite():
                return f"{token}{value:f}"
            return super().default(value)

    text = json.dumps(data, cls=Encoder, ensure_ascii=False, indent=1)
    return re.sub(rf'"{token}(-?[0-9]+(?:\.[0-9]+)?)"', r"\1", text)


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
        content = exact_json_dumps(data)
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{export_format}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _with_header(header, lines):
    yield header
    yield from lines
