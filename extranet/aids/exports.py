"""The open-data export of the aid directory; the columns are documented in the package's docstring."""

from wagtail.rich_text import expand_db_html

from extranet.public.exports import export_response

COLUMNS = [
    "id",
    "name",
    "url",
    "description",
    "financers",
    "targeted_audiences",
    "aid_types",
    "categories",
    "subvention_rate_lower_bound",
    "subvention_rate_upper_bound",
    "recurrence",
    "start_date",
    "submission_deadline",
    "eligibility",
    "perimeter",
    "perimeter_organisations",
    "application_url",
    "application_instructions",
    "contact",
    "date_published",
    "date_updated",
]
# In CSV, a cell holding several values separates them with this character (JSON has arrays).
LIST_SEPARATOR = "|"


def aid_export_response(*, aids, request, export_format: str):
    rows = (_row(aid, request, export_format) for aid in aids.prefetch_related("perimeter_organisations__organisation"))
    return export_response(rows=rows, columns=COLUMNS, filename="aides", export_format=export_format)


def _row(aid, request, export_format: str) -> dict:
    def many(values):
        values = [str(value) for value in values]
        return values if export_format == "json" else LIST_SEPARATOR.join(values)

    return {
        "id": aid.pk,
        "name": aid.title,
        "url": aid.get_full_url(request=request),
        "description": expand_db_html(aid.description),
        "financers": many(organisation.name for organisation in aid.financers),
        "targeted_audiences": many(audience.code for audience in aid.targeted_audiences.all()),
        "aid_types": many(aid_type.code for aid_type in aid.aid_types.all()),
        "categories": many(theme.code for theme in aid.themes.all()),
        "subvention_rate_lower_bound": aid.subvention_rate_lower_bound,
        "subvention_rate_upper_bound": aid.subvention_rate_upper_bound,
        "recurrence": aid.recurrence,
        "start_date": _iso(aid.start_date),
        "submission_deadline": _iso(aid.submission_deadline),
        "eligibility": expand_db_html(aid.eligibility),
        "perimeter": aid.perimeter,
        "perimeter_organisations": many(link.organisation.name for link in aid.perimeter_organisations.all()),
        "application_url": aid.application_url,
        "application_instructions": expand_db_html(aid.application_instructions),
        "contact": expand_db_html(aid.contact),
        "date_published": _iso(aid.first_published_at),
        "date_updated": _iso(aid.last_published_at),
    }


def _iso(value):
    return value.isoformat() if value is not None else None
