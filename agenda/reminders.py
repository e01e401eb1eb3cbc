"""Reminder e-mails the day before: one per occurrence and person, for those who said they would come.

Invitees who answered yes or maybe, and the registered participants of a training session, get an e-mail
through the task queue for each occurrence starting on the given day (the platform's zone; recurrences expanded by
the selectors, cancelled occurrences left out, moved ones at their new time). A `ReminderSent` row per
occurrence and person makes a second run send nothing twice.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.timezone import get_default_timezone

from extranet.core.services import email_enqueue

from . import selectors
from .models import AgendaCalendar, Answer, EventInvitation, ReminderSent
from .services import local_midnight
from .training.models import Registration, RegistrationStatus


def _recipients(event_ids: list[int]) -> dict[int, dict]:
    """The people to remind of each event, by event id then user id (two queries)."""
    recipients = {event_id: {} for event_id in event_ids}
    invitations = EventInvitation.objects.filter(
        event_id__in=event_ids, answer__in=[Answer.YES, Answer.MAYBE], user__is_active=True
    ).select_related("user")
    for invitation in invitations:
        recipients[invitation.event_id][invitation.user_id] = invitation.user
    registrations = Registration.objects.filter(
        session__event_id__in=event_ids, status=RegistrationStatus.REGISTERED, user__is_active=True
    ).select_related("user", "session")
    for registration in registrations:
        recipients[registration.session.event_id][registration.user_id] = registration.user
    return recipients


def _reminder_email(*, occurrence, user, days_ahead: int) -> None:
    event = occurrence.event
    email_enqueue(
        to=user.email,
        template="agenda/email/reminder",
        language=getattr(user, "preferred_language", None),
        context={
            "title": occurrence.title or event.title,
            "start": occurrence.start.astimezone(get_default_timezone()),
            "all_day": event.details.all_day,
            "place": event.details.place,
            "visio_url": event.details.visio_url,
            "organisation_name": event.details.organisation.name,
            "days_ahead": days_ahead,
            "url": settings.SITE_URL.rstrip("/") + reverse("agenda:event", args=[event.pk]),
        },
    )


def reminders_send(*, day: date) -> int:
    """E-mail a reminder of each occurrence starting on `day` to whom it concerns; returns how many were queued."""
    # Said "tomorrow" or "today" only when it is so: the command also reminds of a given day.
    days_ahead = (day - timezone.localdate(timezone=get_default_timezone())).days
    start = local_midnight(day)
    end = local_midnight(day + timedelta(days=1))
    events = selectors.events_for_period(calendars=AgendaCalendar.objects.all(), start=start, end=end)
    prefetch_related_objects(events, "details__organisation")
    occurrences = [
        occurrence
        for occurrence in selectors.occurrences_between(events=events, start=start, end=end)
        if start <= occurrence.start < end
    ]
    recipients = _recipients(sorted({occurrence.event_id for occurrence in occurrences}))
    already = set(
        ReminderSent.objects.filter(
            event_id__in=list(recipients), occurrence_start__gte=start, occurrence_start__lt=end
        ).values_list("event_id", "occurrence_start", "user_id")
    )
    sent = 0
    for occurrence in occurrences:
        for user_id, user in recipients[occurrence.event_id].items():
            if (occurrence.event_id, occurrence.start, user_id) in already:
                continue
            try:
                # The database queue writes the task in this transaction: the mark and the e-mail go together.
                with transaction.atomic():
                    ReminderSent.objects.create(
                        event_id=occurrence.event_id, occurrence_start=occurrence.start, user=user
                    )
                    _reminder_email(occurrence=occurrence, user=user, days_ahead=days_ahead)
            except IntegrityError:
                continue  # another run sent this one meanwhile
            sent += 1
    return sent
