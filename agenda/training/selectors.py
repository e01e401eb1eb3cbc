"""Who may read a training session, register for it, and run it; permission-aware reads of its registrations.

A session is read by whoever reads its event (`agenda.selectors.event_abilities`); it is run (registrations,
attendance, certificates, feedback results) by its trainer and by the editors and administrators of the
event's organisation. Missing and forbidden both raise Http404.
"""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils import timezone

from agenda.models import AgendaCalendar, EventInvitation
from agenda.selectors import AUTHOR_ROLES, calendar_visible_q, event_abilities
from documents.selectors import document_readable_q
from extranet.core.ids import pk_in_range
from extranet.organisations.models import Membership, OrganisationKind, Role
from extranet.organisations.selectors import is_platform_member, real_organisations, user_roles

from .models import Registration, RegistrationStatus, TrainingSession


def _sessions():
    return TrainingSession.objects.select_related(
        "event__calendar__agenda", "event__details__organisation", "event__rule", "trainer"
    )


def session_started(*, session: TrainingSession) -> bool:
    """Whether the session is under way or over: its seats no longer change hands."""
    return timezone.now() >= session.event.start


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
        # A training sandbox's trainees practise: their seats would be taken from real agents.
        "register": view and is_platform_member(roles) and open_ and not active,
        # Once it has started, a seat is kept: the attendance sheet and certificates are read from it.
        "cancel": view and active and not session_started(session=session),
    }


def session_get_for_viewer(*, user, pk: int, action: str = "view") -> TrainingSession:
    """The session of event `pk` if the user may take `action` ("view", "manage", "register", "cancel") on it;
    Http404 if missing or forbidden alike. `session.registration` is the user's own registration, if any."""
    session = _sessions().filter(pk=pk).first() if pk_in_range(TrainingSession, pk) else None
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


def _with_seats(sessions):
    registered = Count("registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED), distinct=True)
    waiting = Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING), distinct=True)
    return sessions.annotate(registered_count=registered, waiting_count=waiting)


def _seats_left(session: TrainingSession) -> int:
    return max(session.capacity - session.registered_count, 0)


def session_list_for_viewer(*, user) -> list[TrainingSession]:
    """The sessions not yet over that the user may read, soonest first, each with its seats left and
    `mine` (the user's registration or None), in a fixed number of queries."""
    roles = user_roles(user=user)
    visible = Q(event__calendar__agenda__in=AgendaCalendar.objects.filter(calendar_visible_q(roles=roles)))
    mine = Registration.objects.none()
    if user.is_authenticated:
        visible |= Q(Exists(EventInvitation.objects.filter(event=OuterRef("event"), user=user)))
        mine = Registration.objects.filter(user=user)
    sessions = (
        _with_seats(_sessions().filter(visible, event__end__gte=timezone.now()))
        .prefetch_related(Prefetch("registrations", queryset=mine, to_attr="mine_list"))
        .order_by("event__start", "pk")
    )
    now = timezone.now()
    found = list(sessions)
    for session in found:
        session.mine = session.mine_list[0] if session.mine_list else None
        session.seats_left = _seats_left(session)
        session.open = now <= session.registration_deadline
    return found


def session_for_event_page(*, event, user) -> TrainingSession | None:
    """The training side of an event the user reads (None for an ordinary event), with the user's
    registration, abilities, seats left and materials, for the event's page; a fixed number of queries."""
    session = _with_seats(TrainingSession.objects.filter(event=event)).select_related("trainer").first()
    if session is None:
        return None
    session.event = event
    session.registration = (
        Registration.objects.filter(session=session, user=user).first() if user.is_authenticated else None
    )
    roles = user_roles(user=user)
    session.abilities = session_abilities(session=session, user=user, roles=roles, registration=session.registration)
    session.abilities["register_members"] = session.abilities["view"] and Role.ADMIN in roles.values()
    session.seats_left = _seats_left(session)
    session.open = timezone.now() <= session.registration_deadline
    # Only the materials the viewer may open are named: a private document's title is private too (one query).
    session.material_list = list(
        session.materials.filter(document_readable_q(roles=roles), deleted_at=None).order_by("title", "pk")
    )
    session.audience_role_labels = [Role(role).label for role in session.audience_roles if role in Role.values]
    session.audience_kind_labels = [
        OrganisationKind(kind).label for kind in session.audience_kinds if kind in OrganisationKind.values
    ]
    return session


def member_choices_for_admin(*, user):
    """The memberships an administrator may register for a session: those of the organisations they run."""
    admin_of = [pk for pk, role in user_roles(user=user).items() if role == Role.ADMIN]
    return (
        Membership.objects.filter(organisation_id__in=admin_of, user__is_active=True)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__last_name", "user__first_name", "user__email")
    )


def trainer_choices(*, user, current=None):
    """Who may be named trainer by the user: the members of the user's organisations (and the current trainer)."""
    from django.contrib.auth import get_user_model

    members = Q(is_active=True, memberships__organisation_id__in=list(user_roles(user=user)))
    people = get_user_model().objects.filter(members | Q(pk=current.pk if current else None))
    return people.distinct().order_by("last_name", "first_name", "email")


def registration_organisations(*, user):
    """The organisations in whose name the user may register (theirs, training sandboxes aside), by name."""
    return list(real_organisations().filter(pk__in=list(user_roles(user=user))).order_by("name"))


def session_exists(*, event) -> bool:
    """Whether the event is a training session."""
    return TrainingSession.objects.filter(event=event).exists()
