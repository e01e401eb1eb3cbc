"""Reading the agendas: the agenda list (the default, made for phones), the month and the week, for one
calendar or for every calendar the viewer reads. Times are shown in the platform's time zone."""

from calendar import monthrange
from datetime import date, datetime, timedelta

from django.http import Http404
from django.shortcuts import render
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.timezone import get_default_timezone

from .. import selectors
from ..models import EventCategory
from . import display

LIST_DAYS = 30
# The month grid is cached under a fingerprint of its events (`selectors.calendars_version`): a change shows at
# once, the lifetime only bounds how long an unvisited month stays in the cache.
GRID_CACHE_SECONDS = 24 * 3600


def _scope(request, pk):
    """The calendar of `pk` (404 if the viewer may not read it), or every calendar the viewer reads."""
    if pk is None:
        return None, selectors.calendar_list_for_viewer(user=request.user)
    calendar = selectors.calendar_get_for_viewer(user=request.user, pk=pk)
    return calendar, [calendar]


FIRST_YEAR, LAST_YEAR = 1970, 2100


def _day(year, month, day=1) -> date:
    """The date of the address; Http404 for an impossible one or one outside the years the agenda shows."""
    try:
        value = date(year, month, day)
    except (ValueError, OverflowError):
        raise Http404 from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise Http404
    return value


def _url(calendar, view: str, day: date) -> str:
    """The address of a view (list, month, week) of this calendar, or of every calendar, showing `day`."""
    scope = [calendar.pk] if calendar else []
    prefix = "agenda:calendar" if calendar else "agenda:index"
    if view == "month":
        return reverse(f"{prefix}_month" if calendar else "agenda:month", args=[*scope, day.year, day.month])
    if view == "week":
        return reverse(f"{prefix}_week" if calendar else "agenda:week", args=[*scope, day.year, day.month, day.day])
    return f"{reverse(prefix, args=scope)}?debut={day.isoformat()}"


def _context(request, calendar, calendars, view, *, shown: date, previous: date, next: date):
    today = timezone.now().astimezone(get_default_timezone()).date()
    return {
        "calendar": calendar,
        "calendars": calendars if calendar is None else selectors.calendar_list_for_viewer(user=request.user),
        "view": view,
        "today": today,
        "urls": {
            "list": _url(calendar, "list", shown),
            "month": _url(calendar, "month", shown),
            "week": _url(calendar, "week", shown),
            "previous": _url(calendar, view, previous),
            "next": _url(calendar, view, next),
            "today": _url(calendar, view, today),
        },
    }


def agenda_list(request, pk=None):
    """The coming occurrences, day by day, thirty days from `?debut=` (today by default), of one `?categorie=`."""
    calendar, calendars = _scope(request, pk)
    today = timezone.now().astimezone(get_default_timezone()).date()
    try:
        first = date.fromisoformat(request.GET.get("debut", ""))
    except ValueError:
        first = today
    if not FIRST_YEAR <= first.year <= LAST_YEAR:
        first = today
    start = datetime(first.year, first.month, first.day, tzinfo=get_default_timezone())
    end = start + timedelta(days=LIST_DAYS)
    category = request.GET.get("categorie", "")
    category = category if category in EventCategory.values else ""
    events = selectors.events_for_period(calendars=calendars, start=start, end=end, category=category)
    occurrences = selectors.occurrences_between(events=events, start=start, end=end)
    days = selectors.occurrences_by_day(
        occurrences=display.occurrence_lines(occurrences),
        first_day=first,
        last_day=first + timedelta(days=LIST_DAYS - 1),
    )
    context = _context(
        request,
        calendar,
        calendars,
        "list",
        shown=first,
        previous=first - timedelta(days=LIST_DAYS),
        next=first + timedelta(days=LIST_DAYS),
    )
    if category:
        for name in ("previous", "next", "today"):
            context["urls"][name] += f"&categorie={category}"
    context.update(
        days=[(day, items) for day, items in days if items],
        first=first,
        last=first + timedelta(days=LIST_DAYS - 1),
        categories=EventCategory.choices,
        category=category,
    )
    return render(request, "agenda/list.html", context)


def month_view(request, year, month, pk=None):
    """The month grid; the grid itself comes from the cache while the calendars' events have not changed."""
    calendar, calendars = _scope(request, pk)
    first = _day(year, month)
    last = first.replace(day=monthrange(first.year, first.month)[1])
    context = _context(
        request,
        calendar,
        calendars,
        "month",
        shown=first,
        previous=(first - timedelta(days=1)).replace(day=1),
        next=last + timedelta(days=1),
    )

    def weeks():
        # Called by the template only when its cached grid is missing or stale.
        _, occurrences = selectors.month_of(calendars=calendars, day=first)
        grid_first = first - timedelta(days=first.weekday())
        grid_last = last + timedelta(days=6 - last.weekday())
        days = selectors.occurrences_by_day(
            occurrences=display.occurrence_lines(occurrences), first_day=grid_first, last_day=grid_last
        )
        return display.month_grid(days=days, month=first, today=context["today"])

    context.update(
        month=first,
        weekdays=display.weekday_names(),
        weeks=weeks,
        grid_version=selectors.calendars_version(calendars=calendars),
        grid_seconds=GRID_CACHE_SECONDS,
        script_prefix=get_script_prefix(),
    )
    return render(request, "agenda/month.html", context)


def week_view(request, year, month, day, pk=None):
    calendar, calendars = _scope(request, pk)
    period, occurrences = selectors.week_of(calendars=calendars, day=_day(year, month, day))
    monday = period.start.date()
    days = selectors.occurrences_by_day(
        occurrences=display.occurrence_lines(occurrences), first_day=monday, last_day=monday + timedelta(days=6)
    )
    context = _context(
        request,
        calendar,
        calendars,
        "week",
        shown=monday,
        previous=monday - timedelta(days=7),
        next=monday + timedelta(days=7),
    )
    context.update(days=days, monday=monday, sunday=monday + timedelta(days=6))
    return render(request, "agenda/week.html", context)
