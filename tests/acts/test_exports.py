"""The open-data export of an organisation's acts follows the SCDL "Délibérations" schema."""

import csv
import io
import json
import re
from datetime import date

import pytest

from tests.acts.factories import act

pytestmark = pytest.mark.django_db

SCDL_HEADER = [
    "COLL_NOM",
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
    "BUDGET_ANNEE",
    "BUDGET_NOM",
    "PREF_ID",
    "PREF_DATE",
    "VOTE_EFFECTIF",
    "VOTE_REEL",
    "VOTE_POUR",
    "VOTE_CONTRE",
    "VOTE_ABSTENTION",
    "DELIB_URL",
]
ISO_DATE = r"\d{4}-\d{2}-\d{2}"


@pytest.fixture
def published_acts(section, other_section):
    """Two live acts of Jargeau, a draft of Jargeau, and a live act of Darvoy."""
    return [
        act(
            section,
            title="Subvention à l'association « Les Amis de Jargeau »",
            internal_id="2024-001",
            matter_code="7.5",
            budget_year="2024",
            budget_name="Budget principal",
            prefecture_id="045-214501736-20240314-2024-001-DE",
            prefecture_date=date(2024, 3, 16),
        ),
        act(
            section,
            title="Arrêté de circulation",
            kind="arrete",
            internal_id="AR-2024-002",
            matter_code="7.10",
            budget_year="2024/2025",
            adoption_date=date(2024, 4, 2),
            **dict.fromkeys(("votes_theoretical", "votes_actual", "votes_for", "votes_against", "votes_abstention")),
        ),
        act(section, title="Projet de délibération", internal_id="2024-003", publish=False),
        act(other_section, title="Délibération de Darvoy", internal_id="2024-001"),
    ]


def csv_rows(client, section):
    response = client.get(section.url + "export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8")
    reader = csv.reader(io.StringIO(text))
    return next(reader), list(reader)


def test_the_csv_has_exactly_the_scdl_columns_in_order(client, section, published_acts):
    """The header is the schema's 17 columns, in the schema's order."""
    header, _rows = csv_rows(client, section)

    assert header == SCDL_HEADER


def test_the_csv_has_one_row_per_live_act_of_the_organisation(client, section, published_acts):
    """Drafts and other organisations' acts are left out; each row is well formed."""
    _header, rows = csv_rows(client, section)
    records = [dict(zip(SCDL_HEADER, row, strict=True)) for row in rows]

    assert sorted(record["DELIB_ID"] for record in records) == ["2024-001", "AR-2024-002"]
    for record in records:
        assert record["COLL_NOM"] == "Jargeau"
        assert record["COLL_SIRET"] == "21450173600018"
        assert re.fullmatch(ISO_DATE, record["DELIB_DATE"])
        assert re.fullmatch(r"^\d\.\d{1,2}$", record["DELIB_MATIERE_CODE"])
        assert re.fullmatch(r"^[0-9]{4}(/[0-9]{4})?$", record["BUDGET_ANNEE"])
        assert record["PREF_DATE"] == "" or re.fullmatch(ISO_DATE, record["PREF_DATE"])
        assert re.fullmatch(r"http://testserver/actes/jargeau/[\w-]+/acte\.pdf", record["DELIB_URL"])


def test_the_csv_carries_the_act_s_values_in_utf8(client, section, published_acts):
    """Accents and quotes survive; the matter name comes from the nomenclature; missing values are empty."""
    _header, rows = csv_rows(client, section)
    records = {row[2]: dict(zip(SCDL_HEADER, row, strict=True)) for row in rows}

    subsidy = records["2024-001"]
    assert subsidy["DELIB_OBJET"] == "Subvention à l'association « Les Amis de Jargeau »"
    assert subsidy["DELIB_MATIERE_NOM"] == "finances locales/subventions"
    assert (subsidy["DELIB_DATE"], subsidy["PREF_DATE"]) == ("2024-03-14", "2024-03-16")
    assert [subsidy[name] for name in SCDL_HEADER[11:16]] == ["27", "24", "20", "3", "1"]
    order = records["AR-2024-002"]
    assert order["DELIB_MATIERE_NOM"] == "finances locales/divers"
    assert [order[name] for name in SCDL_HEADER[11:16]] == ["", "", "", "", ""]


def test_the_delib_url_serves_the_signed_pdf(client, section, published_acts):
    """DELIB_URL leads to the signed PDF itself."""
    _header, rows = csv_rows(client, section)

    response = client.get(rows[0][-1].removeprefix("http://testserver"))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_json_export_has_the_same_records(client, section, published_acts):
    """export.json is a UTF-8 array of objects with the same keys, in the same order, as the CSV columns."""
    response = client.get(section.url + "export.json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    records = json.loads(response.content.decode("utf-8"))
    assert [list(record) for record in records] == [SCDL_HEADER, SCDL_HEADER]
    assert {record["DELIB_ID"] for record in records} == {"2024-001", "AR-2024-002"}
    subsidy = next(record for record in records if record["DELIB_ID"] == "2024-001")
    assert subsidy["VOTE_POUR"] == 20
    assert "« Les Amis de Jargeau »" in response.content.decode("utf-8")


def test_the_export_is_offered_as_a_download(client, section, published_acts):
    """The file is named after the organisation."""
    response = client.get(section.url + "export.csv")

    assert response["Content-Disposition"] == 'attachment; filename="deliberations-jargeau.csv"'
