"""Event writes: bad input gets a clear French message and saves nothing; changes bump the iCalendar SEQUENCE."""

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from schedule.models import Event, Occurrence, Rule

from agenda import selectors, services
from tests.agenda.factories import PARIS, event, paris, private_calendar


def refusal(**kwargs) -> str:
    with translation.override("fr"), pytest.raises(ValidationError) as error:
        event(**kwargs)
    return " ".join(error.value.messages)


def test_end_before_start_is_refused_in_french(calendar):
    """An end before the start is refused with a French message and nothing is saved."""
    message = refusal(calendar=calendar, start=paris(2027, 1, 5, 18), end=paris(2027, 1, 5, 17))

    assert "La fin doit" in message
    assert not Event.objects.exists()


def test_endless_repetition_is_refused(calendar):
    """A repetition with neither a last date nor a number of occurrences is refused; no rule is left behind."""
    message = refusal(calendar=calendar, recurrence=services.Recurrence(frequency="DAILY"))

    assert "fin" in message
    assert not Event.objects.exists() and not Rule.objects.exists()


def test_too_many_occurrences_are_refused(calendar, settings):
    """A daily event over ten years makes more occurrences than allowed."""
    settings.AGENDA_MAX_OCCURRENCES = 100
    message = refusal(calendar=calendar, recurrence=services.Recurrence(frequency="DAILY", until=date(2028, 1, 1)))

    assert "100" in message
    assert not Event.objects.exists()


def test_private_calendar_refuses_another_organisations_event(calendar, other_commune):
    """Darvoy cannot put an event in Jargeau's private calendar, even through the service."""
    message = refusal(calendar=calendar, organisation=other_commune)

    assert "privé" in message


def test_all_day_event_covers_whole_days_in_paris(calendar):
    """An all-day event runs from local midnight to the midnight after its last day."""
    created = event(calendar, start=paris(2027, 7, 14, 10), end=paris(2027, 7, 15, 9), all_day=True)

    assert created.start.astimezone(PARIS) == paris(2027, 7, 14)
    assert created.end.astimezone(PARIS) == paris(2027, 7, 16)


def test_until_includes_the_last_day(calendar):
    """A weekly meeting until Tuesday 26 January has its occurrence on that day."""
    created = event(calendar, recurrence=services.Recurrence(frequency="WEEKLY", until=date(2027, 1, 26)))

    occurrences = selectors.occurrences_between(events=[created], start=paris(2027, 1, 1), end=paris(2027, 12, 31))
    assert [o.start.astimezone(PARIS).day for o in occurrences] == [5, 12, 19, 26]


def test_interval_repeats_every_other_week(calendar):
    """Every two weeks, four times."""
    created = event(calendar, recurrence=services.Recurrence(frequency="WEEKLY", interval=2, count=4))

    occurrences = selectors.occurrences_between(events=[created], start=paris(2027, 1, 1), end=paris(2027, 12, 31))
    assert [o.start.astimezone(PARIS).date() for o in occurrences] == [
        date(2027, 1, 5),
        date(2027, 1, 19),
        date(2027, 2, 2),
        date(2027, 2, 16),
    ]


def test_cancelled_occurrence_disappears_and_bumps_the_sequence(meeting, editor):
    """Cancelling 12 January leaves the other Tuesdays and raises the SEQUENCE."""
    services.occurrence_cancel(event=meeting, original_start=paris(2027, 1, 12, 18), user=editor)

    occurrences = selectors.occurrences_between(events=[meeting], start=paris(2027, 1, 1), end=paris(2027, 1, 31))
    assert [o.start.astimezone(PARIS).day for o in occurrences] == [5, 19, 26]
    meeting.details.refresh_from_db()
    assert meeting.details.sequence == 1


def test_moved_occurrence_shows_at_its_new_time(meeting, editor):
    """One meeting moved to Thursday 20:00 shows there, under its own title."""
    services.occurrence_update(
        event=meeting,
        original_start=paris(2027, 1, 12, 18),
        user=editor,
        title="Réunion du bureau (déplacée)",
        start=paris(2027, 1, 14, 20),
        end=paris(2027, 1, 14, 21),
    )

    occurrences = selectors.occurrences_between(events=[meeting], start=paris(2027, 1, 1), end=paris(2027, 1, 31))
    moved = [o for o in occurrences if o.moved]
    assert len(occurrences) == 4
    assert moved[0].start == paris(2027, 1, 14, 20) and moved[0].title.endswith("(déplacée)")


def test_an_occurrence_that_does_not_exist_is_refused(meeting, editor):
    """Cancelling a Wednesday of a Tuesday meeting is refused and persists nothing."""
    with pytest.raises(ValidationError):
        services.occurrence_cancel(event=meeting, original_start=paris(2027, 1, 13, 18), user=editor)
    assert not Occurrence.objects.exists()


def test_rescheduling_drops_single_changes_and_bumps_the_sequence(meeting, editor):
    """Moving the series to 19:00 brings back a cancelled occurrence; the SEQUENCE goes up each time."""
    services.occurrence_cancel(event=meeting, original_start=paris(2027, 1, 12, 18), user=editor)
    services.event_update(
        event=meeting,
        user=editor,
        title=meeting.title,
        start=paris(2027, 1, 5, 19),
        end=paris(2027, 1, 5, 20),
        recurrence=services.Recurrence(frequency="WEEKLY", count=52),
    )

    occurrences = selectors.occurrences_between(events=[meeting], start=paris(2027, 1, 1), end=paris(2027, 1, 31))
    assert [o.start.astimezone(PARIS).time() for o in occurrences] == [time(19)] * 4
    assert meeting.details.sequence == 2


def test_removing_the_repetition_deletes_its_rule(meeting, editor):
    """A series turned into a single event leaves no scheduler rule behind."""
    services.event_update(
        event=meeting, user=editor, title="Réunion unique", start=paris(2027, 1, 5, 18), end=paris(2027, 1, 5, 19)
    )

    assert not Rule.objects.exists()
    assert meeting.rule is None


def test_deleting_an_event_deletes_its_rule(meeting, editor):
    services.event_delete(event=meeting, user=editor)

    assert not Event.objects.exists() and not Rule.objects.exists()


def test_meeting_room_urls_are_unique_under_the_visio_server(settings):
    """Two rooms never share an address, and both live on the configured server."""
    settings.VISIO_BASE_URL = "https://visio.example.fr/"

    first, second = services.visio_room_url(), services.visio_room_url()

    assert first != second
    assert first.startswith("https://visio.example.fr/Territoires-")


def test_no_meeting_room_without_a_visio_server(settings):
    settings.VISIO_BASE_URL = ""

    with pytest.raises(ValidationError):
        services.visio_room_url()


def test_other_organisations_calendar_is_separate(commune, other_commune):
    """Each organisation's private calendar is its own."""
    assert private_calendar(commune).pk != private_calendar(other_commune).pk
