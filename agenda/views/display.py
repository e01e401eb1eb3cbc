"""What the agenda pages print for each occurrence and each day of the month grid, worked out once per request.

Template filters would format the same things again and again: the grid has 42 cells, each with two `date`
filters looking up translated day and month names, and each occurrence four more and an URL reversal.
Times are shown in the platform's time zone; names come from Django's own translated `dates`, as the `date` filter's do.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.urls import reverse
from django.utils.dates import MONTHS, WEEKDAYS, WEEKDAYS_ABBR
from django.utils.timezone import get_default_timezone


@dataclass(frozen=True, slots=True)
class OccurrenceLine:
    """One occurrence as the agenda pages show it; `start` and `end` stay datetimes to place it on its days."""

    start: datetime
    end: datetime
    start_iso: str
    start_time: str
    end_iso: str
    end_time: str
    title: str
    url: str
    all_day: bool
    category: str
    place: str
    online: bool
    moved: bool
    calendar_name: str


# Reversing an address costs as much as the rest of a line: the event addresses come from one reversal per
# request, made with this stand-in id.
_ANY_EVENT_ID = 2_147_483_647


def _event_fields(event, url_pattern: str) -> dict:
    details = event.details
    return {
        "url": url_pattern.replace(str(_ANY_EVENT_ID), str(event.pk)),
        "all_day": details.all_day,
        "category": str(details.get_category_display()),
        "place": details.place,
        "online": bool(details.visio_url),
        "calendar_name": event.calendar.name,
    }


def occurrence_lines(occurrences: list) -> list[OccurrenceLine]:
    """The lines of these occurrences, what they share with their event looked up once per event."""
    url_pattern = reverse("agenda:event", args=[_ANY_EVENT_ID])
    by_event = {}
    lines = []
    zone = get_default_timezone()
    for occurrence in occurrences:
        event = occurrence.event
        if event.pk not in by_event:
            by_event[event.pk] = _event_fields(event, url_pattern)
        start, end = occurrence.start.astimezone(zone), occurrence.end.astimezone(zone)
        lines.append(
            OccurrenceLine(
                start=occurrence.start,
                end=occurrence.end,
                start_iso=start.isoformat(),
                start_time=f"{start:%H:%M}",
                end_iso=end.isoformat(),
                end_time=f"{end:%H:%M}",
                title=occurrence.title,
                moved=occurrence.moved,
                **by_event[event.pk],
            )
        )
    return lines


@dataclass(frozen=True, slots=True)
class GridDay:
    """A cell of the month grid: its date for machines, its number and full name, its classes, its lines."""

    iso: str
    number: int
    label: str
    classes: str
    lines: list


def weekday_names() -> list[tuple[str, str]]:
    """Monday to Sunday, full and abbreviated, in the active language (the `date` filter's "l" and "D")."""
    return [(str(WEEKDAYS[number]), str(WEEKDAYS_ABBR[number])) for number in range(7)]


def month_grid(*, days: list[tuple[date, list]], month: date, today: date) -> list[list[GridDay]]:
    """The weeks of the month grid; days of the neighbouring months are greyed and list nothing."""
    weekdays = [str(WEEKDAYS[number]) for number in range(7)]
    months = {}
    cells = []
    for day, lines in days:
        if day.month not in months:
            months[day.month] = str(MONTHS[day.month])
        outside = day.month != month.month
        classes = "agenda-outside" if outside else ""
        if day == today:
            classes += " agenda-today"
        cells.append(
            GridDay(
                iso=day.isoformat(),
                number=day.day,
                label=f"{weekdays[day.weekday()]} {day.day} {months[day.month]}",
                classes=classes,
                lines=[] if outside else lines,
            )
        )
    return [cells[index : index + 7] for index in range(0, len(cells), 7)]
