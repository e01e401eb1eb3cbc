"""The demo agendas: recurring meetings in private, shared and public calendars, created once."""

from io import StringIO

import pytest
from django.core.management import call_command
from schedule.models import Event, Occurrence

from agenda.training.models import Registration, TrainingSession

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_recurring_meetings_and_training_sessions_once(settings):
    """seed_demo creates five recurring events, one in each kind of calendar at least, and twelve training
    sessions with registrations, some full with a waiting list; a second run adds nothing."""
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())

    events = Event.objects.filter(training__isnull=True).select_related("calendar__agenda", "rule")
    assert events.count() == 5 and all(event.rule_id for event in events)
    assert {event.calendar.agenda.kind for event in events} == {"private", "shared", "public"}
    assert Occurrence.objects.filter(cancelled=True).count() == 3
    assert events.get(title="Conseil municipal").calendar.agenda.organisation.slug == "jargeau"
    assert TrainingSession.objects.count() == 12
    assert Registration.objects.filter(status="registered").count() >= 30
    assert len(set(Registration.objects.filter(status="waiting").values_list("session", flat=True))) >= 2

    call_command("seed_demo", stdout=StringIO())
    assert events.count() == 5 and TrainingSession.objects.count() == 12
