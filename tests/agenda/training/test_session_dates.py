"""A new session starts and takes registrations from now on; a past session can still be corrected."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.timezone import get_default_timezone

from agenda.training.models import TrainingSession
from tests.agenda.training.running.factories import training_session

pytestmark = pytest.mark.django_db


def local(value):
    return value.astimezone(get_default_timezone()).strftime("%Y-%m-%dT%H:%M")


def form(editor, *, start, deadline):
    return {
        "title": "Initiation au RGPD",
        "start": local(start),
        "end": local(start + timedelta(hours=3)),
        "registration_deadline": local(deadline),
        "trainer": editor.pk,
        "capacity": "12",
    }


def test_a_new_session_in_the_past_is_refused_on_its_fields(client, calendar, editor):
    """A start and a deadline already past get a French error each, the typed title stays, nothing is created."""
    client.force_login(editor)
    start = timezone.now() - timedelta(days=2)

    response = client.post(
        f"/agenda/formations/calendrier/{calendar.pk}/nouvelle-session/", form(editor, start=start, deadline=start)
    )

    page = response.content.decode()
    assert response.status_code == 200 and "Initiation au RGPD" in page
    assert "Une nouvelle session ne peut pas commencer dans le passé." in page
    assert "La date limite d’inscription est déjà passée : choisissez une date à venir." in page
    assert set(response.context["form"].errors) == {"start", "registration_deadline"}
    assert not TrainingSession.objects.exists()


def test_a_future_session_whose_deadline_has_passed_is_refused(client, calendar, editor):
    """Only the deadline is refused when the session itself is to come."""
    client.force_login(editor)
    start = timezone.now() + timedelta(days=10)

    response = client.post(
        f"/agenda/formations/calendrier/{calendar.pk}/nouvelle-session/",
        form(editor, start=start, deadline=timezone.now() - timedelta(hours=1)),
    )

    assert set(response.context["form"].errors) == {"registration_deadline"}
    assert not TrainingSession.objects.exists()


def test_a_session_under_way_can_still_be_corrected(client, commune, editor):
    """Its trainer fixes the place of a session that began an hour ago: saved, attendance untouched."""
    session = training_session(commune, trainer=editor)
    client.force_login(editor)
    data = {**form(editor, start=session.event.start, deadline=session.registration_deadline), "place": "Salle B"}

    response = client.post(f"/agenda/formations/session/{session.pk}/modifier/", data)

    assert response.status_code == 302
    session.event.details.refresh_from_db()
    assert session.event.details.place == "Salle B"
    assert client.get(f"/agenda/formations/session/{session.pk}/presences/").status_code == 200
