"""The iCalendar feeds: what a phone subscribing to them reads, and who may read them."""

from datetime import date

import icalendar
import pytest
import recurring_ical_events

from agenda import selectors, services
from tests.agenda.factories import event, paris, weekly

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_of_events(calendar, meeting, editor):
    """A weekly meeting with one cancelled and one moved occurrence, a monthly one, a daily one, an all-day one."""
    services.occurrence_cancel(event=meeting, original_start=paris(2027, 3, 30, 18), user=editor)
    services.occurrence_update(
        event=meeting,
        original_start=paris(2027, 10, 26, 18),
        user=editor,
        title="Réunion du bureau (jeudi)",
        start=paris(2027, 10, 28, 19),
        end=paris(2027, 10, 28, 21),
    )
    event(
        calendar,
        title="Commission des finances",
        start=paris(2027, 1, 15, 9, 30),
        end=paris(2027, 1, 15, 12),
        recurrence=services.Recurrence(frequency="MONTHLY", until=date(2027, 12, 15)),
    )
    event(
        calendar,
        title="Permanence",
        start=paris(2027, 3, 20, 8),
        end=paris(2027, 3, 20, 9),
        recurrence=services.Recurrence(frequency="DAILY", interval=3, count=10),
    )
    event(
        calendar,
        title="Fête de la commune",
        start=paris(2027, 6, 21),
        end=paris(2027, 6, 21),
        all_day=True,
        recurrence=services.Recurrence(frequency="YEARLY", count=3),
    )
    event(calendar, title="Vœux du maire", start=paris(2027, 1, 8, 18), end=paris(2027, 1, 8, 20))
    return calendar


def feed(client, user, calendar) -> icalendar.Calendar:
    token = services.feed_token_get_or_create(user=user).token
    response = client.get(f"/agenda/flux/{token}/calendrier/{calendar.pk}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def as_utc(value):
    return value.astimezone(paris(2027, 1, 1).tzinfo).isoformat() if hasattr(value, "hour") else value.isoformat()


def test_feed_expands_to_the_occurrences_the_web_view_shows_over_a_year(client, member, year_of_events):
    """Expanded by recurring-ical-events, the feed gives the very occurrences of the agenda pages across 2027."""
    start, end = paris(2027, 1, 1), paris(2028, 1, 1)
    parsed = feed(client, member, year_of_events)

    from_feed = {
        (str(component["SUMMARY"]), as_utc(component.decoded("DTSTART")), as_utc(component.decoded("DTEND")))
        for component in recurring_ical_events.of(parsed).between(start, end)
    }
    events = selectors.events_for_period(calendars=[year_of_events], start=start, end=end)
    from_web = set()
    for occurrence in selectors.occurrences_between(events=events, start=start, end=end):
        if occurrence.event.details.all_day:
            from_web.add((occurrence.title, occurrence.start.date().isoformat(), occurrence.end.date().isoformat()))
        else:
            from_web.add((occurrence.title, as_utc(occurrence.start), as_utc(occurrence.end)))

    assert from_feed == from_web
    assert len(from_web) == 51 + 12 + 10 + 1 + 1
    assert ("Réunion du bureau (jeudi)", as_utc(paris(2027, 10, 28, 19)), as_utc(paris(2027, 10, 28, 21))) in from_feed


def test_feed_writes_timezone_rules_and_identities(client, member, year_of_events, meeting):
    """VTIMEZONE Europe/Paris, unique UIDs with a host, DTSTAMP, RRULE, EXDATE, RECURRENCE-ID and a bumped SEQUENCE."""
    parsed = feed(client, member, year_of_events)
    vevents = list(parsed.walk("VEVENT"))
    meetings = [v for v in vevents if str(v["UID"]) == meeting.details.uid]
    main = next(v for v in meetings if "RECURRENCE-ID" not in v)

    assert [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert all("@" in str(v["UID"]) and "DTSTAMP" in v for v in vevents)
    assert len({str(v["UID"]) for v in vevents}) == 5
    assert main["DTSTART"].params["TZID"] == "Europe/Paris"
    assert main["RRULE"]["FREQ"] == ["WEEKLY"] and main["RRULE"]["COUNT"] == [52]
    assert "EXDATE" in main and main["SEQUENCE"] == 2
    assert len(meetings) == 2


def test_all_day_event_is_written_with_dates(client, member, year_of_events):
    parsed = feed(client, member, year_of_events)
    fete = next(v for v in parsed.walk("VEVENT") if str(v["SUMMARY"]) == "Fête de la commune")

    assert fete.decoded("DTSTART") == date(2027, 6, 21) and fete.decoded("DTEND") == date(2027, 6, 22)


def test_feed_answers_404_to_a_wrong_or_unauthorised_token(client, calendar, meeting, outsider, member):
    """An unknown token, or Darvoy's token on Jargeau's private calendar, gets a 404 without the meeting."""
    outsider_token = services.feed_token_get_or_create(user=outsider).token

    for url in (
        f"/agenda/flux/not-a-token/calendrier/{calendar.pk}.ics",
        f"/agenda/flux/{outsider_token}/calendrier/{calendar.pk}.ics",
        "/agenda/flux/not-a-token/mon-agenda.ics",
    ):
        response = client.get(url)
        assert response.status_code == 404 and "Réunion du bureau" not in response.content.decode()


def test_my_agenda_holds_my_organisations_events_only(client, member, outsider, meeting, other_commune):
    """Jargeau's member sees the meeting in "my agenda"; Darvoy's administrator does not."""
    weekly(other_commune.calendars.get(), title="Conseil de Darvoy", count=3)
    for user, present, absent in ((member, "Réunion du bureau", "Darvoy"), (outsider, "Darvoy", "Réunion du bureau")):
        token = services.feed_token_get_or_create(user=user).token
        content = client.get(f"/agenda/flux/{token}/mon-agenda.ics").content.decode()
        assert present in content and absent not in content


def test_reset_token_cuts_off_the_former_addresses(client, member, calendar):
    """After "change my addresses", the former feed address answers 404 and the page shows the new one."""
    former = services.feed_token_get_or_create(user=member).token
    client.force_login(member)

    client.post("/agenda/abonnement/nouvelle-cle/")

    assert client.get(f"/agenda/flux/{former}/mon-agenda.ics").status_code == 404
    page = client.get("/agenda/abonnement/").content.decode()
    assert former not in page and services.feed_token_get_or_create(user=member).token in page


def test_a_member_who_leaves_stops_reading_the_private_feed(client, commune, member, calendar, meeting):
    """The token stays, but the calendar it named answers 404 once the membership is gone."""
    from extranet.organisations import services as organisation_services
    from extranet.organisations.models import Membership

    token = services.feed_token_get_or_create(user=member).token
    organisation_services.membership_remove(membership=Membership.objects.get(user=member, organisation=commune))

    assert client.get(f"/agenda/flux/{token}/calendrier/{calendar.pk}.ics").status_code == 404
