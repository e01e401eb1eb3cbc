"""The open-data exports of the directory: Aides-territoires column names, one row per listed aid."""

import csv
import io
import json

import pytest

from extranet.aids.exports import COLUMNS
from tests.aids.factories import aid, days, provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def aids(departement, syndicat):
    cofinancer = provider(kind="epci", name="Orléans Métropole", slug="orleans-metropole")
    school = aid(
        syndicat,
        title="Fonds de soutien à la numérisation des écoles",
        slug="numerisation-des-ecoles",
        targeted_audiences=["commune", "epci"],
        aid_types=["grant"],
        themes=["numerique", "education"],
        subvention_rate_lower_bound=50,
        subvention_rate_upper_bound=80,
        co_financers=[departement, cofinancer],
        start_date=days(-30),
        submission_deadline=days(90),
        perimeter="Communes adhérentes",
        application_url="https://loiret-numerique.test/ecoles",
    )
    closed = aid(departement, title="Fonds pour le patrimoine rural", submission_deadline=days(-2))
    return school, closed


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))


def test_csv_header_uses_the_documented_columns(client, aids):
    """The CSV starts with the documented header, Aides-territoires names first."""
    response = client.get("/aides/export.csv")

    header = b"".join(response.streaming_content).decode("utf-8").splitlines()[0]
    assert header.split(",") == COLUMNS
    assert {"name", "financers", "targeted_audiences", "aid_types", "categories", "submission_deadline"} <= set(COLUMNS)
    assert response["Content-Disposition"] == 'attachment; filename="aides.csv"'


def test_csv_rows_describe_the_listed_aids(client, aids):
    """Each open aid is one row; lists are separated by "|", dates are ISO, the closed aid is left out."""
    school, _closed = aids

    rows = read_csv(client.get("/aides/export.csv"))

    assert len(rows) == 1
    row = rows[0]
    assert row["id"] == str(school.pk)
    assert row["name"] == "Fonds de soutien à la numérisation des écoles"
    assert row["url"].startswith("http")
    assert row["url"].endswith("/aides/loiret-numerique/numerisation-des-ecoles/")
    assert row["financers"] == "Loiret Numérique|Département du Loiret|Orléans Métropole"
    assert row["targeted_audiences"] == "commune|epci"
    assert set(row["categories"].split("|")) == {"numerique", "education"}
    assert (row["subvention_rate_lower_bound"], row["subvention_rate_upper_bound"]) == ("50", "80")
    assert row["recurrence"] == "oneoff"
    assert row["submission_deadline"] == days(90).isoformat()
    assert row["perimeter"] == "Communes adhérentes"
    assert row["application_url"] == "https://loiret-numerique.test/ecoles"


def test_export_follows_the_listing_filters(client, aids):
    """The export takes the listing's query string: closed aids on request, one provider..."""
    with_closed = read_csv(client.get("/aides/export.csv", {"cloturees": "1"}))
    departement_only = read_csv(client.get("/aides/export.csv", {"cloturees": "1", "porteur": "loiret"}))

    assert {row["name"] for row in with_closed} == {
        "Fonds de soutien à la numérisation des écoles",
        "Fonds pour le patrimoine rural",
    }
    assert [row["name"] for row in departement_only] == ["Fonds pour le patrimoine rural"]


def test_json_export_has_arrays_and_the_same_columns(client, aids):
    """The JSON export is an array of objects with the same keys, lists as arrays and empty values as null."""
    response = client.get("/aides/export.json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert len(data) == 1
    assert list(data[0]) == COLUMNS
    assert data[0]["targeted_audiences"] == ["commune", "epci"]
    assert data[0]["financers"] == ["Loiret Numérique", "Département du Loiret", "Orléans Métropole"]
    assert data[0]["subvention_rate_upper_bound"] == 80


def test_other_formats_are_not_found(client, aids):
    """Only CSV and JSON exist."""
    assert client.get("/aides/export.xml").status_code == 404
