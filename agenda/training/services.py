"""Writes of the training sessions: a session with its agenda event, registrations, the waiting list.

Seats are counted under a lock on the session's row (`select_for_update`; SQLite takes its write lock when
the transaction begins), so two people registering at once never both take the last seat. A registration
is one row per person and session: cancelling keeps it (with its date), registering again reuses it.
Permissions to read and run a session are checked by the callers through `selectors`; the rules about who
may be registered (audience, organisation, the admin registering a member) are checked here.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.timezone import get_default_timezone
from django.utils.translation import gettext as _

from agenda import services as agenda_services
from agenda.models import EventCategory, EventDetails
from extranet.core.services import email_enqueue
from extranet.notifications.services import notification_send
from extranet.organisations.models import OrganisationKind, Role
from extranet.organisations.selectors import real_organisations, user_roles
from extranet.search.services import search_refresh_later

from .models import Registration, RegistrationStatus, TrainingSession
from .selectors import session_abilities, session_started

MAX_CAPACITY = 1000


def _clean_session(*, user, capacity, audience_roles, audience_kinds, registration_deadline, materials, start) -> dict:
    if capacity is None or not 1 <= capacity <= MAX_CAPACITY:
        raise ValidationError(_("The number of seats must be between 1 and %(max)s.") % {"max": MAX_CAPACITY})
    audience_roles, audience_kinds = sorted(set(audience_roles or ())), sorted(set(audience_kinds or ()))
    if not set(audience_roles) <= set(Role.values) or not set(audience_kinds) <= set(OrganisationKind.values):
        raise ValidationError(_("Choose the audience among the roles and kinds of organisation offered."))
    if registration_deadline is None:
        raise ValidationError(_("Give a registration deadline."))
    if registration_deadline > start:
        raise ValidationError(_("The registration deadline must come before the start of the session."))
    materials = list(materials or ())
    readable = set(user_roles(user=user))
    if any(document.organisation_id not in readable or document.deleted_at for document in materials):
        raise ValidationError(_("The materials must be documents of your organisations' libraries."))
    return {
        "capacity": capacity,
        "audience_roles": audience_roles,
        "audience_kinds": audience_kinds,
        "registration_deadline": registration_deadline,
        "materials": materials,
    }


def _refuse_past(*, event, registration_deadline) -> None:
    now = timezone.now()
    errors = {}
    # An all-day session starts at midnight: one today is not in the past.
    day_start = timezone.localtime(now, get_default_timezone()).replace(hour=0, minute=0, second=0, microsecond=0)
    if event.start < (day_start if event.details.all_day else now):
        errors["start"] = _("A new session cannot start in the past.")
    if registration_deadline is not None and registration_deadline < now:
        errors["registration_deadline"] = _("The registration deadline has already passed: choose a date to come.")
    if errors:
        raise ValidationError(errors)


def session_refuse_recurrence(recurrence) -> None:
    """A session's seats and attendance are for one course: its event never repeats."""
    if recurrence is not None:
        raise ValidationError(
            _(
                "A training session does not repeat: a course over several days is one event "
                "from its first to its last day."
            ),
            code="recurring_session",
        )


@transaction.atomic
def session_create(
    *,
    calendar,
    organisation,
    user,
    trainer,
    capacity: int,
    registration_deadline,
    prerequisites: str = "",
    audience_roles=(),
    audience_kinds=(),
    materials=(),
    recurrence=None,
    **event_fields,
) -> TrainingSession:
    """Add a training session to the calendar: its agenda event (never repeating) and its seats, in one go.
    A new session starts, and takes registrations, from now on (a past one may still be corrected later)."""
    session_refuse_recurrence(recurrence)
    event_fields["category"] = EventCategory.TRAINING
    event = agenda_services.event_create(calendar=calendar, organisation=organisation, user=user, **event_fields)
    _refuse_past(event=event, registration_deadline=registration_deadline)
    fields = _clean_session(
        user=user,
        capacity=capacity,
        audience_roles=audience_roles,
        audience_kinds=audience_kinds,
        registration_deadline=registration_deadline,
        materials=materials,
        start=event.start,
    )
    materials = fields.pop("materials")
    session = TrainingSession.objects.create(
        event=event, trainer=trainer, prerequisites=(prerequisites or "").strip()[:10_000], **fields
    )
    session.materials.set(materials)
    # The event was indexed before it became a session: index it again, as a training session.
    search_refresh_later(model=EventDetails, pks=[event.pk])
    return session


@transaction.atomic
def session_update(
    *,
    session: TrainingSession,
    user,
    trainer,
    capacity: int,
    registration_deadline,
    prerequisites: str = "",
    audience_roles=(),
    audience_kinds=(),
    materials=(),
    recurrence=None,
    **event_fields,
) -> TrainingSession:
    """Change a session and its event; more seats call the first people of the waiting list, in order. A new date,
    time or place is e-mailed to everyone registered or waiting."""
    session_refuse_recurrence(recurrence)
    session = _locked(session)
    before = _schedule(session.event)
    event = agenda_services.event_update(event=session.event, user=user, **event_fields)
    fields = _clean_session(
        user=user,
        capacity=capacity,
        audience_roles=audience_roles,
        audience_kinds=audience_kinds,
        registration_deadline=registration_deadline,
        materials=materials,
        start=event.start,
    )
    registered = session.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    if fields["capacity"] < registered:
        raise ValidationError(
            _("%(count)s people are already registered: the session cannot have fewer seats.") % {"count": registered}
        )
    session.materials.set(fields.pop("materials"))
    for name, value in fields.items():
        setattr(session, name, value)
    session.trainer, session.prerequisites = trainer, (prerequisites or "").strip()[:10_000]
    session.save()
    promoted = _promote_waiting(session)
    if _schedule(event) != before:
        # Those just promoted were sent the new date and place with their seat.
        _tell_rescheduled(session, skip={registration.pk for registration in promoted})
    return session


def _schedule(event) -> tuple:
    """What a participant plans their day around: when the session starts and ends, and where."""
    return event.start, event.end, event.details.place


def _tell_rescheduled(session: TrainingSession, *, skip: set[int]) -> None:
    event = session.event
    end = event.end - timedelta(days=1) if event.details.all_day else event.end  # an all-day end is exclusive
    waiting_or_registered = (
        session.registrations.filter(status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING])
        .exclude(pk__in=skip)
        .select_related("user")
        .order_by("created_at", "pk")
    )
    for registration in waiting_or_registered:
        registration.session = session
        _registration_email(
            registration,
            template="rescheduled",
            end=end.astimezone(get_default_timezone()),
            all_day=event.details.all_day,
        )


def _locked(session: TrainingSession) -> TrainingSession:
    """The session's row, locked until the end of the transaction: seats are counted one writer at a time."""
    return (
        TrainingSession.objects.select_for_update(of=("self",))
        .select_related("event__details", "event__calendar__agenda")
        .get(pk=session.pk)
    )


def _taken_seats(session: TrainingSession) -> int:
    return session.registrations.filter(status=RegistrationStatus.REGISTERED).count()


def _registration_email(registration: Registration, *, template: str, **context) -> None:
    event, user = registration.session.event, registration.user
    email_enqueue(
        to=user.email,
        template=f"training/email/{template}",
        language=getattr(user, "preferred_language", None),
        context={
            "title": event.title,
            "start": event.start.astimezone(get_default_timezone()),
            "place": event.details.place,
            "visio_url": event.details.visio_url,
            "waiting": registration.status == RegistrationStatus.WAITING,
            "organisation": event.details.organisation,
            "url": settings.SITE_URL.rstrip("/") + reverse("agenda:event", args=[event.pk]),
            **context,
        },
    )


def _check_may_register(*, session: TrainingSession, user, organisation, registered_by) -> None:
    roles = user_roles(user=user)
    if organisation.pk not in roles:
        raise ValidationError(_("This person is not a member of this organisation."), code="not_member")
    if registered_by.pk != user.pk and user_roles(user=registered_by).get(organisation.pk) != Role.ADMIN:
        raise ValidationError(
            _("Only an administrator of the organisation may register its members."), code="not_admin"
        )
    if not real_organisations().filter(pk=organisation.pk).exists():
        raise ValidationError(
            _("A training sandbox's trainees cannot take seats in training sessions."), code="sandbox"
        )
    if not session_abilities(session=session, user=user, roles=roles)["view"]:
        raise ValidationError(_("This person may not see this session."), code="not_visible")
    if timezone.now() > session.registration_deadline:
        raise ValidationError(_("The registration deadline has passed."), code="deadline")
    if session.audience_roles and roles[organisation.pk] not in session.audience_roles:
        raise ValidationError(
            _("This session is reserved for: %(roles)s.")
            % {"roles": ", ".join(str(Role(role).label) for role in session.audience_roles)},
            code="audience_role",
        )
    if session.audience_kinds and organisation.kind not in session.audience_kinds:
        raise ValidationError(
            _("This session is reserved for the organisations of kind: %(kinds)s.")
            % {"kinds": ", ".join(str(OrganisationKind(kind).label) for kind in session.audience_kinds)},
            code="audience_kind",
        )


@transaction.atomic
def registration_create(*, session: TrainingSession, user, organisation, registered_by) -> Registration:
    """Register the person (themselves, or a member by their organisation's admin): a seat if one is left,
    the waiting list otherwise; the person is told by e-mail either way."""
    session = _locked(session)
    _check_may_register(session=session, user=user, organisation=organisation, registered_by=registered_by)
    registration = Registration.objects.filter(session=session, user=user).first()
    if registration is not None and registration.status != RegistrationStatus.CANCELLED:
        if registered_by.pk == user.pk:
            raise ValidationError(_("You are already registered for this session."), code="already")
        raise ValidationError(
            _("%(name)s is already registered for this session.") % {"name": user.full_name}, code="already"
        )
    status = RegistrationStatus.REGISTERED if _taken_seats(session) < session.capacity else RegistrationStatus.WAITING
    if registration is None:
        registration = Registration(session=session, user=user)
    # Registering again after cancelling: the same row, at the end of the queue.
    registration.organisation, registration.registered_by, registration.status = organisation, registered_by, status
    registration.created_at, registration.promoted_at, registration.cancelled_at = timezone.now(), None, None
    registration.save()
    _registration_email(registration, template="registered")
    return registration


def _promote_waiting(session: TrainingSession) -> list[Registration]:
    """Give the free seats to the waiting list, first come first served; each promoted person is told.
    Nobody is called to a session already under way."""
    free = session.capacity - _taken_seats(session)
    if free <= 0 or session_started(session=session):
        return []
    promoted = list(
        session.registrations.filter(status=RegistrationStatus.WAITING)
        .select_related("user")
        .order_by("created_at", "pk")[:free]
    )
    now = timezone.now()
    for registration in promoted:
        registration.status, registration.promoted_at, registration.session = (
            RegistrationStatus.REGISTERED,
            now,
            session,
        )
        registration.save(update_fields=["status", "promoted_at"])
        _registration_email(registration, template="promoted")
    if promoted:
        event = session.event
        notification_send(
            users=[registration.user for registration in promoted],
            kind="session_promoted",
            title=lambda: _("Your seat is confirmed: %(title)s") % {"title": event.title},
            url=reverse("agenda:event", args=[event.pk]),
            body=event.start.astimezone(get_default_timezone()).strftime("%d/%m/%Y %H:%M"),
        )
    return promoted


@transaction.atomic
def registration_cancel(*, registration: Registration, by) -> Registration:
    """Give up a seat (or a place on the waiting list); a freed seat goes to the first person waiting.
    The person is told by e-mail: a confirmation, or the news when someone who runs the session cancelled it.

    Once the session has started, participants can no longer cancel themselves, and nobody cancels the
    registration of someone marked present: their attendance and certificate are read from it."""
    session = _locked(registration.session)
    registration = Registration.objects.select_for_update(of=("self",)).select_related("user").get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(_("This registration is already cancelled."), code="already_cancelled")
    if by.pk == registration.user_id and session_started(session=session):
        raise ValidationError(
            _("The session has started: your registration can no longer be cancelled."), code="started"
        )
    if registration.present:
        raise ValidationError(
            _(
                "%(name)s was marked present: their registration cannot be cancelled "
                "(mark them absent if they did not come)."
            )
            % {"name": registration.user.full_name},
            code="present",
        )
    waiting = registration.status == RegistrationStatus.WAITING
    registration.status, registration.cancelled_at = RegistrationStatus.CANCELLED, timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    registration.session = session
    # One e-mail either way: a confirmation to whoever cancelled their own seat, the news to anyone else.
    template = "cancelled" if by.pk == registration.user_id else "cancelled_by_organiser"
    _registration_email(registration, template=template, waiting=waiting)
    _promote_waiting(session)
    return registration
