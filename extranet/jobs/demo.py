"""Demonstration job offers, created by `manage.py seed_demo`; dates are relative to the day of seeding."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from extranet.organisations.models import Organisation

from .choices import ContractType, JobFamily, WorkingTime
from .pages import JobOfferPage
from .services import job_offer_create, job_section_provision

# (organisation slug, slug, title, days since publication, days until the deadline, fields)
OFFERS = (
    (
        "loiret",
        "charge-de-mission-ingenierie-territoriale",
        "Chargé ou chargée de mission ingénierie territoriale",
        3,
        30,
        dict(
            category="A",
            grade="Attaché territorial",
            job_family=JobFamily.PLANNING,
            contract_type=ContractType.CIVIL_SERVANT,
            location="Orléans, Hôtel du Département",
            description="<p>Au sein de la direction de l'appui aux territoires, vous accompagnez les communes "
            "rurales dans leurs projets d'aménagement, de l'étude d'opportunité au plan de financement.</p>",
            profile="<p>Formation supérieure en aménagement ou en développement local ; connaissance des "
            "collectivités et des financements publics ; permis B.</p>",
            application_email="recrutement@loiret.test",
        ),
    ),
    (
        "loiret",
        "agent-exploitation-des-routes-pithiviers",
        "Agent ou agente d'exploitation des routes",
        8,
        21,
        dict(
            category="C",
            grade="Adjoint technique territorial",
            job_family=JobFamily.TECHNICAL,
            contract_type=ContractType.CIVIL_SERVANT,
            location="Centre d'exploitation routière de Pithiviers",
            description="<p>Entretien des routes départementales, fauchage, viabilité hivernale (astreintes), "
            "signalisation des chantiers.</p>",
            profile="<p>Permis C apprécié ; goût du travail en équipe et en extérieur.</p>",
            application_url="https://emploi.loiret.test/offres/agent-exploitation-routes",
            start_days=45,
        ),
    ),
    (
        "orleans-metropole",
        "developpeur-applications-web",
        "Développeur ou développeuse d'applications web",
        5,
        40,
        dict(
            category="A",
            grade="Ingénieur territorial",
            job_family=JobFamily.DIGITAL,
            contract_type=ContractType.CONTRACT_AGENT,
            description="<p>Vous développez et maintenez les téléservices de la Métropole (Python, Django) en "
            "lien avec les services usagers.</p>",
            profile="<p>Expérience du développement web, des tests automatisés et de l'accessibilité (RGAA).</p>",
            application_email="drh@orleans-metropole.test",
            application_url="https://emploi.orleans-metropole.test/developpeur-web",
        ),
    ),
    (
        "orleans-metropole",
        "apprenti-jardinier-paysagiste",
        "Apprenti ou apprentie jardinier paysagiste",
        12,
        15,
        dict(
            category="C",
            job_family=JobFamily.ENVIRONMENT,
            contract_type=ContractType.APPRENTICESHIP,
            location="Orléans, parc floral de La Source",
            description="<p>En alternance avec un CAP ou un bac professionnel, vous participez à l'entretien "
            "écologique des parcs et jardins de la Métropole.</p>",
            profile="<p>Intérêt pour le végétal et le travail en extérieur ; inscription en formation.</p>",
            application_email="apprentissage@orleans-metropole.test",
        ),
    ),
    (
        "montargis",
        "animateur-periscolaire",
        "Animateur ou animatrice périscolaire",
        2,
        10,
        dict(
            category="C",
            grade="Adjoint territorial d'animation",
            job_family=JobFamily.CHILDHOOD,
            contract_type=ContractType.FIXED_TERM,
            working_time=WorkingTime.PART_TIME,
            weekly_hours=Decimal(24),
            description="<p>Accueil des enfants le matin, le midi et le soir dans les écoles de la ville ; "
            "conception et animation d'activités.</p>",
            profile="<p>BAFA exigé ; expérience auprès d'enfants de 3 à 11 ans.</p>",
            application_email="emploi@montargis.test",
            start_days=20,
        ),
    ),
    (
        "jargeau",
        "secretaire-de-mairie",
        "Secrétaire de mairie",
        60,
        -7,
        dict(
            category="B",
            grade="Rédacteur territorial",
            job_family=JobFamily.ADMINISTRATION,
            contract_type=ContractType.CIVIL_SERVANT,
            description="<p>Auprès du maire et des élus : préparation du budget, des conseils municipaux, "
            "état civil, urbanisme, gestion du personnel.</p>",
            profile="<p>Connaissance des finances locales et des procédures administratives ; discrétion.</p>",
            application_email="mairie@jargeau.test",
        ),
    ),
)


def seed(*, stdout):
    """Create the missing demo offers (one already expired); print how many were created."""
    now = timezone.now()
    today = timezone.localdate()
    organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}
    created = present = 0
    for organisation, slug, title, published_days_ago, deadline_days, fields in OFFERS:
        section = job_section_provision(organisation=organisations[organisation])
        if JobOfferPage.objects.child_of(section).filter(slug=slug).exists():
            present += 1
            continue
        fields = dict(fields)
        start_days = fields.pop("start_days", None)
        job_offer_create(
            section=section,
            title=title,
            slug=slug,
            published_at=now - timedelta(days=published_days_ago),
            application_deadline=today + timedelta(days=deadline_days),
            start_date=today + timedelta(days=start_days) if start_days is not None else None,
            **fields,
        )
        created += 1
    stdout.write(f"Offres d'emploi : {created} créées, {present} déjà présentes.")
