"""Demonstration agendas, created by `manage.py seed_demo` after the organisations: recurring meetings in
private and shared calendars, and public events, starting this week so that they show at once."""

from collections import Counter
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.timezone import get_default_timezone
from schedule.models import Event

from extranet.organisations.models import Organisation

from . import services
from .models import AgendaCalendar, CalendarKind, EventCategory

# (calendar: "private", "shared" or "public", organisation slug, author e-mail, title, weekday, time,
#  hours, frequency, count, place, description)
EVENTS = [
    (
        "private",
        "jargeau",
        "marie.dupont@jargeau.test",
        "Réunion du bureau municipal",
        1,
        (18, 0),
        2,
        "WEEKLY",
        40,
        "Mairie de Jargeau, salle du conseil",
        "Ordre du jour envoyé la veille par la direction générale.",
    ),
    (
        "private",
        "jargeau",
        "marie.dupont@jargeau.test",
        "Conseil municipal",
        3,
        (18, 30),
        3,
        "MONTHLY",
        12,
        "Mairie de Jargeau, salle du conseil",
        "Séance publique ; délibérations publiées dans la section Actes.",
    ),
    (
        "private",
        "loiret",
        "isabelle.moreau@loiret.test",
        "Comité de direction",
        0,
        (9, 0),
        1.5,
        "WEEKLY",
        40,
        "Hôtel du Département, Orléans",
        "Point hebdomadaire des directions.",
    ),
    (
        "shared",
        "loiret",
        "claire.bernard@loiret.test",
        "Conférence des maires",
        4,
        (14, 0),
        3,
        "MONTHLY",
        10,
        "Hôtel du Département, Orléans",
        "Réunion mensuelle du Département avec les maires et présidents d'EPCI.",
    ),
    (
        "public",
        "jargeau",
        "marie.dupont@jargeau.test",
        "Marché de Jargeau",
        5,
        (8, 0),
        4.5,
        "WEEKLY",
        30,
        "Place du Martroi, Jargeau",
        "Producteurs locaux chaque samedi matin.",
    ),
]

CATEGORIES = {"Conseil municipal": EventCategory.COUNCIL, "Marché de Jargeau": EventCategory.PUBLIC_EVENT}


def _next_weekday(weekday: int, hour: int, minute: int) -> datetime:
    today = timezone.now().astimezone(get_default_timezone()).date()
    day = today + timedelta(days=(weekday - today.weekday()) % 7)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=get_default_timezone())


def _calendar(kind: str, organisation) -> AgendaCalendar | None:
    calendars = AgendaCalendar.objects.filter(kind=kind)
    if kind == CalendarKind.PRIVATE:
        calendars = calendars.filter(organisation=organisation)
    return calendars.order_by("pk").first()


def seed(*, stdout) -> Counter:
    """Create the demo events missing from their calendars; print and return the counts."""
    counts = Counter()
    User = get_user_model()
    organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}
    for kind, slug, email, title, weekday, (hour, minute), hours, frequency, count, place, description in EVENTS:
        organisation, user = organisations.get(slug), User.objects.filter(email__iexact=email).first()
        calendar = _calendar(kind, organisation) if organisation else None
        if calendar is None or user is None:
            continue
        if Event.objects.filter(calendar=calendar.calendar, title=title).exists():
            counts["present"] += 1
            continue
        start = _next_weekday(weekday, hour, minute)
        event = services.event_create(
            calendar=calendar,
            organisation=organisation,
            user=user,
            title=title,
            start=start,
            end=start + timedelta(hours=hours),
            place=place,
            description=description,
            recurrence=services.Recurrence(frequency=frequency, count=count),
            category=CATEGORIES.get(title, EventCategory.MEETING),
        )
        if frequency == "WEEKLY":
            # One cancelled meeting, as in real life (a bank holiday).
            services.occurrence_cancel(event=event, original_start=start + timedelta(weeks=3), user=user)
        counts["created"] += 1
    stdout.write(f"Agendas : {counts['created']} événements créés, {counts['present']} déjà présents.")
    return counts
