"""The demo agendas: recurring meetings in private, shared and public calendars, created once."""

from io import StringIO

import pytest
from django.core.management import call_command
from schedule.models import Event, Occurrence

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_recurring_meetings_once(settings):
    """seed_demo creates five recurring events, one in each kind of calendar at least; a second run adds nothing."""
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())

    events = Event.objects.select_related("calendar__agenda", "rule")
    assert events.count() == 5 and all(event.rule_id for event in events)
    assert {event.calendar.agenda.kind for event in events} == {"private", "shared", "public"}
    assert Occurrence.objects.filter(cancelled=True).count() == 3
    assert events.get(title="Conseil municipal").calendar.agenda.organisation.slug == "jargeau"

    call_command("seed_demo", stdout=StringIO())
    assert Event.objects.count() == 5
