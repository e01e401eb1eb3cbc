"""Demonstration notices (open and closed) and awarded contracts, created by `manage.py seed_demo`.

Dates are relative to the day of seeding, so that the open notices stay open for a few weeks.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from extranet.core.demo_files import minimal_pdf
from extranet.organisations.demo import with_check_digit
from extranet.organisations.models import Organisation

from .choices import ContractForm, Nature, PlaceCodeType, Procedure
from .pages import ProcurementNoticePage
from .services import awarded_contract_create, procurement_notice_create, procurement_section_provision

# (organisation slug, slug, title, days since publication, days until the deadline, fields)
NOTICES = (
    (
        "loiret",
        "renforcement-chaussee-rd2060",
        "Renforcement de chaussée de la RD 2060 entre Châteauneuf et Jargeau",
        5,
        25,
        dict(
            nature=Nature.WORKS,
            procedure=Procedure.OPEN,
            cpv_code="45233140-2",
            estimated_amount=Decimal("1250000.00"),
            execution_place="Châteauneuf-sur-Loire",
            execution_place_code="45082",
            duration_months=6,
            description="<p>Rabotage, reprofilage et mise en œuvre d'un enrobé sur 4,2 km.</p>",
            contact_name="Direction des routes",
            contact_email="marches@loiret.test",
        ),
    ),
    (
        "montargis",
        "restauration-scolaire-2027",
        "Fourniture de denrées alimentaires pour la restauration scolaire",
        10,
        15,
        dict(
            nature=Nature.SUPPLIES,
            procedure=Procedure.ADAPTED,
            cpv_code="15800000-6",
            estimated_amount=Decimal("180000.00"),
            execution_place="Montargis",
            execution_place_code="45208",
            duration_months=12,
            description="<p>Produits frais et de saison pour les six écoles ; 50 % de produits durables.</p>",
            contact_name="Service de la commande publique",
            contact_email="marches@montargis.test",
        ),
    ),
    (
        "jargeau",
        "refection-toiture-ecole",
        "Réfection de la toiture de l'école élémentaire",
        75,
        -40,
        dict(
            nature=Nature.WORKS,
            procedure=Procedure.ADAPTED,
            cpv_code="45261000-4",
            estimated_amount=Decimal("95000.00"),
            execution_place="Jargeau",
            execution_place_code="45173",
            duration_months=3,
            description="<p>Dépose des ardoises, reprise de la charpente et pose d'une isolation.</p>",
            contact_name="Secrétariat de mairie",
            contact_email="mairie@jargeau.test",
        ),
    ),
)
# (notice slug, contract title, identifier, amount, days since notification, offers received, holders, form)
CONTRACTS = (
    (
        "refection-toiture-ecole",
        "Attribution : réfection de la toiture de l'école",
        "2026-004",
        Decimal("91234.10"),
        20,
        4,
        (("Couverture Ligérienne SARL", "80234567"), ("Charpentes du Val SAS", "81345678")),
        ContractForm.CONTRACT,
    ),
)


def seed(*, stdout):
    """Create the missing demo notices and contracts; print how many were created."""
    now = timezone.now()
    organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}
    created = present = 0
    for organisation, slug, title, published_days_ago, deadline_days, fields in NOTICES:
        section = procurement_section_provision(organisation=organisations[organisation])
        if ProcurementNoticePage.objects.child_of(section).filter(slug=slug).exists():
            present += 1
            continue
        deadline = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=deadline_days), time(12)))
        procurement_notice_create(
            section=section,
            title=title,
            slug=slug,
            published_at=now - timedelta(days=published_days_ago),
            offers_deadline=deadline,
            execution_place_code_type=PlaceCodeType.COMMUNE,
            documents=[(_consultation_rules(title), "Règlement de la consultation (PDF)")],
            **fields,
        )
        created += 1
    contracts = _seed_contracts()
    stdout.write(f"Marchés publics : {created} avis créés, {present} déjà présents, {contracts} attributions créées.")


def _seed_contracts() -> int:
    created = 0
    for notice_slug, title, identifier, amount, days_ago, offers, holders, form in CONTRACTS:
        notice = ProcurementNoticePage.objects.filter(slug=notice_slug).first()
        if notice is None or notice.awarded_contracts.filter(identifier=identifier).exists():
            continue
        awarded_contract_create(
            notice=notice,
            title=title,
            slug=f"attribution-{identifier}",
            identifier=identifier,
            contract_form=form,
            amount=amount,
            notification_date=timezone.localdate() - timedelta(days=days_ago),
            offers_received=offers,
            duration_months=notice.duration_months,
            holders=[(name, _siret(siren_prefix)) for name, siren_prefix in holders],
        )
        created += 1
    return created


def _siret(siren_prefix: str) -> str:
    """The head office's SIRET of a demo company, from the first 8 digits of its SIREN."""
    return with_check_digit(with_check_digit(siren_prefix) + "0001")


def _consultation_rules(title: str):
    """A small PDF standing for the consultation rules of a demo notice, generated the first time."""
    Document = get_document_model()
    document_title = f"Règlement de la consultation — {title}"
    document = Document.objects.filter(title=document_title).first()
    if document is None:
        document = Document(title=document_title)
        pdf = minimal_pdf(["Règlement de la consultation", "", title])
        document.file.save("reglement-consultation.pdf", ContentFile(pdf), save=False)
        document._set_document_file_metadata()
        document.save()
    return document
