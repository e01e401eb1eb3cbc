"""Moving a session (date, time or place) tells everyone registered or waiting, in their language; nothing else does."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from agenda.training import services
from tests.accounts.factories import UserFactory
from tests.agenda.training.factories import register
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


def update(session, *, user, **changes):
    """Save the session through the service with its current values, but for `changes`."""
    event = session.event
    fields = {
        "title": event.title,
        "start": event.start,
        "end": event.end,
        "place": event.details.place,
        "trainer": session.trainer,
        "capacity": session.capacity,
        "registration_deadline": session.registration_deadline,
        **changes,
    }
    return services.session_update(session=session, user=user, **fields)


@pytest.fixture
def people(session, commune):
    """A registered French speaker, a registered English speaker, one who cancelled and one waiting."""
    users = [membership(commune, user=UserFactory(preferred_language=lang)).user for lang in ("fr", "en", "fr", "fr")]
    registrations = [register(session, user, commune) for user in users]
    services.registration_cancel(registration=registrations[2], by=users[2])
    mail.outbox.clear()
    return users


def test_a_new_date_and_place_are_e_mailed_to_the_registered_and_the_waiting(session, editor, people):
    """Each person registered or waiting gets one e-mail in their language with the new date and place."""
    french, english, cancelled, waiting = people
    start = session.event.start + timedelta(days=7, hours=-8)

    update(session, user=editor, start=start, end=start + timedelta(hours=3), place="Salle du conseil")

    by_person = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_person) == sorted([french.email, english.email, waiting.email])
    to_french = by_person[french.email]
    assert to_french.subject.startswith("Nouvelle date ou nouveau lieu : Initiation au RGPD")
    assert "à laquelle vous êtes inscrit, change de date" in to_french.body
    with override("fr"):
        new_start = date_format(timezone.localtime(start), "l j F Y, H:i")
    assert f"Du {new_start} au " in to_french.body and "Où : Salle du conseil" in to_french.body
    assert "Where: Salle du conseil" in by_person[english.email].body
    assert "pour laquelle vous êtes en liste d’attente" in by_person[waiting.email].body


def test_other_changes_send_nothing(session, editor, people):
    """A new title or prerequisites, same date, time and place: nobody is e-mailed."""
    update(session, user=editor, title="Initiation au RGPD (niveau 1)", prerequisites="Aucun")

    assert mail.outbox == []
