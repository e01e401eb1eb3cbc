"""Event categories: chosen on the form, filtered in the list, written in the feeds and read back on import."""

import icalendar
import pytest
from schedule.models import Event

from agenda import ical, selectors
from agenda.imports import calendar_import_ics
from agenda.models import EventCategory
from tests.agenda.factories import event, paris

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Conseil municipal",
    "category": "council",
    "start": "2027-01-05T18:00",
    "end": "2027-01-05T20:00",
}


def test_the_form_saves_the_category_and_the_list_filters_on_it(client, calendar, editor):
    """The council chosen on the form is shown on the event page; ?categorie= keeps only the councils."""
    event(calendar, user=editor, title="Réunion de chantier", category=EventCategory.MEETING)
    client.force_login(editor)

    client.post(f"/agenda/calendrier/{calendar.pk}/nouvel-evenement/", FORM)

    council = Event.objects.get(title="Conseil municipal")
    assert council.details.category == EventCategory.COUNCIL
    assert "Conseil" in client.get(f"/agenda/evenement/{council.pk}/").content.decode()
    listed = client.get(f"/agenda/calendrier/{calendar.pk}/?debut=2027-01-01&categorie=council").content.decode()
    assert "Conseil municipal" in listed and "Réunion de chantier" not in listed
    unfiltered = client.get(f"/agenda/calendrier/{calendar.pk}/?debut=2027-01-01").content.decode()
    assert "Conseil municipal" in unfiltered and "Réunion de chantier" in unfiltered


def test_the_category_goes_out_in_the_feed_and_comes_back_on_import(calendar, editor, commune):
    """CATEGORIES holds the French category then the organisation; importing the feed keeps the category."""
    training = event(calendar, user=editor, title="Formation au logiciel", category=EventCategory.TRAINING)
    content = ical.calendar_ics(name="Jargeau", events=selectors.feed_events(calendars=[calendar]))
    vevent = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert [str(value) for value in vevent["CATEGORIES"].cats] == ["Formation", "Jargeau"]
    training.delete()  # the same UID would be skipped as already in an agenda

    report = calendar_import_ics(calendar=calendar, organisation=commune, user=editor, content=content)

    assert report.imported == ["Formation au logiciel"]
    assert Event.objects.get(title="Formation au logiciel").details.category == EventCategory.TRAINING


def test_an_unknown_category_of_an_imported_event_becomes_other(calendar, editor, commune):
    content = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Ailleurs//FR\r
BEGIN:VEVENT\r
UID:brocante@ailleurs.example\r
DTSTAMP:20261201T100000Z\r
DTSTART;TZID=Europe/Paris:20270105T180000\r
DTEND;TZID=Europe/Paris:20270105T200000\r
CATEGORIES:Brocante,Association\r
SUMMARY:Brocante\r
END:VEVENT\r
END:VCALENDAR\r
"""
    calendar_import_ics(calendar=calendar, organisation=commune, user=editor, content=content)

    imported = Event.objects.get(title="Brocante")
    assert imported.details.category == EventCategory.OTHER and imported.start == paris(2027, 1, 5, 18)
