"""Demonstration training sessions, created by `manage.py seed_demo` after the agendas: a dozen sessions in the
coming weeks, most of them with registrations, some full with a waiting list."""

from collections import Counter
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.timezone import get_default_timezone
from schedule.models import Event

from agenda.demo import _calendar
from extranet.organisations.models import Membership, Organisation

from . import services

T = "luc.petit@loiret.test"
E = "elodie.bertrand@loiret-numerique.test"
J = "julien.garnier@loiret.test"

# (calendar kind, organisation slug, author, trainer, title, in how many days, hour, hours, seats, registrations
#  wanted, roles admitted, kinds admitted, place, description)
SESSIONS = [
    (
        "shared",
        "loiret",
        "claire.bernard@loiret.test",
        T,
        "Initiation au RGPD",
        9,
        9,
        7,
        6,
        9,
        [],
        [],
        "Hôtel du Département, salle 2",
        "Les bases de la protection des données pour les agents des collectivités.",
    ),
    (
        "shared",
        "loiret",
        "claire.bernard@loiret.test",
        T,
        "Bien utiliser l'extranet Territoires",
        12,
        14,
        3,
        10,
        7,
        [],
        [],
        "En ligne",
        "Bibliothèques partagées, agenda, forums : une prise en main guidée.",
    ),
    (
        "shared",
        "loiret",
        "isabelle.moreau@loiret.test",
        J,
        "Rédiger un marché public simple",
        16,
        9,
        7,
        4,
        6,
        ["editor", "admin"],
        [],
        "Hôtel du Département, salle 1",
        "Procédure adaptée, pièces du dossier, analyse.",
    ),
    (
        "shared",
        "loiret",
        "isabelle.moreau@loiret.test",
        T,
        "Accessibilité numérique (RGAA)",
        20,
        9,
        14,
        8,
        5,
        [],
        [],
        "Hôtel du Département, salle 2",
        "Deux jours pour rendre les sites et documents accessibles.",
    ),
    (
        "shared",
        "loiret",
        "claire.bernard@loiret.test",
        E,
        "Cybersécurité : les bons réflexes",
        23,
        10,
        3,
        5,
        8,
        [],
        [],
        "Loiret Numérique, Orléans",
        "Hameçonnage, mots de passe, sauvegardes.",
    ),
    (
        "shared",
        "loiret",
        "claire.bernard@loiret.test",
        J,
        "Communiquer en situation de crise",
        27,
        9,
        7,
        12,
        4,
        ["admin"],
        ["commune"],
        "Hôtel du Département, salle 1",
        "Pour les maires et DGS des communes.",
    ),
    (
        "shared",
        "loiret",
        "isabelle.moreau@loiret.test",
        T,
        "Budget communal : les fondamentaux",
        30,
        9,
        7,
        3,
        5,
        [],
        ["commune"],
        "Hôtel du Département, salle 3",
        "Section de fonctionnement, d'investissement, calendrier.",
    ),
    (
        "shared",
        "loiret",
        "claire.bernard@loiret.test",
        E,
        "Tableur : tableaux croisés dynamiques",
        34,
        14,
        3,
        8,
        3,
        [],
        [],
        "Loiret Numérique, Orléans",
        "Exercices sur vos propres données.",
    ),
    (
        "shared",
        "loiret",
        "isabelle.moreau@loiret.test",
        J,
        "L'état civil au quotidien",
        38,
        9,
        7,
        10,
        2,
        [],
        ["commune"],
        "Hôtel du Département, salle 2",
        "Actes, mentions, registres.",
    ),
    (
        "private",
        "jargeau",
        "marie.dupont@jargeau.test",
        "laurence.blanc@jargeau.test",
        "Prise en main du logiciel de facturation",
        8,
        14,
        2,
        3,
        3,
        [],
        [],
        "Mairie de Jargeau, salle du conseil",
        "Pour les agents de la mairie.",
    ),
    (
        "private",
        "jargeau",
        "marie.dupont@jargeau.test",
        "marie.dupont@jargeau.test",
        "Sécurité incendie en mairie",
        18,
        10,
        2,
        6,
        2,
        [],
        [],
        "Mairie de Jargeau",
        "Manipulation des extincteurs et évacuation.",
    ),
    (
        "public",
        "loiret",
        "claire.bernard@loiret.test",
        T,
        "Atelier numérique pour les élus",
        42,
        18,
        2,
        15,
        0,
        [],
        [],
        "Hôtel du Département, auditorium",
        "Ouvert à tous les élus du Loiret.",
    ),
]


def _first_membership(user):
    return Membership.objects.filter(user=user).select_related("organisation").order_by("pk").first()


def _register_some(session, *, wanted: int, people, counts: Counter) -> None:
    """Register the first people who may take the session, until `wanted` of them are in (seats or waiting)."""
    for user in people:
        if session.registrations.count() >= wanted:
            return
        membership = _first_membership(user)
        if membership is None:
            continue
        try:
            registration = services.registration_create(
                session=session, user=user, organisation=membership.organisation, registered_by=user
            )
        except ValidationError:
            continue
        counts[registration.status] += 1


def _end(start: datetime, hours: int) -> datetime:
    """A session of more than a working day runs over several days (one event), until 17:00 on the last one."""
    if hours <= 8:
        return start + timedelta(hours=hours)
    return start + timedelta(days=hours // 7 - 1, hours=17 - start.hour)


def seed(*, stdout) -> Counter:
    """Create the demo sessions missing from their calendars, with their registrations; print the counts."""
    counts = Counter()
    User = get_user_model()
    organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}
    people = list(User.objects.filter(is_active=True, email__endswith=".test", is_superuser=False).order_by("pk"))
    today = timezone.now().astimezone(get_default_timezone()).date()
    for row in SESSIONS:
        kind, slug, author, trainer, title, days, hour, hours, seats, wanted, roles, kinds, place, description = row
        organisation = organisations.get(slug)
        author, trainer = User.objects.filter(email=author).first(), User.objects.filter(email=trainer).first()
        calendar = _calendar(kind, organisation) if organisation else None
        if calendar is None or author is None or trainer is None:
            continue
        if Event.objects.filter(calendar=calendar.calendar, title=title).exists():
            counts["present"] += 1
            continue
        day = today + timedelta(days=days)
        start = datetime(day.year, day.month, day.day, hour, tzinfo=get_default_timezone())
        session = services.session_create(
            calendar=calendar,
            organisation=organisation,
            user=author,
            trainer=trainer,
            capacity=seats,
            registration_deadline=start - timedelta(days=2),
            audience_roles=roles,
            audience_kinds=kinds,
            title=title,
            start=start,
            end=_end(start, hours),
            place=place,
            description=description,
        )
        _register_some(session, wanted=wanted, people=[p for p in people if p.pk != trainer.pk], counts=counts)
        counts["created"] += 1
    stdout.write(
        f"Formations : {counts['created']} sessions créées ({counts['registered']} inscriptions, "
        f"{counts['waiting']} en liste d'attente), {counts['present']} déjà présentes."
    )
    return counts
