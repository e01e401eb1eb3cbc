"""Exports: granted subsidies as open data (SCDL "Subventions" 2.1), and a provider's applications for itself.

SCDL columns, in the schema's order; UTF-8, dates ISO 8601 (AAAA-MM-JJ):

    nomAttribuant          the aid's provider organisation
    idAttribuant           its SIRET (a grant needs one recorded; empty only if it was removed since)
    dateConvention         the decision date
    referenceDecision      the decision reference
    nomBeneficiaire        the applicant organisation
    idBeneficiaire         its SIRET (empty when none recorded)
    rnaBeneficiaire        always empty: beneficiaries are public bodies, without RNA number
    objet                  the project title, cut at 256 characters on a word boundary with "…"
    montant                the amount granted, two decimals ("12500.00"; a JSON number, written without float)
    nature                 "aide en numéraire" or "aide en nature"
    conditionsVersement    "unique" or "échelonné"
    datesPeriodeVersement  a single payment: its date once paid, the planned one before;
                           in instalments: the period "AAAA-MM-JJ/AAAA-MM-JJ" from the first to the last date,
                           planned or paid; empty only for a grant decided before dates were planned
    idRAE                  always empty (not recorded)
    notificationUE         "oui" or "non"
    pourcentageSubvention  1: each subsidy has one beneficiary
    dispositifAide         the aid's name
"""

from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from extranet.core.spreadsheets import spreadsheet_safe
from extranet.public.exports import export_response

from .models import PaymentConditions

CENTS = Decimal("0.01")

SCDL_COLUMNS = [
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
OBJECT_MAX_LENGTH = 256
ELLIPSIS = "…"


def truncate_object(text: str, limit: int = OBJECT_MAX_LENGTH) -> str:
    """The text whole if it fits, else cut on the last space before the limit, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + ELLIPSIS


def _payment_period(application) -> str:
    """A single payment's date once paid; otherwise the planned dates, widened by the instalments already paid."""
    dates = sorted(payment.date for payment in application.payments.all())
    planned = [application.planned_payment_date, application.planned_last_payment_date]
    if application.payment_conditions == PaymentConditions.STAGGERED or not dates:
        dates = sorted([*dates, *(day for day in planned if day is not None)])
    if not dates:
        return ""
    if dates[0] == dates[-1]:
        return dates[0].isoformat()
    return f"{dates[0].isoformat()}/{dates[-1].isoformat()}"


def scdl_row(application) -> dict:
    """One granted subsidy as a row of the SCDL schema (prefetch `payments`)."""
    provider = application.aid.organisation
    return {
        "nomAttribuant": provider.name,
        "idAttribuant": provider.siret,
        "dateConvention": application.decision_date.isoformat() if application.decision_date else "",
        "referenceDecision": application.decision_reference,
        "nomBeneficiaire": application.organisation.name,
        "idBeneficiaire": application.organisation.siret,
        "rnaBeneficiaire": "",
        "objet": truncate_object(application.title),
        "montant": application.amount_granted.quantize(Decimal("0.01")),
        "nature": application.nature,
        "conditionsVersement": application.payment_conditions,
        "datesPeriodeVersement": _payment_period(application),
        "idRAE": "",
        "notificationUE": "oui" if application.notified_to_eu else "non",
        "pourcentageSubvention": Decimal("1"),
        "dispositifAide": application.aid.title,
    }


def scdl_export_response(*, applications, filename: str, export_format: str):
    """Granted subsidies as an SCDL CSV, or a JSON array whose amounts are exact numbers."""
    rows = (scdl_row(application) for application in applications)
    return export_response(rows=rows, columns=SCDL_COLUMNS, filename=filename, export_format=export_format)


# The provider's own spreadsheet, headed in the reader's language (the open-data exports keep the schema's names).
DASHBOARD_COLUMNS = {
    "receipt_number": _("Receipt number"),
    "submitted_at": _("Submitted on"),
    "applicant": _("Applicant"),
    "title": _("Project"),
    "status": _("Status"),
    "total_cost": _("Total cost"),
    "amount_requested": _("Amount requested"),
    "amount_granted": _("Amount granted"),
    "amount_paid": _("Amount paid"),
    "decision_reference": _("Decision reference"),
    "decision_date": _("Decision date"),
}


def dashboard_csv_response(*, applications, filename: str):
    """The provider's own export of an aid's applications (not open data: every status but drafts)."""
    headers = {key: str(label) for key, label in DASHBOARD_COLUMNS.items()}
    rows = _dashboard_rows(applications=applications, headers=headers, language=translation.get_language())
    response = export_response(rows=rows, columns=list(headers.values()), filename=filename, export_format="csv")
    del response["Access-Control-Allow-Origin"]
    response["Cache-Control"] = "private, no-cache"
    return response


def _dashboard_rows(*, applications, headers: dict, language: str):
    # The rows are written as the response streams, after the view has returned: in the request's language still.
    with translation.override(language):
        for application in applications:
            row = {
                "receipt_number": application.receipt_number or "",
                "submitted_at": application.submitted_at.isoformat() if application.submitted_at else "",
                "applicant": spreadsheet_safe(application.organisation.name),
                "title": spreadsheet_safe(application.title),
                "status": application.get_status_display(),
                "total_cost": application.total_cost,
                "amount_requested": application.amount_requested,
                "amount_granted": application.amount_granted if application.amount_granted is not None else "",
                "amount_paid": application.amount_paid.quantize(CENTS),
                "decision_reference": spreadsheet_safe(application.decision_reference),
                "decision_date": application.decision_date.isoformat() if application.decision_date else "",
            }
            yield {headers[key]: value for key, value in row.items()}
