"""Import of an iCalendar file into a calendar: all or nothing for the file, with a report per event.

A file that is not iCalendar, too large or holding too many events is refused whole with a French
message. Otherwise each VEVENT goes through `services.event_create` like a typed one; those it refuses,
and what the agenda cannot hold (rules with BYDAY lists, hourly repetitions...), are listed as skipped.
A repetition without an end is kept for one year. Imported events keep their UID, so a second import of
the same file into the same calendar skips them; a UID another calendar holds gets a suffix of this calendar.
A file not in UTF-8 is read as Windows-1252.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import icalendar
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.timezone import get_default_timezone
from django.utils.translation import gettext as _

from extranet.core.text_files import text_decode

from . import services
from .models import EventCategory, EventDetails

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
UNSUPPORTED_RULE_PARTS = {"BYSETPOS", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYHOUR", "BYMINUTE", "BYSECOND"}


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Skip(Exception):
    """This event cannot be imported; the message says why, in French."""


def _aware(value) -> tuple[datetime, bool]:
    """An iCalendar DTSTART/DTEND value as an aware datetime, and whether it was a date (all day)."""
    if isinstance(value, datetime):
        return (value.replace(tzinfo=get_default_timezone()) if timezone.is_naive(value) else value), False
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=get_default_timezone()), True
    raise Skip(_("its dates cannot be read"))


def _recurrence(vevent, start: datetime, report: ImportReport, title: str) -> services.Recurrence | None:
    rule = vevent.get("RRULE")
    if rule is None:
        return None
    frequency = (rule.get("FREQ") or [""])[0]
    if frequency not in services.FREQUENCIES:
        raise Skip(_("its repetition is not supported"))
    local = start.astimezone(get_default_timezone())
    by_day = [str(day).upper() for day in rule.get("BYDAY", [])]
    by_month = [int(month) for month in rule.get("BYMONTH", [])]
    if (
        UNSUPPORTED_RULE_PARTS & set(rule)
        or by_day not in ([], [WEEKDAYS[local.weekday()]])
        or (by_day and frequency != "WEEKLY")
        or by_month not in ([], [local.month])
    ):
        # The agenda repeats an event on its own weekday, day of the month or date, nothing finer.
        raise Skip(_("its repetition is not supported"))
    interval = int((rule.get("INTERVAL") or [1])[0])
    count = int(rule["COUNT"][0]) if rule.get("COUNT") else None
    until = None
    if rule.get("UNTIL"):
        value = rule["UNTIL"][0]
        until = value.astimezone(get_default_timezone()) if isinstance(value, datetime) and value.tzinfo else value
        until = until.date() if isinstance(until, datetime) else until
    if count is None and until is None:
        until = start.astimezone(get_default_timezone()).date() + timedelta(days=365)
        report.notes.append(_("“%(title)s” repeated without end: kept for one year.") % {"title": title})
    return services.Recurrence(frequency=frequency, interval=interval, until=until, count=count)


def _category_names() -> dict[str, str]:
    """Each category's code and label, in every language of the site, lowercase, to its code."""
    names = {}
    for code, _label in settings.LANGUAGES:
        with translation.override(code):
            names.update({str(category.label).lower(): category.value for category in EventCategory})
    names.update({category.value: category.value for category in EventCategory})
    return names


def _category(vevent, names: dict[str, str]) -> str:
    """The first of the VEVENT's CATEGORIES the agenda knows (as our feeds write them), "other" otherwise."""
    lines = vevent.get("CATEGORIES") or []
    for line in lines if isinstance(lines, list) else [lines]:
        for value in getattr(line, "cats", []):
            code = names.get(str(value).strip().lower())
            if code:
                return code
    return EventCategory.OTHER


def _uid_in_calendar(*, uid: str, calendar) -> str:
    """The UID the imported event gets: its own, or one of its own in this calendar when another calendar already
    holds it (the same file imported by two organisations); Skip if this calendar has it already.

    Another calendar's event is never named: it may be another organisation's private one.
    """
    if not uid:
        return ""
    suffix = f"/{calendar.pk}"
    local = uid[: 255 - len(suffix)] + suffix
    holders = dict(EventDetails.objects.filter(uid__in=[uid, local]).values_list("uid", "event__calendar__agenda"))
    if calendar.pk in holders.values():
        raise Skip(_("it is already in this calendar"))
    return local if uid in holders else uid


def _import_one(vevent, *, calendar, organisation, user, report: ImportReport, categories: dict[str, str]) -> None:
    title = str(vevent.get("SUMMARY") or "").strip()
    uid = str(vevent.get("UID") or "").strip()[:255]
    if "RECURRENCE-ID" in vevent:
        raise Skip(_("it changes one occurrence of another event"))
    uid = _uid_in_calendar(uid=uid, calendar=calendar)
    if "DTSTART" not in vevent:
        raise Skip(_("it has no start"))
    start, all_day = _aware(vevent.decoded("DTSTART"))
    if not services.FIRST_YEAR <= start.year <= services.LAST_YEAR:
        raise Skip(services.out_of_range_message())
    if "DTEND" in vevent:
        end, _ignored = _aware(vevent.decoded("DTEND"))
    elif "DURATION" in vevent:
        end = start + vevent.decoded("DURATION")
    else:
        end = start + (timedelta(days=1) if all_day else timedelta(hours=1))
    if all_day:
        end = max(end - timedelta(days=1), start)  # event_create takes the last day, iCalendar the day after
    try:
        event = services.event_create(
            calendar=calendar,
            organisation=organisation,
            user=user,
            title=title,
            start=start,
            end=end,
            all_day=all_day,
            description=str(vevent.get("DESCRIPTION") or ""),
            place=str(vevent.get("LOCATION") or ""),
            recurrence=_recurrence(vevent, start, report, title),
            category=_category(vevent, categories),
            uid=uid,
        )
    except ValidationError as error:
        raise Skip(" ".join(error.messages)) from None
    exdates = vevent.get("EXDATE") or []
    for item in exdates if isinstance(exdates, list) else [exdates]:
        for exdate in item.dts:
            original, _ignored = _aware(exdate.dt)
            try:
                services.occurrence_cancel(event=event, original_start=original, user=user)
            except ValidationError:
                continue  # an EXDATE that matches no occurrence changes nothing
    report.imported.append(title)


def import_check_size(*, size: int) -> None:
    """Refuse a file larger than AGENDA_IMPORT_MAX_BYTES (before reading it, for uploads)."""
    if size > settings.AGENDA_IMPORT_MAX_BYTES:
        raise ValidationError(
            _("This file is too large (%(max)s MB at most).")
            % {"max": settings.AGENDA_IMPORT_MAX_BYTES // (1024 * 1024)},
            code="too_large",
        )


def _too_many(count: int) -> ValidationError:
    return ValidationError(
        _("This file holds %(count)s events; an import takes %(max)s at most. Split it or export a shorter period.")
        % {"count": count, "max": settings.AGENDA_IMPORT_MAX_EVENTS},
        code="too_many",
    )


def calendar_import_ics(*, calendar, organisation, user, content: bytes) -> ImportReport:
    """Import the file's events into the calendar; refuse the whole file if it is not a usable calendar."""
    import_check_size(size=len(content))
    # Counted before parsing, so that a huge file costs no parsing time.
    if content.count(b"BEGIN:VEVENT") > settings.AGENDA_IMPORT_MAX_EVENTS:
        raise _too_many(content.count(b"BEGIN:VEVENT"))
    try:
        parsed = icalendar.Calendar.from_ical(text_decode(content) or "")
        vevents = list(parsed.walk("VEVENT"))
    except (ValueError, KeyError, IndexError, TypeError):
        raise ValidationError(_("This file is not a valid iCalendar (.ics) file."), code="garbage") from None
    if not vevents:
        raise ValidationError(_("This file holds no event."), code="empty")
    if len(vevents) > settings.AGENDA_IMPORT_MAX_EVENTS:
        raise _too_many(len(vevents))
    report = ImportReport()
    categories = _category_names()
    with transaction.atomic():
        for vevent in vevents:
            title = str(vevent.get("SUMMARY") or "").strip() or _("(untitled)")
            try:
                with transaction.atomic():
                    _import_one(
                        vevent,
                        calendar=calendar,
                        organisation=organisation,
                        user=user,
                        report=report,
                        categories=categories,
                    )
            except Skip as reason:
                report.skipped.append((title, str(reason)))
            except (ValueError, TypeError, KeyError, OverflowError):
                report.skipped.append((title, _("some of its data cannot be read (dates, repetition)")))
    return report
