"""iCalendar feeds written with the `icalendar` library (not django-scheduler's export, which drops RRULE,
has no DTSTAMP and a bare integer UID).

Each event is one VEVENT with its globally unique UID, DTSTAMP, SEQUENCE and, when it repeats, RRULE and
EXDATE (its cancelled occurrences); each occurrence changed on its own is a VEVENT with the same UID and
a RECURRENCE-ID. Times carry the TZID of the platform's time zone, defined by one VTIMEZONE.
"""

from datetime import UTC, date, datetime, timedelta

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils.timezone import get_default_timezone
from schedule.models import Event

PRODID = "-//Territoires//Agenda//FR"
# Zones without a compact rule are written with their transitions over this many years from now.
TIMEZONE_YEARS_AHEAD = 20


def paris_timezone() -> icalendar.Timezone:
    """Europe/Paris as calendar applications write it: the EU rules since 1996 (last Sundays of March and October).

    Yearly rules rather than a list of dates: some clients (Outlook) read no RDATE in a VTIMEZONE.
    """
    timezone = icalendar.Timezone()
    timezone.add("tzid", "Europe/Paris")
    timezone.add("x-lic-location", "Europe/Paris")
    for kind, name, offset_from, offset_to, start, month in (
        (icalendar.TimezoneDaylight, "CEST", 1, 2, datetime(1981, 3, 29, 2), 3),
        (icalendar.TimezoneStandard, "CET", 2, 1, datetime(1996, 10, 27, 3), 10),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("tzoffsetfrom", timedelta(hours=offset_from))
        part.add("tzoffsetto", timedelta(hours=offset_to))
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        timezone.add_component(part)
    return timezone


def platform_timezone() -> icalendar.Timezone:
    """The VTIMEZONE of the platform's zone: Paris's yearly rules, or any other zone's offsets from the tz database.

    The zones of the overseas départements keep one offset all year: one STANDARD part says it.
    """
    zone = get_default_timezone()
    if zone.key == "Europe/Paris":
        return paris_timezone()
    last = date(date.today().year + TIMEZONE_YEARS_AHEAD, 1, 1)
    return icalendar.Timezone.from_tzinfo(zone, tzid=zone.key, last_date=last)


def _when(value: datetime, all_day: bool) -> datetime | date:
    local = value.astimezone(get_default_timezone())
    return local.date() if all_day else local


def _event_url(event: Event) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{reverse('agenda:event', args=[event.pk])}"


def _rrule(event: Event, all_day: bool) -> dict:
    params = event.rule.get_params()
    rule = {"freq": event.rule.frequency.lower(), "interval": int(params.get("interval", 1))}
    if params.get("count"):
        rule["count"] = int(params["count"])
    elif event.end_recurring_period:
        until = event.end_recurring_period
        # RFC 5545: UNTIL is a date with DTSTART a date, a UTC time with DTSTART a zoned time.
        rule["until"] = until.astimezone(get_default_timezone()).date() if all_day else until.astimezone(UTC)
    return rule


def _vevent(event: Event, *, start, end, all_day: bool, title: str, description: str) -> icalendar.Event:
    details = event.details
    vevent = icalendar.Event()
    vevent.add("uid", details.uid)
    vevent.add("dtstamp", details.updated_at.astimezone(UTC))
    vevent.add("last-modified", details.updated_at.astimezone(UTC))
    vevent.add("created", event.created_on.astimezone(UTC))
    vevent.add("sequence", details.sequence)
    vevent.add("summary", title)
    vevent.add("dtstart", _when(start, all_day))
    vevent.add("dtend", _when(end, all_day))
    text = description
    if details.visio_url:
        text = f"{text}\n\n{details.visio_url}".strip()
    if text:
        vevent.add("description", text)
    if details.place or details.visio_url:
        vevent.add("location", details.place or details.visio_url)
    vevent.add("url", _event_url(event))
    # The category (in the feed's language) first: imports read it back from there.
    vevent.add("categories", [str(details.get_category_display()), details.organisation.name])
    return vevent


PARTSTAT = {"pending": "NEEDS-ACTION", "yes": "ACCEPTED", "maybe": "TENTATIVE", "no": "DECLINED"}


def _add_invitation(vevent: icalendar.Event, event: Event, invitation) -> None:
    """ORGANIZER and the subscriber's own ATTENDEE line with their answer (other invitees are never listed)."""
    if event.creator is not None:
        vevent.add("organizer", f"mailto:{event.creator.email}", parameters={"cn": event.details.organisation.name})
    vevent.add(
        "attendee",
        f"mailto:{invitation.user.email}",
        parameters={
            "cn": invitation.user.full_name,
            "partstat": PARTSTAT[invitation.answer],
            "role": "REQ-PARTICIPANT",
        },
    )


def event_components(event: Event, invitation=None) -> list[icalendar.Event]:
    """The VEVENT of the event, then one per occurrence changed on its own (RECURRENCE-ID).

    With the subscriber's invitation, each VEVENT names the organiser and the subscriber's answer.
    """
    all_day = event.details.all_day
    main = _vevent(
        event, start=event.start, end=event.end, all_day=all_day, title=event.title, description=event.description
    )
    if invitation is not None:
        _add_invitation(main, event, invitation)
    if event.rule is None:
        return [main]
    main.add("rrule", _rrule(event, all_day))
    persisted = list(event.occurrence_set.all())
    cancelled = sorted(_when(o.original_start, all_day) for o in persisted if o.cancelled)
    if cancelled:
        main.add("exdate", cancelled)
    components = [main]
    for occurrence in sorted(persisted, key=lambda o: o.original_start):
        if occurrence.cancelled:
            continue
        override = _vevent(
            event,
            start=occurrence.start,
            end=occurrence.end,
            all_day=all_day,
            title=occurrence.title or event.title,
            description=occurrence.description,
        )
        override.add("recurrence-id", _when(occurrence.original_start, all_day))
        if invitation is not None:
            _add_invitation(override, event, invitation)
        components.append(override)
    return components


def calendar_ics(*, name: str, events: list[Event], invitations: dict | None = None) -> bytes:
    """A whole VCALENDAR of these events (fetched with their rule, details and persisted occurrences).

    `invitations` maps event ids to the subscriber's own invitations ("my agenda").
    """
    invitations = invitations or {}
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", get_default_timezone().key)
    calendar.add_component(platform_timezone())
    for event in events:
        for component in event_components(event, invitations.get(event.pk)):
            calendar.add_component(component)
    return calendar.to_ical()
