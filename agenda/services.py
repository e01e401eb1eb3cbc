"""Writes of the agendas: calendars, events with their recurrence, single-occurrence changes, feed tokens.

Events are django-scheduler's: a recurrence is one scheduler `Rule` of the event's own ("interval" and
"count" parameters) plus the event's `end_recurring_period` for a last date; a cancelled or changed
occurrence is a persisted scheduler `Occurrence`. Every recurrence has an end, so that no feed, view or
index ever expands an endless series. Permissions are checked by the callers through `selectors`.
"""

import secrets
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import islice
from urllib.parse import urlparse

from dateutil import rrule
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.timezone import get_default_timezone
from django.utils.translation import gettext as _
from schedule.models import Calendar, Event, Rule

from .models import AgendaCalendar, CalendarKind, EventCategory, EventDetails, FeedToken

FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
MAX_INTERVAL = 366
MAX_YEARS = 10


@dataclass(frozen=True)
class Recurrence:
    """How an event repeats: every `interval` days/weeks/months/years, until a date (inclusive) or `count` times."""

    frequency: str
    interval: int = 1
    until: date | None = None
    count: int | None = None

    @classmethod
    def of(cls, event: Event) -> "Recurrence | None":
        if event.rule is None:
            return None
        params = event.rule.get_params()
        until = (
            event.end_recurring_period.astimezone(get_default_timezone()).date() if event.end_recurring_period else None
        )
        return cls(
            frequency=event.rule.frequency,
            interval=int(params.get("interval", 1)),
            until=until,
            count=params.get("count"),
        )

    def rule_params(self) -> str:
        return f"interval:{self.interval}" + (f";count:{self.count}" if self.count else "")


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=get_default_timezone())


def end_of_day(day: date) -> datetime:
    """The last second of a day in the platform's time zone: the inclusive `until` of a recurrence."""
    return local_midnight(day + timedelta(days=1)) - timedelta(seconds=1)


def new_uid() -> str:
    """A globally unique iCalendar UID: a random UUID at the platform's host name."""
    return f"{uuid.uuid4()}@{urlparse(settings.SITE_URL).hostname or 'territoires'}"


def visio_room_url() -> str:
    """A fresh, unguessable meeting room address on the configured visio server."""
    if not settings.VISIO_BASE_URL:
        raise ValidationError(_("No online meeting server is configured."), code="no_visio")
    return f"{settings.VISIO_BASE_URL.rstrip('/')}/Territoires-{secrets.token_hex(10)}"


# Calendars.


def _unique_slug(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


@transaction.atomic
def calendar_create(*, name: str, kind: str, organisation=None, description: str = "") -> AgendaCalendar:
    """Create a scheduler calendar and its audience; a private calendar belongs to one organisation."""
    name = " ".join(name.split())[:200]
    if not name:
        raise ValidationError(_("Give a name."), code="empty_name")
    calendar = Calendar.objects.create(name=name, slug=_unique_slug(kind))
    agenda = AgendaCalendar(calendar=calendar, kind=kind, organisation=organisation, description=description)
    agenda.full_clean(exclude=["calendar"])
    agenda.save()
    return agenda


@transaction.atomic
def calendar_organisation_provision(*, organisation) -> AgendaCalendar:
    """Give the organisation its private calendar, named after it; idempotent (the provisioning hook calls it)."""
    agenda = AgendaCalendar.objects.select_related("calendar").filter(organisation=organisation, kind="private").first()
    if agenda is None:
        return calendar_create(name=organisation.name, kind=CalendarKind.PRIVATE, organisation=organisation)
    if agenda.calendar.name != organisation.name:
        agenda.calendar.name = organisation.name
        agenda.calendar.save(update_fields=["name"])
    return agenda


# Events.


def clean_text(value: str, *, limit: int) -> str:
    return " ".join((value or "").split())[:limit]


def _clean_recurrence(recurrence: Recurrence | None, *, start: datetime) -> Recurrence | None:
    if recurrence is None or not recurrence.frequency:
        return None
    if recurrence.frequency not in FREQUENCIES:
        raise ValidationError(_("Choose how often the event repeats."), code="bad_frequency")
    if not 1 <= recurrence.interval <= MAX_INTERVAL:
        raise ValidationError(_("The interval must be between 1 and %(max)s.") % {"max": MAX_INTERVAL}, code="interval")
    if recurrence.until is None and not recurrence.count:
        raise ValidationError(
            _("A repeating event needs an end: a last date or a number of occurrences."), code="unbounded"
        )
    if recurrence.until is not None and recurrence.count:
        raise ValidationError(_("Give either a last date or a number of occurrences, not both."), code="both_bounds")
    limit = settings.AGENDA_MAX_OCCURRENCES
    if recurrence.count is not None and not 1 <= recurrence.count <= limit:
        raise ValidationError(
            _("The number of occurrences must be between 1 and %(max)s.") % {"max": limit}, code="count"
        )
    if recurrence.until is not None:
        first_day = start.astimezone(get_default_timezone()).date()
        if recurrence.until < first_day:
            raise ValidationError(_("The last date of the repetition comes before the event."), code="until")
        if recurrence.until > first_day.replace(year=first_day.year + MAX_YEARS, day=min(first_day.day, 28)):
            raise ValidationError(
                _("An event repeats for %(years)s years at most.") % {"years": MAX_YEARS}, code="until_far"
            )
        naive = start.astimezone(get_default_timezone()).replace(tzinfo=None)
        dates = rrule.rrule(
            getattr(rrule, recurrence.frequency),
            dtstart=naive,
            interval=recurrence.interval,
            until=end_of_day(recurrence.until).replace(tzinfo=None),
        )
        if len(list(islice(dates, limit + 1))) > limit:
            raise ValidationError(
                _("This repetition makes more than %(max)s occurrences: choose an earlier last date.") % {"max": limit},
                code="too_many",
            )
    return recurrence


FIRST_YEAR, LAST_YEAR = 1900, 2100


def out_of_range_message() -> str:
    return _("Choose dates between %(first)s and %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}


def _clean_event(*, title, start, end, all_day, visio_url, place, description, recurrence, category) -> dict:
    title = clean_text(title, limit=255)
    if not title:
        raise ValidationError(_("Give the event a title."), code="empty_title")
    if start is None or end is None:
        raise ValidationError(_("Give a start and an end."), code="no_dates")
    if timezone.is_naive(start) or timezone.is_naive(end):
        raise ValueError("Event times must be aware datetimes.")
    if start.year < FIRST_YEAR or end.year > LAST_YEAR:
        # Beyond, a mistyped year fails in time zone arithmetic, and no month view reaches it.
        raise ValidationError(out_of_range_message(), code="out_of_range")
    if all_day:
        start = local_midnight(start.astimezone(get_default_timezone()).date())
        end = local_midnight(end.astimezone(get_default_timezone()).date() + timedelta(days=1))
    if end <= start:
        raise ValidationError(_("The end must come after the start."), code="end_before_start")
    if end - start > timedelta(days=366):
        raise ValidationError(_("An event lasts one year at most."), code="too_long")
    visio_url = (visio_url or "").strip()
    if visio_url:
        try:
            URLValidator(schemes=["https", "http"])(visio_url)
        except ValidationError:
            raise ValidationError(
                _("The online meeting link must be a web address (https://…)."), code="visio"
            ) from None
    if category not in EventCategory.values:
        raise ValidationError(_("Choose a category."), code="bad_category")
    return {
        "title": title,
        "description": (description or "").strip()[:20_000],
        "start": start,
        "end": end,
        "all_day": bool(all_day),
        "place": clean_text(place, limit=255),
        "visio_url": visio_url[:500],
        "recurrence": _clean_recurrence(recurrence, start=start),
        "category": category,
    }


def _clean_attachments(attachments, *, organisation) -> list:
    """The documents an event may list: current ones of its organisation's library, outside the bin."""
    attachments = list(attachments)
    if any(document.organisation_id != organisation.pk or document.deleted_at is not None for document in attachments):
        raise ValidationError(
            _("An event may only list documents of its organisation's library (outside the bin)."),
            code="foreign_attachment",
        )
    return attachments


def _apply_recurrence(event: Event, recurrence: Recurrence | None) -> None:
    """Point the event at its own scheduler rule (created or updated) and set its last date.

    A rule the event no longer needs is deleted by the caller once the event is saved without it.
    """
    rule = event.rule
    if recurrence is None:
        event.rule, event.end_recurring_period = None, None
        return
    if rule is None:
        rule = Rule(name=_unique_slug("event")[:32], description="")
    rule.frequency = recurrence.frequency
    rule.params = recurrence.rule_params()
    rule.save()
    event.rule = rule
    event.end_recurring_period = end_of_day(recurrence.until) if recurrence.until else None


@transaction.atomic
def event_create(
    *,
    calendar: AgendaCalendar,
    organisation,
    user,
    title: str,
    start: datetime,
    end: datetime,
    description: str = "",
    place: str = "",
    visio_url: str = "",
    all_day: bool = False,
    recurrence: Recurrence | None = None,
    category: str = EventCategory.OTHER,
    attachments=(),
    uid: str = "",
) -> Event:
    """Add an event of `organisation` to the calendar; a private calendar takes only its organisation's events.

    `uid` keeps the iCalendar UID of an imported event; a new one is made otherwise.
    """
    if calendar.kind == CalendarKind.PRIVATE and calendar.organisation_id != organisation.pk:
        raise ValidationError(_("This calendar is private to another organisation."), code="wrong_organisation")
    fields = _clean_event(
        title=title,
        start=start,
        end=end,
        all_day=all_day,
        visio_url=visio_url,
        place=place,
        description=description,
        recurrence=recurrence,
        category=category,
    )
    event = Event(
        calendar_id=calendar.calendar_id,
        creator=user if user is not None and user.is_authenticated else None,
        title=fields["title"],
        description=fields["description"],
        start=fields["start"],
        end=fields["end"],
    )
    _apply_recurrence(event, fields["recurrence"])
    event.save()
    event.details = EventDetails.objects.create(
        event=event,
        organisation=organisation,
        place=fields["place"],
        visio_url=fields["visio_url"],
        all_day=fields["all_day"],
        category=fields["category"],
        uid=uid or new_uid(),
    )
    event.details.attachments.set(_clean_attachments(attachments, organisation=organisation))
    return event


def event_details_touch(*, details: EventDetails) -> None:
    """A change subscribers must take: iCalendar's SEQUENCE goes up, DTSTAMP/LAST-MODIFIED move."""
    details.sequence += 1
    details.updated_at = timezone.now()
    details.save(update_fields=["sequence", "updated_at"])


@transaction.atomic
def event_update(
    *,
    event: Event,
    user,
    title: str,
    start: datetime,
    end: datetime,
    description: str = "",
    place: str = "",
    visio_url: str = "",
    all_day: bool = False,
    recurrence: Recurrence | None = None,
    category: str = EventCategory.OTHER,
    attachments=None,
) -> Event:
    """Change an event; a new schedule drops the occurrences cancelled or changed one by one.

    `attachments` replace the event's documents; None leaves them as they are.
    """
    if hasattr(event, "training"):
        from agenda.training.services import session_refuse_recurrence

        session_refuse_recurrence(recurrence)
        # A training session stays filed as training, whichever form changes its event.
        category = EventCategory.TRAINING
    fields = _clean_event(
        title=title,
        start=start,
        end=end,
        all_day=all_day,
        visio_url=visio_url,
        place=place,
        description=description,
        recurrence=recurrence,
        category=category,
    )
    details = event.details
    rescheduled = (fields["start"], fields["end"], fields["all_day"], fields["recurrence"]) != (
        event.start,
        event.end,
        details.all_day,
        Recurrence.of(event),
    )
    event.title, event.description = fields["title"], fields["description"]
    event.start, event.end = fields["start"], fields["end"]
    old_rule = event.rule
    _apply_recurrence(event, fields["recurrence"])
    event.save()
    if old_rule is not None and event.rule is None:
        old_rule.delete()
    if rescheduled:
        event.occurrence_set.all().delete()
    details.place, details.visio_url, details.all_day = fields["place"], fields["visio_url"], fields["all_day"]
    details.category = fields["category"]
    details.save(update_fields=["place", "visio_url", "all_day", "category"])
    if attachments is not None:
        details.attachments.set(_clean_attachments(attachments, organisation=details.organisation))
    event_details_touch(details=details)
    return event


@transaction.atomic
def event_delete(*, event: Event, user) -> None:
    rule = event.rule
    event.delete()
    if rule is not None:
        rule.delete()


def _occurrence_at(event: Event, original_start: datetime):
    if event.rule is None:
        raise ValidationError(_("Only an occurrence of a repeating event can be changed alone."), code="not_recurring")
    occurrence = event.get_occurrence(original_start.astimezone(get_default_timezone()))
    if occurrence is None:
        raise ValidationError(_("This event has no occurrence at that time."), code="no_occurrence")
    return occurrence


@transaction.atomic
def occurrence_cancel(*, event: Event, original_start: datetime, user):
    """Cancel one occurrence of a repeating event (an EXDATE in the feeds)."""
    occurrence = _occurrence_at(event, original_start)
    occurrence.cancelled = True
    occurrence.save()
    event_details_touch(details=event.details)
    return occurrence


@transaction.atomic
def occurrence_restore(*, event: Event, original_start: datetime, user):
    """Bring back a cancelled occurrence."""
    occurrence = _occurrence_at(event, original_start)
    if occurrence.pk is not None and occurrence.cancelled:
        occurrence.cancelled = False
        occurrence.save()
        event_details_touch(details=event.details)
    return occurrence


@transaction.atomic
def occurrence_update(
    *, event: Event, original_start: datetime, user, title: str, start: datetime, end: datetime, description: str = ""
):
    """Move or retitle one occurrence of a repeating event (a RECURRENCE-ID override in the feeds)."""
    occurrence = _occurrence_at(event, original_start)
    title = clean_text(title, limit=255)
    if not title:
        raise ValidationError(_("Give the event a title."), code="empty_title")
    if end <= start:
        raise ValidationError(_("The end must come after the start."), code="end_before_start")
    occurrence.title, occurrence.description = title, (description or "").strip()[:20_000]
    occurrence.start, occurrence.end = start, end
    occurrence.save()
    event_details_touch(details=event.details)
    return occurrence


# Feed tokens.


def feed_token_get_or_create(*, user) -> FeedToken:
    token = FeedToken.objects.filter(user=user).first()
    return token or FeedToken.objects.create(user=user, token=secrets.token_urlsafe(32))


@transaction.atomic
def feed_token_reset(*, user) -> FeedToken:
    """Replace the user's feed secret: every address given out before stops working."""
    FeedToken.objects.filter(user=user).delete()
    return FeedToken.objects.create(user=user, token=secrets.token_urlsafe(32))
