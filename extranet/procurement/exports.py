"""The open-data export of awarded contracts in the DECP format (données essentielles de la commande publique).

JSON follows the format's nesting ({"marches": [...]}, "acheteur": {"id"}, "lieuExecution": {...},
"titulaires": [...]); CSV flattens it with dotted column names, several holders separated by "|".
Amounts are Decimal, written as exact JSON numbers (1234.10) and CSV text, never through a float; dates are
ISO 8601.
"""

from django.utils import timezone

from extranet.public.exports import export_response

from .choices import DECP_NATURES, DECP_PLACE_CODE_TYPES, DECP_PROCEDURES

JSON_COLUMNS = [
    "id",
    "acheteur",
    "nature",
    "objet",
    "codeCPV",
    "procedure",
    "lieuExecution",
    "dureeMois",
    "dateNotification",
    "datePublicationDonnees",
    "montant",
    "offresRecues",
    "titulaires",
]
CSV_COLUMNS = [
    "id",
    "acheteur.id",
    "nature",
    "objet",
    "codeCPV",
    "procedure",
    "lieuExecution.code",
    "lieuExecution.typeCode",
    "lieuExecution.nom",
    "dureeMois",
    "dateNotification",
    "datePublicationDonnees",
    "montant",
    "offresRecues",
    "titulaires.typeIdentifiant",
    "titulaires.id",
]
HOLDER_ID_TYPE = "SIRET"
LIST_SEPARATOR = "|"


def decp_record(contract) -> dict:
    """One contract as a DECP record (the JSON shape); its notice and organisation are already loaded."""
    notice = contract.notice
    return {
        "id": contract.identifier,
        "acheteur": {"id": contract.organisation.siret},
        "nature": DECP_NATURES[contract.contract_form],
        "objet": notice.title,
        "codeCPV": notice.cpv_code,
        "procedure": DECP_PROCEDURES[notice.procedure],
        "lieuExecution": {
            "code": notice.execution_place_code,
            "typeCode": DECP_PLACE_CODE_TYPES[notice.execution_place_code_type],
            "nom": notice.execution_place,
        },
        "dureeMois": contract.duration_months,
        "dateNotification": contract.notification_date.isoformat(),
        "datePublicationDonnees": timezone.localdate(contract.first_published_at).isoformat(),
        "montant": contract.amount,
        "offresRecues": contract.offers_received,
        "titulaires": [{"typeIdentifiant": HOLDER_ID_TYPE, "id": holder.siret} for holder in contract.holders.all()],
    }


def _csv_row(record: dict) -> dict:
    flat = {key: value for key, value in record.items() if key not in {"acheteur", "lieuExecution", "titulaires"}}
    flat["acheteur.id"] = record["acheteur"]["id"]
    for key, value in record["lieuExecution"].items():
        flat[f"lieuExecution.{key}"] = value
    holders = record["titulaires"]
    flat["titulaires.typeIdentifiant"] = LIST_SEPARATOR.join(holder["typeIdentifiant"] for holder in holders)
    flat["titulaires.id"] = LIST_SEPARATOR.join(holder["id"] for holder in holders)
    return flat


def decp_export_response(*, contracts, export_format: str):
    """The contracts (from `awarded_contract_list_public`) as a DECP JSON or CSV file."""
    records = (decp_record(contract) for contract in contracts)
    if export_format == "csv":
        return export_response(
            rows=(_csv_row(record) for record in records),
            columns=CSV_COLUMNS,
            filename="donnees-essentielles",
            export_format="csv",
        )
    return export_response(
        rows=records, columns=JSON_COLUMNS, filename="donnees-essentielles", export_format="json", json_root="marches"
    )
