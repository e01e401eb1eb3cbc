"""A platform in an overseas département: times typed, shown and exported in its own zone (`TIME_ZONE`)."""

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.conf import settings as django_settings
from django.utils import translation
from schedule.models import Event

from agenda import invitations, services
from extranet.core.timezones import time_zone_name
from extranet.procurement.pages import OFFERS_DEADLINE_HELP
from tests.agenda.factories import event

pytestmark = pytest.mark.django_db

REUNION = ZoneInfo("Indian/Reunion")
FORM = {
    "title": "Conseil municipal",
    "start": "2027-03-23T18:00",
    "end": "2027-03-23T20:00",
    "place": "Salle du conseil",
    "frequency": "",
}


@pytest.fixture
def reunion(settings):
    settings.TIME_ZONE = "Indian/Reunion"


def test_times_typed_in_the_form_are_read_and_shown_in_the_platform_zone(reunion, client, calendar, editor):
    """18:00 typed in Saint-Denis is 14:00 UTC, and the week shows 18:00; the form names the zone in French."""
    client.force_login(editor)

    form_page = client.get(f"/agenda/calendrier/{calendar.pk}/nouvel-evenement/").content.decode()
    client.post(f"/agenda/calendrier/{calendar.pk}/nouvel-evenement/", FORM)

    assert "Les horaires sont en heure de La Réunion." in form_page
    assert Event.objects.get().start == datetime(2027, 3, 23, 14, tzinfo=UTC)
    week = client.get(f"/agenda/calendrier/{calendar.pk}/semaine/2027/3/22/").content.decode()
    assert "18:00" in week and "14:00" not in week and "19:00" not in week


def test_the_month_places_a_late_event_on_its_local_day(reunion, client, calendar, editor):
    """An event from 01:30 to 01:45 on 1 April in Réunion (before midnight in Paris) is in April, not March."""
    start = datetime(2027, 4, 1, 1, 30, tzinfo=REUNION)
    event(calendar, title="Veille du marché", start=start, end=start + timedelta(minutes=15))
    client.force_login(editor)

    april = client.get(f"/agenda/calendrier/{calendar.pk}/mois/2027/4/").content.decode()
    march = client.get(f"/agenda/calendrier/{calendar.pk}/mois/2027/3/").content.decode()

    assert "Veille du marché" in april and "Veille du marché" not in march


def test_the_feed_names_and_defines_the_platform_zone(reunion, client, calendar, editor):
    """The iCalendar feed writes TZID=Indian/Reunion, defined as +04:00 all year, and the meeting at 18:00."""
    created = event(calendar, start=datetime(2027, 7, 6, 18, tzinfo=REUNION))
    token = services.feed_token_get_or_create(user=editor).token

    parsed = icalendar.Calendar.from_ical(client.get(f"/agenda/flux/{token}/calendrier/{calendar.pk}.ics").content)

    (vtimezone,) = parsed.walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == "Indian/Reunion" and str(parsed["X-WR-TIMEZONE"]) == "Indian/Reunion"
    assert {part["TZOFFSETTO"].td for part in vtimezone.subcomponents} == {timedelta(hours=4)}
    (vevent,) = [v for v in parsed.walk("VEVENT") if str(v["UID"]) == created.details.uid]
    assert vevent["DTSTART"].params["TZID"] == "Indian/Reunion"
    assert vevent.decoded("DTSTART").replace(tzinfo=None) == datetime(2027, 7, 6, 18)


def test_invitations_give_the_time_in_the_platform_zone(reunion, calendar, editor, member, mailoutbox):
    """The e-mail says "18:00 (heure de La Réunion)", not the Paris label it had."""
    created = event(calendar, start=datetime(2027, 7, 6, 18, tzinfo=REUNION))

    invitations.event_invite(event=created, inviter=editor, users=[member])

    (sent,) = mailoutbox
    assert "18:00 (heure de La Réunion)" in sent.body and "Paris" not in sent.body


def test_a_zone_without_a_name_here_is_named_by_its_key(settings):
    """Wallis-et-Futuna's zone has no French name in the platform: it reads "heure de Pacific/Wallis"."""
    settings.TIME_ZONE = "Pacific/Wallis"

    with translation.override("fr"):
        assert time_zone_name() == "heure de Pacific/Wallis"


def test_the_procurement_deadline_help_names_the_zone(reunion):
    """The editors of a procurement notice read in which zone the deadline for offers is."""
    with translation.override("fr"):
        assert (
            str(OFFERS_DEADLINE_HELP)
            == "En heure de La Réunion. La consultation est clôturée une fois cette date passée."
        )


def test_an_unknown_zone_stops_the_settings_with_a_clear_message():
    """A mistyped TIME_ZONE stops every command at once, naming the setting, rather than running an hour off."""
    env = {"PATH": "/usr/bin:/bin", "TIME_ZONE": "Europe/Pariss", "DEBUG": "1"}

    result = subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert "TIME_ZONE must be a zone of the tz database, such as Europe/Paris" in result.stderr


def test_editors_are_offered_no_time_zone_of_their_own(admin_client):
    """Wagtail's account settings offer no other zone: editors type times in the platform's zone too."""
    page = admin_client.get("/admin/account/").content.decode()

    assert "current_time_zone" not in page
