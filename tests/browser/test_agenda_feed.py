"""An agenda in a real browser: an editor creates a weekly meeting through the form, then reads it back from the
personal iCalendar feed given on the subscription page, as a phone would."""

from datetime import datetime

import icalendar
import pytest
from playwright.sync_api import expect

from tests.agenda.factories import PARIS
from tests.organisations.factories import OrganisationFactory, membership

# serialized_rollback: see test_accessibility.py.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_weekly_meeting_made_in_the_form_is_in_the_personal_feed(page, live_server, log_in):
    """The feed holds the meeting once, with its title, its 18:00 Paris start and a weekly RRULE of ten."""
    commune = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")
    editor = membership(commune, role="editor").user
    calendar = commune.calendars.get(kind="private")
    log_in(page, editor)

    page.goto(f"{live_server.url}/agenda/calendrier/{calendar.pk}/nouvel-evenement/")
    page.get_by_label("Titre").fill("Bureau municipal")
    page.locator("[name=start]").fill("2027-03-23T18:00")
    page.locator("[name=end]").fill("2027-03-23T19:30")
    page.locator("[name=frequency]").select_option("WEEKLY")
    page.locator("[name=count]").fill("10")
    page.get_by_role("main").get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bureau municipal")

    page.goto(f"{live_server.url}/agenda/abonnement/")
    feed_url = page.get_by_role("textbox", name="Mon agenda").input_value()
    response = page.request.get(feed_url)

    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    vevents = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    assert [str(vevent["SUMMARY"]) for vevent in vevents] == ["Bureau municipal"]
    rule = vevents[0]["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["COUNT"] == [10] and rule["INTERVAL"] == [1]
    assert vevents[0].decoded("DTSTART") == datetime(2027, 3, 23, 18, tzinfo=PARIS)
