"""Builders of the attendance and feedback tests: sessions and registrations made directly with the ORM.

The registration services belong to another part of the feature; these tests only need rows in a given state.
"""

from datetime import timedelta

from django.utils import timezone

from agenda.training.models import Registration, RegistrationStatus, TrainingSession
from tests.agenda.factories import event, private_calendar

TITLE = "Œuvres d'art et élus : réglementation à l'école"


def training_session(organisation, *, trainer, title=TITLE, start=None, hours=3, place="Salle des fêtes", **fields):
    """A session in the organisation's private calendar; by default it began an hour ago and lasts three hours."""
    start = start or timezone.now() - timedelta(hours=1)
    meeting = event(
        private_calendar(organisation),
        organisation=organisation,
        user=trainer,
        title=title,
        start=start,
        end=start + timedelta(hours=hours),
        place=place,
    )
    defaults = {"capacity": 20, "registration_deadline": start - timedelta(days=1)}
    return TrainingSession.objects.create(event=meeting, trainer=trainer, **{**defaults, **fields})


def registration(session, user, *, organisation, status=RegistrationStatus.REGISTERED, present=None):
    return Registration.objects.create(
        session=session,
        user=user,
        organisation=organisation,
        status=status,
        present=present,
        attendance_taken_at=timezone.now() if present is not None else None,
    )
