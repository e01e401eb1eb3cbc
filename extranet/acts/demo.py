"""Demonstration acts of the Loiret, Orléans Métropole and Jargeau, created by `manage.py seed_demo`."""

import textwrap
from collections import Counter
from datetime import date, timedelta

from django.utils import formats

from extranet.core.demo_files import minimal_pdf
from extranet.organisations.demo import organisation_rows
from extranet.organisations.models import Organisation

from .models import ActKind, ActPage, ActSectionPage, SessionPage
from .services import act_create, act_section_provision, session_create

DELIBERATION, ORDER, DECISION = ActKind.DELIBERATION, ActKind.ORDER, ActKind.DECISION
# Nature of the act in the préfecture's ACTES identifier.
ACTES_NATURE = {DELIBERATION: "DE", ORDER: "AR", DECISION: "AU"}

# slug: (signatory's name, signatory's title, members in office); the signatories are fictional.
AUTHORITIES = {
    "loiret": ("Hélène Carré", "présidente du Conseil départemental", 42),
    "orleans-metropole": ("Alain Marchand", "président d'Orléans Métropole", 89),
    "jargeau": ("Bernard Lemoine", "maire", 27),
}

# key: (organisation slug, title, date, body)
SESSIONS = {
    "jargeau-mars": ("jargeau", "Conseil municipal du 14 mars 2024", date(2024, 3, 14), "Conseil municipal"),
    "jargeau-juin": ("jargeau", "Conseil municipal du 26 juin 2024", date(2024, 6, 26), "Conseil municipal"),
    "metropole-mai": (
        "orleans-metropole",
        "Conseil métropolitain du 30 mai 2024",
        date(2024, 5, 30),
        "Conseil métropolitain",
    ),
    "loiret-avril": ("loiret", "Commission permanente du 19 avril 2024", date(2024, 4, 19), "Commission permanente"),
}

# (organisation slug, number, kind, object, adoption date, matter, session key, (voters, for, against, abstentions),
#  (budget year, budget name))
ACTS = (
    # Jargeau
    ("jargeau", "2024-012", DELIBERATION, "Vote du budget primitif 2024 de la commune", date(2024, 3, 14), "7.1",
     "jargeau-mars", (24, 20, 3, 1), ("2024", "Budget principal")),
    ("jargeau", "2024-013", DELIBERATION, "Fixation des taux d'imposition des taxes directes locales pour 2024",
     date(2024, 3, 14), "7.2", "jargeau-mars", (24, 21, 3, 0), ("2024", "Budget principal")),
    ("jargeau", "2024-014", DELIBERATION, "Attribution des subventions aux associations jargeaulaises pour 2024",
     date(2024, 3, 14), "7.5", "jargeau-mars", (24, 24, 0, 0), ("2024", "Budget principal")),
    ("jargeau", "2024-015", DELIBERATION,
     "Attribution du marché de travaux de rénovation énergétique de l'école élémentaire", date(2024, 3, 14), "1.1",
     "jargeau-mars", (23, 23, 0, 0), None),
    ("jargeau", "2024-016", DELIBERATION, "Création d'un poste d'adjoint technique territorial à temps complet",
     date(2024, 3, 14), "4.1", "jargeau-mars", (24, 24, 0, 0), None),
    ("jargeau", "2024-031", DELIBERATION,
     "Prescription de la modification simplifiée n° 1 du plan local d'urbanisme", date(2024, 6, 26), "2.1",
     "jargeau-juin", (22, 19, 2, 1), None),
    ("jargeau", "2024-032", DELIBERATION,
     "Acquisition de la parcelle cadastrée AB 112, rue du Mail, pour l'extension du parking", date(2024, 6, 26),
     "3.1", "jargeau-juin", (22, 22, 0, 0), None),
    ("jargeau", "2024-033", DELIBERATION, "Tarifs de la médiathèque et de la saison culturelle 2024-2025",
     date(2024, 6, 26), "8.9", "jargeau-juin", (22, 22, 0, 0), None),
    ("jargeau", "AR-2024-041", ORDER,
     "Réglementation temporaire de la circulation et du stationnement pour le marché nocturne des bords de Loire",
     date(2024, 7, 5), "6.1", None, None, None),
    ("jargeau", "AR-2024-052", ORDER, "Délégation de fonction et de signature à la première adjointe",
     date(2024, 9, 2), "5.4", None, None, None),
    # Orléans Métropole
    ("orleans-metropole", "DCM-2024-0101", DELIBERATION, "Approbation du compte administratif 2023 du budget principal",
     date(2024, 5, 30), "7.1", "metropole-mai", (80, 62, 12, 6), ("2023", "Budget principal")),
    ("orleans-metropole", "DCM-2024-0102", DELIBERATION,
     "Garantie d'emprunt pour la construction de 40 logements sociaux à Saran", date(2024, 5, 30), "7.3",
     "metropole-mai", (79, 79, 0, 0), None),
    ("orleans-metropole", "DCM-2024-0103", DELIBERATION,
     "Transports urbains : avenant n° 3 au contrat de délégation de service public du réseau de bus et de tramway",
     date(2024, 5, 30), "1.2", "metropole-mai", (80, 68, 12, 0), None),
    ("orleans-metropole", "DCM-2024-0104", DELIBERATION, "Adoption du plan climat-air-énergie territorial 2024-2030",
     date(2024, 5, 30), "8.8", "metropole-mai", (80, 71, 4, 5), None),
    ("orleans-metropole", "DCM-2024-0105", DELIBERATION,
     "Accord-cadre de travaux de voirie et réseaux divers : attribution des lots 1 à 4", date(2024, 5, 30), "1.1",
     "metropole-mai", (80, 80, 0, 0), None),
    ("orleans-metropole", "DCM-2024-0106", DELIBERATION,
     "Aide à l'immobilier d'entreprise pour l'implantation d'une plateforme logistique à Ormes", date(2024, 5, 30),
     "7.4", "metropole-mai", (78, 70, 6, 2), None),
    ("orleans-metropole", "DCM-2024-0107", DELIBERATION, "Programme local de l'habitat : bilan triennal 2021-2023",
     date(2024, 5, 30), "8.5", "metropole-mai", (78, 78, 0, 0), None),
    ("orleans-metropole", "DCM-2024-0108", DELIBERATION,
     "Désignation des représentants de la Métropole au conseil d'administration de l'office public de l'habitat",
     date(2024, 5, 30), "5.3", "metropole-mai", (78, 66, 0, 12), None),
    ("orleans-metropole", "AR-2024-0210", ORDER,
     "Fermeture temporaire à la circulation de la rue Royale pour les travaux du réseau de chaleur",
     date(2024, 6, 10), "8.3", None, None, None),
    ("orleans-metropole", "DCM-2024-0150", DELIBERATION, "Tarifs 2025 des déchèteries métropolitaines",
     date(2024, 9, 26), "8.8", None, (81, 75, 6, 0), ("2025", "Budget annexe des déchets")),
    # Département du Loiret
    ("loiret", "CP-2024-0412", DELIBERATION,
     "Subventions aux communes au titre de la politique départementale de soutien aux territoires",
     date(2024, 4, 19), "7.5", "loiret-avril", (40, 40, 0, 0), ("2024", "Budget principal")),
    ("loiret", "CP-2024-0413", DELIBERATION, "Dotations de fonctionnement des collèges publics pour 2024",
     date(2024, 4, 19), "8.1", "loiret-avril", (40, 40, 0, 0), ("2024", "Budget principal")),
    ("loiret", "CP-2024-0414", DELIBERATION,
     "Convention avec la caisse d'allocations familiales du Loiret pour l'accueil du jeune enfant",
     date(2024, 4, 19), "8.2", "loiret-avril", (40, 40, 0, 0), None),
    ("loiret", "CP-2024-0415", DELIBERATION,
     "Routes départementales : programme 2024 de renouvellement des couches de roulement", date(2024, 4, 19), "8.3",
     "loiret-avril", (40, 38, 0, 2), ("2024", "Budget principal")),
    ("loiret", "CP-2024-0416", DELIBERATION,
     "Marché de fourniture de sel de déneigement pour les hivers 2024 à 2027 : attribution", date(2024, 4, 19), "1.1",
     "loiret-avril", (40, 40, 0, 0), None),
    ("loiret", "CP-2024-0417", DELIBERATION,
     "Cession d'un délaissé routier de la RD 2060 à la commune de Châteauneuf-sur-Loire", date(2024, 4, 19), "3.2",
     "loiret-avril", (40, 40, 0, 0), None),
    ("loiret", "CP-2024-0418", DELIBERATION,
     "Aides aux festivals et aux saisons culturelles du Loiret : première répartition 2024", date(2024, 4, 19),
     "8.9", "loiret-avril", (39, 36, 0, 3), ("2024", "Budget principal")),
    ("loiret", "D-2024-021", DELIBERATION, "Décision modificative n° 1 du budget départemental 2024",
     date(2024, 6, 21), "7.1", None, (41, 30, 11, 0), ("2024", "Budget principal")),
    ("loiret", "AR-2024-0318", ORDER, "Délégation de signature aux directeurs généraux adjoints des services",
     date(2024, 5, 13), "5.5", None, None, None),
    ("loiret", "DEC-2024-007", DECISION,
     "Décision d'ester en justice devant le tribunal administratif d'Orléans dans un litige relatif à un marché "
     "de travaux", date(2024, 7, 8), "5.8", None, None, None),
)  # fmt: skip

SUMMARY = (("sessions", "Séances", "créées", "déjà présentes"), ("acts", "Actes", "créés", "déjà présents"))


def seed(*, stdout) -> Counter:
    """Create the missing sections, sessions and acts of the demo; print and return the counts."""
    counts = Counter()
    for organisation in Organisation.objects.all():
        act_section_provision(organisation=organisation)
    _fill_missing_sirets()
    sessions = {key: _session_get_or_create(key, *fields, counts=counts) for key, fields in SESSIONS.items()}
    for row in ACTS:
        _act_get_or_create(*row, sessions=sessions, counts=counts)
    for key, label, created, present in SUMMARY:
        stdout.write(f"{label} : {counts[key, True]} {created}, {counts[key, False]} {present}.")
    return counts


def _fill_missing_sirets():
    """Organisations seeded before they had a SIRET get it now: their acts cannot be published without it."""
    sirets = {row["slug"]: row.get("siret") for row in organisation_rows() if row["slug"] in AUTHORITIES}
    for slug, siret in sirets.items():
        Organisation.objects.filter(slug=slug, siret="").update(siret=siret)


def _section(slug) -> ActSectionPage:
    return ActSectionPage.objects.select_related("organisation").get(organisation__slug=slug)


def _session_get_or_create(key, slug, title, session_date, body, *, counts) -> SessionPage:
    section = _section(slug)
    session = SessionPage.objects.filter(organisation=section.organisation, date=session_date, body=body).first()
    counts["sessions", session is None] += 1
    if session is None:
        session = session_create(
            section=section,
            title=title,
            date=session_date,
            body=body,
            intro=f"<p>Délibérations adoptées lors de la séance du {formats.date_format(session_date)}.</p>",
        )
    return session


def _act_get_or_create(slug, number, kind, title, adopted_on, matter, session_key, votes, budget, *, sessions, counts):
    section = _section(slug)
    exists = ActPage.objects.filter(organisation=section.organisation, internal_id=number).exists()
    counts["acts", not exists] += 1
    if exists:
        return
    signatory_name, signatory_title, members = AUTHORITIES[slug]
    fields = dict(
        title=title,
        kind=kind,
        internal_id=number,
        adoption_date=adopted_on,
        matter_code=matter,
        session=sessions[session_key] if session_key else None,
        signatory_name=signatory_name,
        signatory_title=signatory_title,
        prefecture_id=f"045-{section.organisation.siren}-{adopted_on:%Y%m%d}-{number}-{ACTES_NATURE[kind]}",
        prefecture_date=adopted_on + timedelta(days=2),
    )
    if votes:
        fields.update(zip(("votes_actual", "votes_for", "votes_against", "votes_abstention"), votes, strict=True))
        fields["votes_theoretical"] = members
    if budget:
        fields["budget_year"], fields["budget_name"] = budget
    act_create(section=section, pdf_content=_act_pdf(section.organisation, fields), **fields)


def _act_pdf(organisation, fields) -> bytes:
    """A one-page signed act: the authority, the number, the object, the vote and the signature."""
    kind = ActKind(fields["kind"]).label
    lines = [
        organisation.name.upper(),
        "",
        f"{kind} n° {fields['internal_id']} du {formats.date_format(fields['adoption_date'])}",
        "",
        *textwrap.wrap(f"Objet : {fields['title']}", 85),
        "",
    ]
    if fields.get("votes_for") is not None:
        lines.append(
            f"Membres en exercice : {fields['votes_theoretical']} - votants : {fields['votes_actual']} - "
            f"pour : {fields['votes_for']}, contre : {fields['votes_against']}, "
            f"abstentions : {fields['votes_abstention']}"
        )
    lines += ["", f"Signé : {fields['signatory_name']}, {fields['signatory_title']}"]
    return minimal_pdf(lines)
