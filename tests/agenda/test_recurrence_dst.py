"""A weekly 18:00 meeting stays at 18:00 in Paris across both daylight-saving changes."""

from datetime import UTC, datetime, time

from schedule.periods import Period

from agenda import selectors
from tests.agenda.factories import PARIS, paris


def test_weekly_meeting_keeps_its_local_time_all_year(meeting):
    """Every Tuesday of 2027, before and after the March and October changes, starts at 18:00 in Paris."""
    occurrences = selectors.occurrences_between(events=[meeting], start=paris(2027, 1, 1), end=paris(2028, 1, 1))

    assert len(occurrences) == 52
    assert {o.start.astimezone(PARIS).time() for o in occurrences} == {time(18, 0)}
    assert {o.end.astimezone(PARIS).time() for o in occurrences} == {time(19, 0)}
    offsets = {o.start.astimezone(PARIS).utcoffset().total_seconds() / 3600 for o in occurrences}
    assert offsets == {1.0, 2.0}


def test_occurrences_just_before_and_after_each_change(meeting):
    """The Tuesdays around 28 March and 31 October 2027 are at 18:00 local, 17:00 and 16:00 UTC in turn."""
    occurrences = selectors.occurrences_between(events=[meeting], start=paris(2027, 3, 20), end=paris(2027, 11, 5))
    starts = {o.start.astimezone(UTC).replace(tzinfo=None) for o in occurrences}

    assert datetime(2027, 3, 23, 17) in starts and datetime(2027, 3, 30, 16) in starts
    assert datetime(2027, 10, 26, 16) in starts and datetime(2027, 11, 2, 17) in starts


def test_scheduler_default_time_zone_would_shift_the_meeting(meeting):
    """Without our time zone, django-scheduler's UTC default moves the summer meetings to 19:00: why we pass it."""
    utc_period = Period([meeting], datetime(2027, 6, 1, tzinfo=UTC), datetime(2027, 6, 30, tzinfo=UTC))

    assert {o.start.astimezone(PARIS).hour for o in utc_period.occurrences} == {19}
