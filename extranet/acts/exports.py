"""Open-data export of an organisation's acts in the SCDL "Délibérations" schema (2.1.5): CSV or JSON, UTF-8."""

from extranet.public.exports import export_response

SCDL_COLUMNS = [
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
# Rows are read from the database in chunks of this size: a few queries for the whole export.
EXPORT_CHUNK_SIZE = 500


def act_scdl_row(act, *, request) -> dict:
    """One act as a row of the schema; dates in ISO 8601, DELIB_URL the absolute address of the signed PDF."""
    return {
        "COLL_NOM": act.organisation.name,
        "COLL_SIRET": act.organisation.siret,
        "DELIB_ID": act.internal_id,
        "DELIB_DATE": act.adoption_date.isoformat(),
        "DELIB_MATIERE_CODE": act.matter_code,
        "DELIB_MATIERE_NOM": act.matter_name,
        "DELIB_OBJET": act.title,
        "BUDGET_ANNEE": act.budget_year,
        "BUDGET_NOM": act.budget_name,
        "PREF_ID": act.prefecture_id,
        "PREF_DATE": act.prefecture_date.isoformat() if act.prefecture_date else "",
        "VOTE_EFFECTIF": act.votes_theoretical,
        "VOTE_REEL": act.votes_actual,
        "VOTE_POUR": act.votes_for,
        "VOTE_CONTRE": act.votes_against,
        "VOTE_ABSTENTION": act.votes_abstention,
        "DELIB_URL": request.build_absolute_uri(act.signed_pdf_url(request)),
    }


def act_export_response(*, section, acts, request, export_format: str):
    """Stream the section's acts (`acts`, with their organisation selected) as SCDL rows."""
    rows = (act_scdl_row(act, request=request) for act in acts.iterator(chunk_size=EXPORT_CHUNK_SIZE))
    filename = f"deliberations-{section.organisation.slug}"
    return export_response(rows=rows, columns=SCDL_COLUMNS, filename=filename, export_format=export_format)
