"""Who may read a training session, register for it, and run it; permission-aware reads of its registrations.

A session is read by whoever reads its event (`agenda.selectors.event_abilities`); it is run (registrations,
attendance, certificates, feedback results) by its trainer and by the editors and administrators of the
event's organisation. Missing and forbidden both raise Http404.
"""

from django.http import Http404
from django.utils import timezone

from agenda.models import EventInvitation
from agenda.selectors import AUTHOR_ROLES, event_abilities
from extranet.organisations.selectors import user_roles

from .models import Registration, RegistrationStatus, TrainingSession


def _sessions():
    return TrainingSession.objects.select_related(
        "event__calendar__agenda", "event__details__organisation", "event__rule", "trainer"
    )


def session_abilities(*, session: TrainingSession, user, roles: dict[int, str], registration=None) -> dict[str, bool]:
    """What the user may do with the session, for views and templates."""
    event = session.event
    invitation = EventInvitation.objects.filter(event=event, user=user).first() if user.is_authenticated else None
    view = event_abilities(event=event, roles=roles, invitation=invitation)["view"]
    manage = view and (session.trainer_id == user.pk or roles.get(event.details.organisation_id) in AUTHOR_ROLES)
    open_ = timezone.now() <= session.registration_deadline
    active = registration is not None and registration.status != RegistrationStatus.CANCELLED
    return {
        "view": view,
        "manage": manage,
        "register": view and bool(roles) and open_ and not active,
        "cancel": view and active,
    }


def session_get_for_viewer(*, user, pk: int, action: str = "view") -> TrainingSession:
    """The session of event `pk` if the user may take `action` ("view", "manage", "register", "cancel") on it;
    Http404 if missing or forbidden alike. `session.registration` is the user's own registration, if any."""
    session = _sessions().filter(pk=pk).first()
    if session is None:
        raise Http404
    session.registration = (
        Registration.objects.filter(session=session, user=user).first() if user.is_authenticated else None
    )
    session.abilities = session_abilities(
        session=session, user=user, roles=user_roles(user=user), registration=session.registration
    )
    if not session.abilities[action]:
        raise Http404
    return session


def registration_list_for_session(*, session: TrainingSession, statuses=None) -> list[Registration]:
    """The session's registrations in order of arrival (the waiting list's order), for those who run it."""
    registrations = Registration.objects.filter(session=session).select_related("user", "organisation")
    if statuses is not None:
        registrations = registrations.filter(status__in=statuses)
    return list(registrations.order_by("created_at", "pk"))
