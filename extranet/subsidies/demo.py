"""Demonstration subsidy applications, one in each status, made by `manage.py seed_demo` through the services."""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from extranet.aids.pages import AidPage
from extranet.organisations.models import Organisation

from . import services
from .models import Application, PaymentConditions, Status

AID_SLUG = "aide-a-l-investissement-des-communes-rurales"
INSTRUCTOR = "claire.bernard@loiret.test"
# (commune slug, author e-mail, project title, total cost, amount requested, status to reach)
APPLICATIONS = (
    ("jargeau", "marie.dupont@jargeau.test", "Rénovation énergétique de l'école élémentaire", "185000.00",
     "55500.00", Status.DRAFT),
    ("olivet", "helene.bonnet@olivet.test", "Réfection de la toiture de la mairie", "96000.00", "28800.00",
     Status.SUBMITTED),
    ("orleans", "francois.girard@orleans.test", "Aménagement du bourg de la Source", "240000.00", "72000.00",
     Status.INCOMPLETE),
    ("fleury-les-aubrais", "sandrine.fontaine@fleury-les-aubrais.test", "Accessibilité de la salle des fêtes",
     "64000.00", "19200.00", Status.UNDER_REVIEW),
    ("saint-jean-de-braye", "olivier.chevalier@saint-jean-de-braye.test", "Création d'un city-stade",
     "78000.00", "23400.00", Status.GRANTED),
    ("saint-jean-de-la-ruelle", "valerie.robin@saint-jean-de-la-ruelle.test", "Extension du cimetière communal",
     "150000.00", "45000.00", Status.REFUSED),
    ("saran", "stephane.masson@saran.test", "Réhabilitation du gymnase municipal", "310000.00", "93000.00",
     Status.PAID),
    ("jargeau", "marie.dupont@jargeau.test", "Remplacement de l'éclairage public par des LED", "42000.00",
     "12600.00", Status.CLOSED),
)  # fmt: skip
# The steps that lead to each status, after the submission.
PATHS = {
    Status.DRAFT: [],
    Status.SUBMITTED: ["submit"],
    Status.INCOMPLETE: ["submit", "incomplete"],
    Status.UNDER_REVIEW: ["submit", "review"],
    Status.GRANTED: ["submit", "review", "grant"],
    Status.REFUSED: ["submit", "review", "refuse"],
    Status.PAID: ["submit", "review", "grant", "pay"],
    Status.CLOSED: ["submit", "review", "grant", "pay", "close"],
}


def seed(*, stdout):
    """Create the missing demo applications; print how many were created."""
    aid = AidPage.objects.filter(slug=AID_SLUG).first()
    users = {user.email: user for user in get_user_model().objects.all()}
    instructor = users.get(INSTRUCTOR)
    created = present = 0
    for slug, email, title, cost, requested, status in APPLICATIONS:
        organisation, author = Organisation.objects.filter(slug=slug).first(), users.get(email)
        if aid is None or organisation is None or author is None or instructor is None:
            continue
        if Application.objects.filter(aid=aid, organisation=organisation, title=title).exists():
            present += 1
            continue
        application = services.application_create(
            aid=aid,
            organisation=organisation,
            user=author,
            title=title,
            description=f"Projet porté par la commune de {organisation.name} : {title.lower()}.",
            total_cost=Decimal(cost),
            amount_requested=Decimal(requested),
            start_date=timezone.localdate() + timedelta(days=90),
            end_date=timezone.localdate() + timedelta(days=365),
            contact_name=author.get_full_name(),
            contact_email=author.email,
        )
        for step in PATHS[status]:
            application = _step(application, step, author=author, instructor=instructor)
        created += 1
    stdout.write(f"Demandes de subvention : {created} créées, {present} déjà présentes.")


def _step(application, step: str, *, author, instructor):
    today = timezone.localdate()
    if step == "submit":
        return services.application_submit(application=application, user=author)
    if step == "incomplete":
        return services.application_request_documents(
            application=application, actor=instructor, message="Merci de joindre la délibération et les devis."
        )
    if step == "review":
        return services.application_review_start(application=application, actor=instructor)
    if step == "grant":
        return services.application_grant(
            application=application,
            actor=instructor,
            amount_granted=(application.amount_requested * Decimal("0.9")).quantize(Decimal("0.01")),
            decision_reference=f"CP-{today.year}-{application.pk:04d}",
            decision_date=today,
            conditions="Travaux à achever dans les deux ans suivant la décision.",
            payment_conditions=PaymentConditions.STAGGERED,
            planned_payment_date=today + timedelta(days=30),
            planned_last_payment_date=today + timedelta(days=365),
        )
    if step == "refuse":
        return services.application_refuse(
            application=application, actor=instructor, reason="Projet non éligible : dépense inférieure au seuil."
        )
    if step == "pay":
        services.payment_record(
            application=application,
            actor=instructor,
            date=today,
            amount=(application.amount_granted / 2).quantize(Decimal("0.01")),
        )
        return Application.objects.get(pk=application.pk)
    if step == "close":
        return services.application_close(application=application, actor=instructor, comment="Dossier soldé.")
    raise ValueError(step)
