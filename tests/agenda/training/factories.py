"""Builders of the training tests: sessions made through the service, a month from now."""

from datetime import timedelta

from django.utils import timezone

from agenda.training import services


def session(calendar, *, user, trainer=None, capacity=2, deadline=None, title="Initiation au RGPD", **fields):
    """A one-day session in 30 days, through the service; registrations close the day before by default."""
    start = (timezone.now() + timedelta(days=30)).replace(microsecond=0)
    return services.session_create(
        calendar=calendar,
        organisation=calendar.organisation or fields.pop("organisation"),
        user=user,
        trainer=trainer or user,
        capacity=capacity,
        registration_deadline=deadline or start - timedelta(days=1),
        title=title,
        start=start,
        end=start + timedelta(hours=7),
        **fields,
    )


def register(session, user, organisation):
    return services.registration_create(session=session, user=user, organisation=organisation, registered_by=user)
