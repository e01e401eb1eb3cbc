"""Builders of the agenda tests: calendars and events made through the services, times in Paris."""

from datetime import datetime
from zoneinfo import ZoneInfo

from agenda import services
from agenda.models import AgendaCalendar

# The test settings' TIME_ZONE: the tests' times and summer-time changes are Paris's.
PARIS = ZoneInfo("Europe/Paris")


def paris(year, month, day, hour=0, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


def private_calendar(organisation) -> AgendaCalendar:
    return AgendaCalendar.objects.select_related("calendar").get(organisation=organisation, kind="private")


def public_calendar() -> AgendaCalendar:
    return AgendaCalendar.objects.select_related("calendar").get(kind="public")


def shared_calendar() -> AgendaCalendar:
    return AgendaCalendar.objects.select_related("calendar").filter(kind="shared").first()


def event(calendar, *, organisation=None, user=None, title="Conseil municipal", start=None, end=None, **fields):
    """An event through the service; by default a one-hour meeting on 5 January 2027 at 18:00."""
    start = start or paris(2027, 1, 5, 18)
    return services.event_create(
        calendar=calendar,
        organisation=organisation or calendar.organisation,
        user=user,
        title=title,
        start=start,
        end=end or start.replace(hour=start.hour + 1),
        **fields,
    )


def weekly(calendar, *, count=52, **fields):
    """A weekly meeting at 18:00 from Tuesday 5 January 2027, `count` times."""
    return event(calendar, recurrence=services.Recurrence(frequency="WEEKLY", count=count), **fields)
