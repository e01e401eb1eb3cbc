"""Taking attendance on the day: one-tap marking, its rules, the CSV export and who may reach each page."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from agenda.training.attendance import registration_mark_attendance
from agenda.training.models import Registration, RegistrationStatus
from tests.accounts.factories import UserFactory
from tests.agenda.training.running.factories import registration, training_session
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db

NAMES = ["attendance", "attendance_csv", "attendance_pdf", "feedback_results", "feedback"]


def url(name, session, *args):
    return reverse(f"agenda:training:{name}", args=[session.pk, *args])


def test_the_trainer_marks_a_participant_present_with_one_post(client, trainer, session, absentee):
    """The 'present' button records the presence and brings the trainer back to the same row."""
    row = Registration.objects.get(user=absentee)
    client.force_login(trainer)

    response = client.post(url("attendance", session), {"registration": row.pk, "present": "1"})

    assert response.status_code == 302
    assert response.url.endswith(f"/presences/#registration-{row.pk}")
    row.refresh_from_db()
    assert row.present is True and row.attendance_taken_at is not None
    page = client.get(url("attendance", session)).content.decode()
    assert 'aria-pressed="true"' in page and "Présents : 1 sur 1 personne inscrite." in page


def test_the_page_script_gets_the_new_state_as_json(client, trainer, session, participant):
    """A tap from the enhanced page answers with the row's state and the new count, in French."""
    row = Registration.objects.get(user=participant)
    client.force_login(trainer)

    response = client.post(
        url("attendance", session), {"registration": row.pk, "present": "0"}, HTTP_ACCEPT="application/json"
    )

    assert response.json() == {"present": False, "label": "Absent", "count": "Présents : 0 sur 1 personne inscrite."}


def test_attendance_is_refused_before_the_session_day_and_for_the_waiting_list(commune, trainer):
    """No presence before the first day of the session, nor for someone who had no seat."""
    later = training_session(commune, trainer=trainer, start=timezone.now() + timedelta(days=3))
    waiting = registration(later, UserFactory(), organisation=commune, status=RegistrationStatus.WAITING)
    seated = registration(later, UserFactory(), organisation=commune)

    with pytest.raises(ValidationError, match="inscrits"):
        registration_mark_attendance(registration=waiting, present=True, by=trainer)
    with pytest.raises(ValidationError, match="premier jour"):
        registration_mark_attendance(registration=seated, present=True, by=trainer)
    seated.refresh_from_db()
    assert seated.present is None


def test_a_participant_cannot_take_attendance(client, session, participant, absentee):
    """A participant gets a 404 on the trainer's pages and their post changes nothing."""
    row = Registration.objects.get(user=absentee)
    client.force_login(participant)

    for name in ("attendance", "attendance_csv", "attendance_pdf", "feedback_results"):
        assert client.get(url(name, session)).status_code == 404, name
    assert client.post(url("attendance", session), {"registration": row.pk, "present": "1"}).status_code == 404
    row.refresh_from_db()
    assert row.present is False


def test_an_editor_of_the_organisation_runs_the_session_too(client, editor, session, participant):
    """The organisation's editors take attendance like the trainer."""
    client.force_login(editor)

    assert client.get(url("attendance", session)).status_code == 200


def test_another_organisation_gets_404_everywhere(client, outsider, session, participant):
    """An administrator of Darvoy learns nothing of Jargeau's session, not even that it exists."""
    row = Registration.objects.get(user=participant)
    client.force_login(outsider)

    for name in NAMES:
        assert client.get(url(name, session)).status_code == 404, name
    assert client.get(url("certificate", session, row.pk)).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(client, session, participant):
    """Every page asks to log in first."""
    row = Registration.objects.get(user=participant)

    for path in [url(name, session) for name in NAMES] + [url("certificate", session, row.pk)]:
        response = client.get(path)
        assert response.status_code == 302 and "/connexion/" in response.url, path


def test_the_csv_export_opens_in_french_excel(client, commune, trainer, session, participant, absentee):
    """UTF-8 with a BOM, semicolons, one row per registration with its status and presence; no formula runs."""
    waiting = membership(commune, user=UserFactory(first_name="=1+1", last_name="Dupré")).user
    registration(session, waiting, organisation=commune, status=RegistrationStatus.WAITING)
    client.force_login(trainer)

    response = client.get(url("attendance_csv", session))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["Nom", "Prénom", "Organisation", "Statut", "Présent"],
        ["Bœuf", "Léa", "Jargeau", "Inscrit", "oui"],
        ["Çava", "Noël", "Jargeau", "Inscrit", "non"],
        ["Dupré", "'=1+1", "Jargeau", "En liste d’attente", ""],
    ]


def test_the_attendance_page_costs_the_same_queries_for_3_or_30_people(
    client, commune, trainer, session, django_assert_num_queries
):
    """The list is read in one query, whatever its length."""
    client.force_login(trainer)

    def add(count):
        for _ in range(count):
            registration(session, membership(commune).user, organisation=commune, present=True)

    add(3)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url("attendance", session))
    add(27)
    with django_assert_num_queries(len(few)):
        response = client.get(url("attendance", session))
    assert response.content.decode().count('class="attendance-row"') == 30
