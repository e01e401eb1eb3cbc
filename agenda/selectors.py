"""Who may read and change calendars and events, and permission-aware reads of their occurrences.

A private calendar is read by its organisation's members, a shared one by every member of the platform,
the public one by everyone; an event is changed by the editors and administrators of its organisation.
Missing and forbidden both raise Http404. Occurrences come from django-scheduler's period classes, always
given the platform's time zone: its default (UTC) would move an 18:00 meeting to 19:00 in summer.
"""

from datetime import date, datetime, timedelta

from django.db.models import Count, Max, Prefetch, Q, Sum
from django.http import Http404
from django.utils.timezone import get_default_timezone
from schedule.models import Event, Occurrence
from schedule.periods import Month, Period, Week

from documents.models import Document
from documents.selectors import document_readable_q
from extranet.organisations.models import Organisation, Role
from extranet.organisations.selectors import is_platform_member, user_roles

from .models import AgendaCalendar, Answer, CalendarKind, EventDetails, EventInvitation, FeedToken

AUTHOR_ROLES = {Role.EDITOR, Role.ADMIN}


def calendar_abilities(*, calendar: AgendaCalendar, roles: dict[int, str]) -> dict[str, bool]:
    """What the user (given by their roles) may do with the calendar, for views and templates."""
    if calendar.kind == CalendarKind.PRIVATE:
        view = calendar.organisation_id in roles
        write = roles.get(calendar.organisation_id) in AUTHOR_ROLES
    else:
        # A shared calendar is every member's, but not a training sandbox's trainees'.
        view = calendar.kind == CalendarKind.PUBLIC or is_platform_member(roles)
        write = is_platform_member(roles) and any(role in AUTHOR_ROLES for role in roles.values())
    return {"view": view, "add_event": view and write, "import": view and write}


def calendar_visible_q(*, roles: dict[int, str]) -> Q:
    visible = Q(kind=CalendarKind.PUBLIC)
    if roles:
        visible |= Q(kind=CalendarKind.PRIVATE, organisation_id__in=list(roles))
    if is_platform_member(roles):
        visible |= Q(kind=CalendarKind.SHARED)
    return visible


def calendar_list_for_viewer(*, user) -> list[AgendaCalendar]:
    """The calendars the user reads: their organisations' private ones first, then shared and public ones."""
    roles = user_roles(user=user)
    calendars = list(
        AgendaCalendar.objects.filter(calendar_visible_q(roles=roles)).select_related("calendar", "organisation")
    )
    order = {CalendarKind.PRIVATE: 0, CalendarKind.SHARED: 1, CalendarKind.PUBLIC: 2}
    calendars.sort(key=lambda agenda: (order[agenda.kind], agenda.calendar.name))
    for agenda in calendars:
        agenda.abilities = calendar_abilities(calendar=agenda, roles=roles)
    return calendars


def calendar_get_for_viewer(*, user, pk: int, action: str = "view") -> AgendaCalendar:
    """The calendar if the user may take `action` on it; Http404 if missing or forbidden alike."""
    agenda = AgendaCalendar.objects.select_related("calendar", "organisation").filter(pk=pk).first()
    if agenda is None:
        raise Http404
    agenda.abilities = calendar_abilities(calendar=agenda, roles=user_roles(user=user))
    if not agenda.abilities[action]:
        raise Http404
    return agenda


def author_organisations(*, user, calendar: AgendaCalendar) -> list[Organisation]:
    """The organisations in whose name the user may add an event to this calendar."""
    roles = user_roles(user=user)
    ids = [pk for pk, role in roles.items() if role in AUTHOR_ROLES]
    if calendar.kind == CalendarKind.PRIVATE:
        ids = [pk for pk in ids if pk == calendar.organisation_id]
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


def _events():
    return Event.objects.select_related("rule", "calendar__agenda", "details__organisation", "creator")


def event_abilities(*, event: Event, roles: dict[int, str], invitation=None) -> dict[str, bool]:
    """What the user may do with the event: its calendar's readers and its invitees read it, its organisation's
    editors change it and invite, invitees answer."""
    view = calendar_abilities(calendar=event.calendar.agenda, roles=roles)["view"] or invitation is not None
    edit = view and roles.get(event.details.organisation_id) in AUTHOR_ROLES
    return {"view": view, "edit": edit, "invite": edit, "answer": invitation is not None}


def event_get_for_viewer(*, user, pk: int, action: str = "view") -> Event:
    """The event if the user may take `action` ("view", "edit", "invite", "answer") on it; Http404 if missing or
    forbidden alike. `event.invitation` is the user's invitation, if any."""
    event = _events().filter(pk=pk, details__isnull=False).first()
    if event is None:
        raise Http404
    event.invitation = EventInvitation.objects.filter(event=event, user=user).first() if user.is_authenticated else None
    event.abilities = event_abilities(event=event, roles=user_roles(user=user), invitation=event.invitation)
    if not event.abilities[action]:
        raise Http404
    return event


def event_attachments_for_viewer(*, event: Event, user) -> list:
    """The event's documents the user may download themselves (two queries whatever their number)."""
    return list(
        event.details.attachments.filter(
            document_readable_q(roles=user_roles(user=user)), deleted_at=None, current_version__isnull=False
        ).order_by("title", "pk")
    )


def attachment_choices(*, organisations):
    """The documents an event of these organisations may list: their libraries' current ones, outside the bin."""
    return (
        Document.objects.filter(organisation__in=organisations, deleted_at=None, current_version__isnull=False)
        .select_related("organisation")
        .order_by("organisation__name", "title", "pk")
    )


def invitation_list_for_event(*, event: Event) -> list[EventInvitation]:
    """The invitees and their answers, for the event's organisers."""
    return list(
        EventInvitation.objects.filter(event=event)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def invitation_get_by_token(*, token: str) -> EventInvitation:
    """The invitation and answer named by an e-mail's signed answer link; Http404 for a forged or stale one."""
    from django.core import signing

    from .invitations import RSVP_SALT

    try:
        data = signing.loads(token, salt=RSVP_SALT)
    except signing.BadSignature:
        raise Http404 from None
    invitation = (
        EventInvitation.objects.select_related("event__details", "user").filter(pk=data.get("i")).first()
        if isinstance(data, dict)
        else None
    )
    if invitation is None or not invitation.user.is_active or data.get("a") not in Answer.values:
        raise Http404
    invitation.proposed_answer = data["a"]
    return invitation


def events_for_period(*, calendars, start: datetime, end: datetime, category: str = "") -> list[Event]:
    """The events of these calendars (of one category, if given) that may have an occurrence between start and
    end, with their rule, calendar and details (two queries whatever their number).

    Their `occurrence_set` holds only the persisted occurrences that may count between start and end (moved
    into or out of it, or cancelled there): django-scheduler's period of these bounds reads no others, and a
    series with years of changed occurrences costs no more than a new one.
    """
    recurring_until = Q(end_recurring_period__isnull=True) | Q(end_recurring_period__gte=start - timedelta(days=366))
    persisted = Occurrence.objects.filter(
        Q(start__lte=end, end__gte=start) | Q(original_start__lte=end, original_end__gte=start)
    )
    events = (
        Event.objects.select_related("rule", "calendar", "details")
        .prefetch_related(Prefetch("occurrence_set", queryset=persisted))
        .filter(calendar__agenda__in=calendars, details__isnull=False, start__lt=end)
        .filter(Q(rule__isnull=True, end__gt=start) | (Q(rule__isnull=False) & recurring_until))
    )
    if category:
        events = events.filter(details__category=category)
    return list(events.order_by("start", "pk"))


def _visible_occurrences(period: Period) -> list:
    occurrences = [o for o in period.occurrences if not o.cancelled and o.start < period.end and o.end > period.start]
    return sorted(occurrences, key=lambda o: (o.start, o.title, o.event_id))


def occurrences_between(*, events: list[Event], start: datetime, end: datetime) -> list:
    """Every occurrence of these events between start and end, cancelled ones left out, moved ones moved."""
    return _visible_occurrences(Period(events, start, end, tzinfo=get_default_timezone()))


def month_of(*, calendars, day: date) -> tuple[Month, list]:
    """django-scheduler's month in the platform's time zone, and its occurrences."""
    zone = get_default_timezone()
    probe = Month([], datetime(day.year, day.month, 1, tzinfo=zone), tzinfo=zone)
    month = Month(events_for_period(calendars=calendars, start=probe.start, end=probe.end), probe.start, tzinfo=zone)
    return month, _visible_occurrences(month)


def calendars_version(*, calendars) -> str:
    """A fingerprint of these calendars' events that moves with any event added, changed or removed, for caches.

    Every change of an event or of one of its occurrences goes through the services, which raise its details'
    `sequence` and move their `updated_at` (iCalendar's SEQUENCE and LAST-MODIFIED, `event_details_touch`); an
    addition raises the count and the highest id, a removal lowers the count. Two different sets of events may
    share these figures: the calendars' ids keep them apart. One aggregate query.
    """
    details = EventDetails.objects.filter(event__calendar_id__in=[agenda.calendar_id for agenda in calendars])
    summary = details.aggregate(
        count=Count("pk"), newest=Max("pk"), sequences=Sum("sequence"), changed=Max("updated_at")
    )
    ids = ",".join(str(agenda.pk) for agenda in calendars)
    changed = summary["changed"].isoformat() if summary["changed"] else ""
    return f"{ids}|{summary['count']}|{summary['newest']}|{summary['sequences']}|{changed}"


def week_of(*, calendars, day: date) -> tuple[Week, list]:
    """django-scheduler's week (Monday to Sunday) in the platform's time zone, and its occurrences."""
    zone = get_default_timezone()
    probe = Week([], datetime(day.year, day.month, day.day, tzinfo=zone), tzinfo=zone)
    week = Week(events_for_period(calendars=calendars, start=probe.start, end=probe.end), probe.start, tzinfo=zone)
    return week, _visible_occurrences(week)


def occurrences_by_day(*, occurrences: list, first_day: date, last_day: date) -> list[tuple[date, list]]:
    """Each day from first_day to last_day with the occurrences it holds (an event over days on each of them)."""
    days = {first_day + timedelta(days=n): [] for n in range((last_day - first_day).days + 1)}
    zone = get_default_timezone()
    for occurrence in occurrences:
        day = max(occurrence.start.astimezone(zone).date(), first_day)
        last = min((occurrence.end - timedelta(microseconds=1)).astimezone(zone).date(), last_day)
        while day <= last:
            days[day].append(occurrence)
            day += timedelta(days=1)
    return list(days.items())


def event_next_occurrences(*, event: Event, after: datetime, limit: int = 12) -> list:
    """The event's next occurrences (cancelled ones included, marked), for its page."""
    found = []
    for occurrence in event.occurrences_after(after.astimezone(get_default_timezone()), max_occurrences=limit):
        found.append(occurrence)
    return found


def event_occurrence_at(*, event: Event, original_start: datetime):
    """The occurrence of the event originally at that time (persisted or computed); Http404 if there is none."""
    if event.rule is None:
        raise Http404
    occurrence = event.get_occurrence(original_start.astimezone(get_default_timezone()))
    if occurrence is None:
        raise Http404
    return occurrence


# Feeds.


def feed_user_get(*, token: str):
    """The active user whose feed secret this is; Http404 for an unknown or reset one."""
    feed = FeedToken.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    return feed.user


def feed_events(*, calendars) -> list[Event]:
    """Every event of these calendars with what the feed writes (rule, details, persisted occurrences)."""
    return list(
        _events()
        .filter(calendar__agenda__in=calendars, details__isnull=False)
        .prefetch_related("occurrence_set")
        .order_by("start", "pk")
    )


def my_agenda_events(*, user) -> list[Event]:
    """The "my agenda" feed: the private calendars of the user's organisations, their events elsewhere, and the
    events the user is invited to."""
    organisation_ids = list(user_roles(user=user))
    return list(
        _events()
        .filter(details__isnull=False)
        .filter(
            Q(calendar__agenda__kind=CalendarKind.PRIVATE, calendar__agenda__organisation_id__in=organisation_ids)
            | Q(details__organisation_id__in=organisation_ids)
            | Q(invitations__user=user)
        )
        .distinct()
        .prefetch_related("occurrence_set")
        .order_by("start", "pk")
    )


def my_invitations_by_event(*, user) -> dict[int, EventInvitation]:
    """The user's invitations keyed by event id, for the ATTENDEE lines of "my agenda"."""
    invitations = EventInvitation.objects.filter(user=user).select_related("user")
    return {invitation.event_id: invitation for invitation in invitations}
