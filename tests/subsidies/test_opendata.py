"""Granted subsidies in the SCDL "Subventions" format, CSV and JSON, and the provider's public page."""

import csv
import io
import json
from decimal import Decimal

from django.urls import reverse

from extranet.subsidies import services
from extranet.subsidies.exports import SCDL_COLUMNS, truncate_object
from tests.subsidies.factories import DECIDED_ON, PAID_ON, granted, submitted

EXPECTED_COLUMNS = [
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "referenceDecision",
    "nomBeneficiaire",
    "idBeneficiaire",
    "rnaBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "idRAE",
    "notificationUE",
    "pourcentageSubvention",
    "dispositifAide",
]


def _granted_and_paid(commune_aid, commune, editor, departement_editor):
    commune.siret = "21450173000011"
    commune.save(update_fields=["siret"])
    application = granted(commune_aid, commune, editor, departement_editor, amount=Decimal("12345.67"))
    services.payment_record(application=application, actor=departement_editor, date=PAID_ON, amount=Decimal("12345.67"))
    return application


def test_scdl_csv_has_the_schema_columns_and_values(client, commune_aid, commune, editor, departement_editor):
    _granted_and_paid(commune_aid, commune, editor, departement_editor)
    submitted(commune_aid, commune, editor, title="Demande non attribuée")
    response = client.get(reverse("subsidies:provider_granted_export", args=["loiret", "csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content).decode("utf-8")
    reader = csv.DictReader(io.StringIO(content))
    assert reader.fieldnames == EXPECTED_COLUMNS == SCDL_COLUMNS
    [row] = list(reader)
    assert row == {
        "nomAttribuant": "Département du Loiret",
        "idAttribuant": "22450001700013",
        "dateConvention": DECIDED_ON.isoformat(),
        "referenceDecision": "CP-2027-04-12",
        "nomBeneficiaire": "Jargeau",
        "idBeneficiaire": "21450173000011",
        "rnaBeneficiaire": "",
        "objet": "Rénovation de la toiture de l'école",
        "montant": "12345.67",
        "nature": "aide en numéraire",
        "conditionsVersement": "unique",
        "datesPeriodeVersement": PAID_ON.isoformat(),
        "idRAE": "",
        "notificationUE": "non",
        "pourcentageSubvention": "1",
        "dispositifAide": "Aide à l'investissement des communes rurales",
    }


def test_scdl_json_keeps_the_order_and_exact_amounts(client, commune_aid, commune, editor, departement_editor):
    _granted_and_paid(commune_aid, commune, editor, departement_editor)
    response = client.get(reverse("subsidies:granted_export", args=["json"]))
    text = response.content.decode("utf-8")
    [item] = json.loads(text, parse_float=Decimal)
    assert list(item) == EXPECTED_COLUMNS
    assert item["montant"] == Decimal("12345.67") and '"montant": 12345.67,' in text
    assert item["dateConvention"] == DECIDED_ON.isoformat() and item["pourcentageSubvention"] == 1


def test_objet_is_cut_cleanly_at_256_characters():
    long_title = "Réhabilitation " + "du bâtiment communal " * 20
    cut = truncate_object(long_title)
    assert len(cut) <= 256 and cut.endswith("…")
    # Cut between two words, never inside one.
    assert long_title.startswith(cut[:-1]) and long_title[len(cut) - 1] == " "
    assert truncate_object("Aire de jeux") == "Aire de jeux"


def test_the_public_page_lists_what_the_provider_granted(client, commune_aid, commune, editor, departement_editor):
    _granted_and_paid(commune_aid, commune, editor, departement_editor)
    page = client.get(reverse("subsidies:provider_granted", args=["loiret"])).content.decode()
    assert "Jargeau" in page and "CP-2027-04-12" in page
    assert reverse("subsidies:provider_granted_export", args=["loiret", "json"]) in page
    index = client.get(reverse("subsidies:granted_index")).content.decode()
    assert reverse("subsidies:provider_granted", args=["loiret"]) in index
