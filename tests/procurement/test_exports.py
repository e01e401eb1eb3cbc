"""The DECP export of awarded contracts: its fields, exact Decimal amounts, and a constant number of queries."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.procurement.factories import HOLDER_SIRET, contract, notice

pytestmark = pytest.mark.django_db

SECOND_SIRET = "44306184100013"


@pytest.fixture
def awarded(departement):
    return contract(
        notice(departement, title="Renforcement de la RD 2060", procedure="ouvert"),
        identifier="2026-017",
        amount=Decimal("1234.10"),
        offers_received=5,
        duration_months=6,
        holders=[("Travaux Publics du Loiret", HOLDER_SIRET), ("La Poste", SECOND_SIRET)],
    )


def test_the_json_export_follows_the_decp_fields(client, awarded):
    """JSON under "marches": buyer's SIRET, French labels, ISO dates, the amount exact, holders by SIRET."""
    response = client.get("/marches-publics/donnees-essentielles.json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert '"montant": 1234.10,' in response.content.decode(), "an exact JSON number, not a string nor a float"
    [record] = json.loads(response.content, parse_float=Decimal)["marches"]
    assert record == {
        "id": "2026-017",
        "acheteur": {"id": "22450001000018"},
        "nature": "Marché",
        "objet": "Renforcement de la RD 2060",
        "codeCPV": "45233140-2",
        "procedure": "Appel d'offres ouvert",
        "lieuExecution": {"code": "45173", "typeCode": "Code commune", "nom": "Jargeau"},
        "dureeMois": 6,
        "dateNotification": awarded.notification_date.isoformat(),
        "datePublicationDonnees": timezone.localdate().isoformat(),
        "montant": Decimal("1234.10"),
        "offresRecues": 5,
        "titulaires": [
            {"typeIdentifiant": "SIRET", "id": HOLDER_SIRET},
            {"typeIdentifiant": "SIRET", "id": SECOND_SIRET},
        ],
    }


def test_the_csv_export_flattens_the_holders(client, awarded):
    """CSV in UTF-8 with dotted columns; several holders in one cell separated by "|"; the amount exact."""
    response = client.get("/marches-publics/donnees-essentielles.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    [row] = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8")))
    assert row["acheteur.id"] == "22450001000018"
    assert row["montant"] == "1234.10"
    assert row["lieuExecution.typeCode"] == "Code commune"
    assert row["titulaires.id"] == f"{HOLDER_SIRET}|{SECOND_SIRET}"
    assert row["titulaires.typeIdentifiant"] == "SIRET|SIRET"
    assert row["procedure"] == "Appel d'offres ouvert"


def test_draft_contracts_are_not_exported(client, montargis):
    """A contract saved as a draft stays out of the open data."""
    contract(notice(montargis), publish=False)

    assert json.loads(client.get("/marches-publics/donnees-essentielles.json").content) == {"marches": []}


def queries(client, url):
    b"".join(client.get(url))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        b"".join(response.streaming_content if response.streaming else [response.content])
    return len(captured)


@pytest.mark.parametrize("export_format", ["json", "csv"])
def test_exports_run_a_constant_number_of_queries(client, departement, montargis, export_format):
    """Going from 1 to 6 contracts adds no query."""
    url = f"/marches-publics/donnees-essentielles.{export_format}"
    contract(notice(departement))
    few = queries(client, url)

    for organisation in [departement, montargis] * 2 + [montargis]:
        contract(notice(organisation), holders=[("A", HOLDER_SIRET), ("B", SECOND_SIRET)])

    assert queries(client, url) == few
