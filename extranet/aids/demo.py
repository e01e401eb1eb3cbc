"""Demonstration aids of the Loiret, created by `manage.py seed_demo`; dates are relative to the day of seeding."""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from extranet.organisations.models import Organisation

from .choices import Recurrence
from .pages import AidPage
from .services import aid_create, aid_section_provision

ONE_OFF, ONGOING, RECURRING = Recurrence.ONE_OFF, Recurrence.ONGOING, Recurrence.RECURRING

# (provider slug, title, fields); start/closing dates are days from today, None for no date.
AIDS = (
    (
        "loiret",
        "Aide à l'investissement des communes rurales",
        dict(
            description="<p>Le Département soutient les projets d'investissement des communes de moins de "
            "2 000 habitants : rénovation de la mairie, de l'école, voirie communale, aménagement de bourg.</p>",
            targeted_audiences=["commune"],
            aid_types=["grant"],
            themes=["amenagement", "urbanisme"],
            subvention_rate_lower_bound=20,
            subvention_rate_upper_bound=40,
            recurrence=RECURRING,
            start=-60,
            closing=75,
            eligibility="<p>Communes du Loiret de moins de 2 000 habitants ; travaux non commencés à la date du "
            "dépôt ; dépense subventionnable comprise entre 10 000 et 300 000 € HT.</p>",
            perimeter="Communes rurales du Loiret",
            application_instructions="<p>Déposez le dossier (délibération, plan de financement, devis) sur le "
            "portail des aides du Département.</p>",
            application_url="https://aides.loiret.test/investissement-communes-rurales",
            contact="<p>Direction de l'attractivité et de l'appui aux territoires — 02 38 25 45 45</p>",
        ),
    ),
    (
        "loiret",
        "Fonds départemental pour le patrimoine rural non protégé",
        dict(
            description="<p>Restauration des lavoirs, églises, moulins et petits édifices non protégés au titre "
            "des monuments historiques, propriété des communes.</p>",
            targeted_audiences=["commune", "association"],
            aid_types=["grant"],
            themes=["culture", "tourisme"],
            subvention_rate_lower_bound=30,
            subvention_rate_upper_bound=50,
            recurrence=ONE_OFF,
            start=-150,
            closing=-20,
            eligibility="<p>Édifices antérieurs à 1900 ouverts au public au moins une fois par an.</p>",
            perimeter="Loiret",
            application_url="https://aides.loiret.test/patrimoine-rural",
            contact="<p>Service du patrimoine — patrimoine@loiret.test</p>",
        ),
    ),
    (
        "loiret",
        "Accompagnement à la rénovation énergétique des bâtiments communaux",
        dict(
            description="<p>Un conseiller en énergie partagé réalise le bilan énergétique des bâtiments "
            "communaux, propose un programme de travaux et aide à monter les demandes de financement.</p>",
            targeted_audiences=["commune", "epci"],
            aid_types=["technical_engineering"],
            themes=["energie", "environnement"],
            recurrence=ONGOING,
            start=None,
            closing=None,
            eligibility="<p>Communes et intercommunalités du Loiret, sans condition de taille.</p>",
            perimeter="Loiret",
            application_instructions="<p>Prenez rendez-vous avec le conseiller en énergie de votre secteur.</p>",
            contact="<p>Mission énergie — energie@loiret.test — 02 38 25 46 00</p>",
        ),
    ),
    (
        "loiret",
        "Appel à projets « Mobilités douces et itinéraires cyclables »",
        dict(
            description="<p>Création d'itinéraires cyclables sécurisés, de stationnements vélo et de liaisons "
            "douces entre bourgs, écoles et gares.</p>",
            targeted_audiences=["commune", "epci"],
            aid_types=["call_for_projects", "grant"],
            themes=["mobilite", "amenagement"],
            subvention_rate_upper_bound=50,
            recurrence=ONE_OFF,
            start=10,
            closing=100,
            co_financers=["orleans-metropole"],
            eligibility="<p>Projets inscrits au schéma départemental des mobilités actives.</p>",
            perimeter="Loiret",
            application_url="https://aides.loiret.test/aap-mobilites-douces",
            contact="<p>Direction des mobilités — mobilites@loiret.test</p>",
        ),
    ),
    (
        "loiret",
        "Aide aux équipements sportifs de proximité",
        dict(
            description="<p>Construction et rénovation de city-stades, terrains multisports et vestiaires.</p>",
            targeted_audiences=["commune", "epci"],
            aid_types=["grant"],
            themes=["sport"],
            subvention_rate_lower_bound=20,
            subvention_rate_upper_bound=30,
            recurrence=RECURRING,
            start=-120,
            closing=-5,
            perimeter="Loiret",
            application_url="https://aides.loiret.test/equipements-sportifs",
            contact="<p>Service des sports — sports@loiret.test</p>",
        ),
    ),
    (
        "cdg45",
        "Accompagnement à la prévention des risques professionnels",
        dict(
            description="<p>Les conseillers en prévention du Centre de gestion aident les collectivités à "
            "rédiger leur document unique et à financer les aménagements de postes.</p>",
            targeted_audiences=["commune", "epci", "public_org"],
            aid_types=["technical_engineering", "grant"],
            themes=["sante", "social"],
            subvention_rate_upper_bound=80,
            recurrence=ONGOING,
            start=None,
            closing=None,
            eligibility="<p>Collectivités et établissements affiliés au Centre de gestion du Loiret.</p>",
            perimeter="Collectivités affiliées au CDG 45",
            application_instructions="<p>Adressez une demande écrite au pôle santé au travail.</p>",
            contact="<p>Pôle santé au travail — prevention@cdg45.test — 02 38 75 66 00</p>",
        ),
    ),
    (
        "loiret-numerique",
        "Fonds de soutien à la numérisation des écoles",
        dict(
            description="<p>Équipement des écoles élémentaires en vidéoprojecteurs interactifs, classes mobiles "
            "et ressources numériques, avec la formation des enseignants.</p>",
            targeted_audiences=["commune", "epci"],
            aid_types=["grant"],
            themes=["numerique", "education"],
            subvention_rate_lower_bound=50,
            subvention_rate_upper_bound=80,
            recurrence=ONE_OFF,
            start=-30,
            closing=90,
            co_financers=["loiret"],
            eligibility="<p>Écoles publiques des communes adhérentes au syndicat.</p>",
            perimeter="Communes adhérentes à Loiret Numérique",
            application_url="https://loiret-numerique.test/ecoles-numeriques",
            contact="<p>Élodie Bertrand, cheffe de projet — ecoles@loiret-numerique.test</p>",
        ),
    ),
    (
        "loiret-numerique",
        "Accompagnement à la mise en conformité RGPD",
        dict(
            description="<p>Le syndicat met à disposition un délégué à la protection des données mutualisé et "
            "accompagne la tenue du registre des traitements.</p>",
            targeted_audiences=["commune", "epci", "public_org"],
            aid_types=["technical_engineering"],
            themes=["numerique"],
            recurrence=ONGOING,
            start=None,
            closing=None,
            perimeter="Loiret",
            application_instructions="<p>Signez la convention d'adhésion au service mutualisé.</p>",
            contact="<p>dpo@loiret-numerique.test</p>",
        ),
    ),
    (
        "cc-des-loges",
        "Aide à la création et à la reprise de commerces de proximité",
        dict(
            description="<p>Subvention aux commerçants et artisans qui s'installent dans un centre-bourg de la "
            "communauté de communes : travaux de vitrine, mise aux normes, équipement.</p>",
            targeted_audiences=["private_sector"],
            aid_types=["grant"],
            themes=["economie"],
            subvention_rate_upper_bound=20,
            recurrence=RECURRING,
            start=-10,
            closing=140,
            perimeter_organisations=[
                "jargeau",
                "saint-denis-de-l-hotel",
                "chateauneuf-sur-loire",
                "darvoy",
                "sandillon",
            ],
            eligibility="<p>Commerces de moins de 300 m² situés en centre-bourg.</p>",
            perimeter="Communauté de communes des Loges",
            application_url="https://cc-des-loges.test/aides-commerces",
            contact="<p>Service développement économique — eco@cc-des-loges.test</p>",
        ),
    ),
    (
        "cc-des-loges",
        "Aide à la réhabilitation de l'assainissement non collectif",
        dict(
            description="<p>Aide aux particuliers pour la mise aux normes des installations d'assainissement "
            "individuel jugées non conformes par le SPANC.</p>",
            targeted_audiences=["private_person"],
            aid_types=["grant"],
            themes=["eau-assainissement", "environnement"],
            subvention_rate_lower_bound=30,
            subvention_rate_upper_bound=50,
            recurrence=ONE_OFF,
            start=-30,
            closing=200,
            perimeter="Communauté de communes des Loges",
            application_instructions="<p>Le dossier est à retirer auprès du SPANC intercommunal.</p>",
            contact="<p>SPANC — spanc@cc-des-loges.test — 02 38 46 84 40</p>",
        ),
    ),
)


def seed(*, stdout):
    """Create the missing demo aids (and their providers' sections); print how many were created."""
    today = timezone.localdate()
    organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}
    created = present = 0
    for provider, title, fields in AIDS:
        section = aid_section_provision(organisation=organisations[provider])
        if AidPage.objects.child_of(section).filter(slug=slugify(title.replace("'", " "))).exists():
            present += 1
            continue
        fields = dict(fields)
        start, closing = fields.pop("start"), fields.pop("closing")
        aid_create(
            section=section,
            title=title,
            slug=slugify(title.replace("'", " ")),
            start_date=today + timedelta(days=start) if start is not None else None,
            submission_deadline=today + timedelta(days=closing) if closing is not None else None,
            co_financers=[organisations[slug] for slug in fields.pop("co_financers", [])],
            perimeter_organisations=[organisations[slug] for slug in fields.pop("perimeter_organisations", [])],
            **fields,
        )
        created += 1
    stdout.write(f"Aides : {created} créées, {present} déjà présentes.")
