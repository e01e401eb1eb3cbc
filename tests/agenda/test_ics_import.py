"""Importing an .ics file: a report of what was imported and skipped; garbage or huge files refused whole."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from schedule.models import Event

from agenda import selectors
from tests.agenda.factories import PARIS, paris

pytestmark = pytest.mark.django_db

GOOD = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Ailleurs//FR
BEGIN:VEVENT
UID:conseil-1@ailleurs.example
DTSTAMP:20261201T100000Z
DTSTART;TZID=Europe/Paris:20270105T180000
DTEND;TZID=Europe/Paris:20270105T200000
RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=10
EXDATE;TZID=Europe/Paris:20270112T180000
SUMMARY:Conseil d'école
LOCATION:École Jean-Moulin
END:VEVENT
BEGIN:VEVENT
UID:marche@ailleurs.example
DTSTAMP:20261201T100000Z
DTSTART;VALUE=DATE:20270710
DTEND;VALUE=DATE:20270711
SUMMARY:Marché des producteurs
END:VEVENT
BEGIN:VEVENT
UID:sans-fin@ailleurs.example
DTSTAMP:20261201T100000Z
DTSTART:20270201T090000Z
DTEND:20270201T100000Z
RRULE:FREQ=MONTHLY
SUMMARY:Permanence mensuelle
END:VEVENT
BEGIN:VEVENT
UID:complique@ailleurs.example
DTSTAMP:20261201T100000Z
DTSTART;TZID=Europe/Paris:20270104T100000
DTEND;TZID=Europe/Paris:20270104T110000
RRULE:FREQ=MONTHLY;BYDAY=1MO
SUMMARY:Premier lundi
END:VEVENT
BEGIN:VEVENT
UID:a-l-envers@ailleurs.example
DTSTAMP:20261201T100000Z
DTSTART;TZID=Europe/Paris:20270104T100000
DTEND;TZID=Europe/Paris:20270104T090000
SUMMARY:À l'envers
END:VEVENT
END:VCALENDAR
"""


def upload(client, calendar, content: bytes):
    return client.post(
        f"/agenda/calendrier/{calendar.pk}/importer/",
        {"file": SimpleUploadedFile("agenda.ics", content, content_type="text/calendar")},
    )


def test_import_reports_imported_and_skipped_events(client, calendar, editor):
    """Three events come in (an endless one bounded to a year); the unsupported and the reversed one are listed."""
    client.force_login(editor)

    page = upload(client, calendar, GOOD.encode()).content.decode()

    assert "3 événements importés" in page and "2 événements ignorés" in page
    assert "Premier lundi" in page and "La fin doit venir après le début." in page
    assert "gardée un an" in page or "conservé pendant un an" in page
    meeting = Event.objects.get(title="Conseil d'école")
    occurrences = selectors.occurrences_between(events=[meeting], start=paris(2027, 1, 1), end=paris(2027, 12, 31))
    assert len(occurrences) == 9 and paris(2027, 1, 12, 18) not in [o.start for o in occurrences]
    assert {o.start.astimezone(PARIS).hour for o in occurrences} == {18}
    assert Event.objects.get(title="Marché des producteurs").details.all_day


def test_second_import_of_the_same_file_adds_nothing(client, calendar, editor):
    client.force_login(editor)
    upload(client, calendar, GOOD.encode())

    page = upload(client, calendar, GOOD.encode()).content.decode()

    assert "0 événement importé" in page and Event.objects.count() == 3


def test_garbage_is_refused_in_french_and_saves_nothing(client, calendar, editor):
    client.force_login(editor)

    page = upload(client, calendar, b"\x89PNG\r\n\x1a\n not a calendar at all").content.decode()

    assert "n’est pas un fichier iCalendar" in page
    assert not Event.objects.exists()


def test_ten_thousand_events_are_refused_whole(client, calendar, editor):
    """A file of 10,000 events gets a clear French message; not one event is saved."""
    client.force_login(editor)
    vevents = "".join(
        f"BEGIN:VEVENT\r\nUID:{number}@test.example\r\nDTSTAMP:20261201T100000Z\r\n"
        f"DTSTART:20270101T100000Z\r\nSUMMARY:Événement {number}\r\nEND:VEVENT\r\n"
        for number in range(10_000)
    )
    content = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//FR\r\n{vevents}END:VCALENDAR\r\n".encode()

    page = upload(client, calendar, content).content.decode()

    assert "10000 événements" in page and "2000 au plus" in page
    assert not Event.objects.exists()


def test_only_editors_of_the_calendar_may_import(client, calendar, member, outsider):
    """A plain member and another organisation's administrator get a 404 and import nothing."""
    for user in (member, outsider):
        client.force_login(user)
        assert upload(client, calendar, GOOD.encode()).status_code == 404
    assert not Event.objects.exists()


def test_a_file_another_organisation_imported_comes_in_whole_without_naming_it(client, calendar, editor, other_commune):
    """The same file imported by another commune first: every event comes in, nothing hints at the other calendar;
    a second import here still adds nothing."""
    from agenda.imports import calendar_import_ics
    from tests.agenda.factories import private_calendar
    from tests.organisations.factories import membership

    neighbour = membership(other_commune, role="editor").user
    calendar_import_ics(
        calendar=private_calendar(other_commune), organisation=other_commune, user=neighbour, content=GOOD.encode()
    )
    client.force_login(editor)

    page = upload(client, calendar, GOOD.encode()).content.decode()
    again = upload(client, calendar, GOOD.encode()).content.decode()

    assert "3 événements importés" in page and "déjà" not in page
    assert "0 événement importé" in again and "il est déjà dans cet agenda" in again
    assert Event.objects.filter(calendar=calendar.calendar).count() == 3


def test_a_windows_1252_file_is_read(client, calendar, editor):
    """Accents of a file exported by an older Windows tool come in right, not refused."""
    client.force_login(editor)

    page = upload(client, calendar, GOOD.encode("cp1252")).content.decode()

    assert "3 événements importés" in page
    assert Event.objects.filter(title="Marché des producteurs").exists()


def test_unreadable_dates_are_skipped_in_plain_french(client, calendar, editor):
    """A date the agenda cannot hold (year 9999) or a repetition it cannot read is listed, without Python's words."""
    client.force_login(editor)
    content = GOOD.replace("DTSTART;VALUE=DATE:20270710\nDTEND;VALUE=DATE:20270711", "DTSTART;VALUE=DATE:99991231")
    content = content.replace("RRULE:FREQ=MONTHLY\n", "RRULE:FREQ=MONTHLY;INTERVAL=abc\n")

    response = upload(client, calendar, content.encode())
    page = response.content.decode()

    assert response.status_code == 200
    assert "Choisissez des dates entre 1900 et 2100." in page
    assert "certaines de ses données sont illisibles" in page
    assert "Error" not in page.split("<main")[1]
