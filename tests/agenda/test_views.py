"""What members see and do in the agenda pages: create, read in month, week and list, change one occurrence."""

from datetime import UTC

import pytest
from schedule.models import Event

from agenda import services
from tests.agenda.factories import PARIS, event, paris

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Conseil municipal",
    "start": "2027-03-23T18:00",
    "end": "2027-03-23T20:00",
    "place": "Salle du conseil, mairie de Jargeau",
    "frequency": "WEEKLY",
    "interval": "1",
    "count": "4",
}


def test_editor_creates_a_weekly_meeting_across_the_spring_change(client, calendar, editor):
    """The form's times are Paris times: the four meetings around 28 March are all at 18:00."""
    client.force_login(editor)

    response = client.post(f"/agenda/calendrier/{calendar.pk}/nouvel-evenement/", FORM)

    created = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/agenda/evenement/{created.pk}/"
    assert created.start == paris(2027, 3, 23, 18)
    page = client.get(f"/agenda/calendrier/{calendar.pk}/semaine/2027/3/30/").content.decode()
    assert "Conseil municipal" in page and "18:00" in page and "19:00" not in page


def test_end_before_start_is_shown_in_french_on_the_form(client, calendar, editor):
    """The service's refusal comes back on the form, in French, and nothing is saved."""
    client.force_login(editor)

    response = client.post(f"/agenda/calendrier/{calendar.pk}/nouvel-evenement/", {**FORM, "end": "2027-03-23T17:00"})

    assert response.status_code == 200
    assert "La fin doit venir après le début." in response.content.decode()
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("start", "end"), [("0001-01-01T00:00", "0001-01-01T01:00"), ("9999-12-31T10:00", "9999-12-31T11:00")]
)
def test_a_mistyped_year_is_refused_in_french_with_what_was_typed(client, calendar, editor, start, end):
    """Year 1 or 9999 gets the accepted range beside the form, keeping the title, instead of an error page."""
    client.force_login(editor)

    response = client.post(f"/agenda/calendrier/{calendar.pk}/nouvel-evenement/", {**FORM, "start": start, "end": end})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Choisissez des dates entre 1900 et 2100." in page and FORM["title"] in page
    assert not Event.objects.exists()


def test_endless_repetition_is_refused_on_the_form(client, calendar, editor):
    client.force_login(editor)

    response = client.post(f"/agenda/calendrier/{calendar.pk}/nouvel-evenement/", {**FORM, "count": ""})

    assert "Un événement répété doit avoir une fin" in response.content.decode()
    assert not Event.objects.exists()


def test_create_a_meeting_room_button_fills_the_link(client, calendar, editor, settings):
    """Without JavaScript, the button redisplays the form with a new room address and saves nothing."""
    settings.VISIO_BASE_URL = "https://visio.example.fr"
    client.force_login(editor)

    response = client.post(f"/agenda/calendrier/{calendar.pk}/nouvel-evenement/", {**FORM, "create_room": "1"})

    page = response.content.decode()
    assert response.status_code == 200 and "https://visio.example.fr/Territoires-" in page
    assert not Event.objects.exists()


def test_month_week_and_list_show_the_meeting_in_paris_time(client, meeting, member):
    """The July meeting shows at 18:00 in the month, the week and the list."""
    client.force_login(member)
    calendar_id = meeting.calendar.agenda.pk
    for url in (
        f"/agenda/calendrier/{calendar_id}/mois/2027/7/",
        f"/agenda/calendrier/{calendar_id}/semaine/2027/7/6/",
        f"/agenda/calendrier/{calendar_id}/?debut=2027-07-01",
        "/agenda/mois/2027/7/",
    ):
        page = client.get(url).content.decode()
        assert "Réunion du bureau" in page and "18:00" in page, url


def test_a_week_runs_from_monday_to_sunday(client, member):
    """The week of Monday 22 March 2027 is the 22nd to the 28th, as in the month grid, not Sunday to Saturday."""
    client.force_login(member)

    page = client.get("/agenda/semaine/2027/3/24/").content.decode()

    assert "Semaine du 22 mars au 28 mars 2027" in page


@pytest.mark.parametrize("url", ["/agenda/mois/99999999999999999999/1/", "/agenda/semaine/2026/12/99999999999999/"])
def test_absurd_dates_in_the_address_answer_404(client, member, url):
    """A number too large for a date is a missing page, not an error page."""
    client.force_login(member)

    assert client.get(url).status_code == 404


def test_month_grid_reads_out_days_and_marks_all_day_online_and_moved(client, meeting, calendar, editor, member):
    """A month cell names its day in full; its lines say all day, online, moved, with their Paris times."""
    event(calendar, user=editor, title="Forum", start=paris(2027, 1, 9), end=paris(2027, 1, 10), all_day=True)
    event(calendar, user=editor, title="Visio", start=paris(2027, 1, 7, 9), visio_url="https://visio.example.fr/a")
    services.occurrence_update(
        event=meeting,
        original_start=paris(2027, 1, 12, 18),
        user=editor,
        title="Bureau",
        start=paris(2027, 1, 14, 20),
        end=paris(2027, 1, 14, 21),
    )
    client.force_login(member)

    page = client.get(f"/agenda/calendrier/{calendar.pk}/mois/2027/1/").content.decode()

    assert '<abbr title="mardi">mar</abbr>' in page and "jeudi 14 janvier" in page
    assert '<time class="agenda-time" datetime="2027-01-14T20:00:00+01:00">20:00</time>' in page
    assert "Toute la journée" in page and "· en visio" in page and "· déplacée" in page


def test_month_view_links_to_previous_and_next_months(client, calendar, member):
    client.force_login(member)

    page = client.get(f"/agenda/calendrier/{calendar.pk}/mois/2027/1/").content.decode()

    assert f"/agenda/calendrier/{calendar.pk}/mois/2026/12/" in page
    assert f"/agenda/calendrier/{calendar.pk}/mois/2027/2/" in page
    assert 'aria-current="page"' in page


def test_impossible_dates_answer_404(client, calendar, member):
    client.force_login(member)

    assert client.get(f"/agenda/calendrier/{calendar.pk}/mois/2027/13/").status_code == 404
    assert client.get(f"/agenda/calendrier/{calendar.pk}/semaine/2027/2/30/").status_code == 404
    assert client.get(f"/agenda/calendrier/{calendar.pk}/mois/9999/12/").status_code == 404
    assert client.get(f"/agenda/calendrier/{calendar.pk}/?debut=9999-12-31").status_code == 200


def test_editor_cancels_then_restores_one_occurrence(client, meeting, editor):
    """The cancelled Tuesday leaves the list; restoring brings it back."""
    client.force_login(editor)
    stamp = int(paris(2027, 1, 12, 18).timestamp())
    list_url = f"/agenda/calendrier/{meeting.calendar.agenda.pk}/?debut=2027-01-10"

    client.post(f"/agenda/evenement/{meeting.pk}/occurrence/{stamp}/annuler/")
    assert "12 janvier 2027" not in client.get(list_url).content.decode()

    client.post(f"/agenda/evenement/{meeting.pk}/occurrence/{stamp}/retablir/")
    assert "12 janvier 2027" in client.get(list_url).content.decode()


def test_editor_moves_one_occurrence(client, meeting, editor):
    """One meeting moved to Thursday 20:00 shows there; the series stays on Tuesdays."""
    client.force_login(editor)
    stamp = int(paris(2027, 1, 12, 18).timestamp())

    response = client.post(
        f"/agenda/evenement/{meeting.pk}/occurrence/{stamp}/",
        {"title": "Réunion du bureau", "start": "2027-01-14T20:00", "end": "2027-01-14T21:00"},
    )

    assert response.status_code == 302
    moved = meeting.occurrence_set.get()
    assert moved.start.astimezone(PARIS) == paris(2027, 1, 14, 20)
    page = client.get(f"/agenda/calendrier/{meeting.calendar.agenda.pk}/semaine/2027/1/11/").content.decode()
    assert "20:00" in page


def test_editor_changes_and_deletes_an_event(client, calendar, editor):
    client.force_login(editor)
    created = event(calendar, user=editor)

    client.post(f"/agenda/evenement/{created.pk}/modifier/", {**FORM, "title": "Conseil reporté", "frequency": ""})
    created.refresh_from_db()
    assert created.title == "Conseil reporté" and created.details.sequence == 1

    client.post(f"/agenda/evenement/{created.pk}/supprimer/")
    assert not Event.objects.exists()


def test_pages_load_nothing_from_elsewhere(client, meeting, editor):
    """No CDN: every script and stylesheet of the agenda pages is the site's own."""
    client.force_login(editor)
    for url in (f"/agenda/calendrier/{meeting.calendar.agenda.pk}/mois/2027/1/", f"/agenda/evenement/{meeting.pk}/"):
        page = client.get(url).content.decode()
        assert "cdn" not in page.lower() and 'src="http' not in page and 'href="//' not in page


@pytest.mark.parametrize("path", ["/agenda/", "/agenda/semaine/2027/1/4/", "/agenda/mois/2027/1/"])
def test_a_visitor_sees_the_public_agenda_not_my_agenda(client, member, path):
    """Without an account the agenda is titled "Agenda public" and lists "Tous les agendas"; a member's is theirs."""
    visitor = client.get(path, follow=True).content.decode()
    client.force_login(member)
    own = client.get(path, follow=True).content.decode()

    assert "Agenda public" in visitor and "Tous les agendas" in visitor and "Mon agenda" not in visitor
    assert "Mon agenda" in own and "Tous mes agendas" in own


def test_the_repeated_autumn_hour_is_read_as_its_first_occurrence(client, calendar, editor):
    """02:30 on 31 October 2027 exists twice: the event is saved at the first, summer-time one."""
    client.force_login(editor)
    form = {**FORM, "start": "2027-10-31T02:30", "end": "2027-10-31T03:30"}

    response = client.post(f"/agenda/calendrier/{calendar.pk}/nouvel-evenement/", form)

    created = Event.objects.get()
    assert response.status_code == 302
    assert created.start.astimezone(UTC).hour == 0 and created.start.astimezone(UTC).minute == 30


def test_the_skipped_spring_hour_is_refused_with_the_time_to_type(client, calendar, editor):
    """02:30 on 28 March 2027 does not exist: the form says so in French and proposes 03:30, keeping the title."""
    client.force_login(editor)
    form = {**FORM, "start": "2027-03-28T02:30", "end": "2027-03-28T04:00"}

    page = client.post(f"/agenda/calendrier/{calendar.pk}/nouvel-evenement/", form).content.decode()

    assert "02:30 n&#x27;existe pas le 28 mars 2027 : cette nuit-là, on avance les horloges d&#x27;une heure." in page
    assert "Saisissez 03:30." in page and FORM["title"] in page
    assert not Event.objects.exists()
