"""Registering for a session: seats, the waiting list, promotion on cancellation, and who may be registered."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import override

from agenda import services as agenda_services
from agenda.training import services
from agenda.training.models import Registration, RegistrationStatus
from tests.agenda.factories import shared_calendar
from tests.agenda.training.factories import register
from tests.agenda.training.factories import session as make_session
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


def test_a_full_session_puts_the_next_person_on_the_waiting_list(session, commune, member, colleagues):
    """Two seats: the first two are registered, the third waits and is told so by e-mail."""
    first, second = register(session, member, commune), register(session, colleagues[0], commune)
    third = register(session, colleagues[1], commune)

    assert [first.status, second.status, third.status] == ["registered", "registered", "waiting"]
    assert len(mail.outbox) == 3
    assert mail.outbox[2].to == [colleagues[1].email] and "attente" in mail.outbox[2].subject.lower()


def test_cancelling_promotes_the_first_waiting_person_and_tells_them(session, commune, member, colleagues):
    """A registered person cancels: the first on the waiting list (not the second) gets the seat and an e-mail."""
    register(session, member, commune)
    register(session, colleagues[0], commune)
    first_waiting = register(session, colleagues[1], commune)
    second_waiting = register(session, colleagues[2], commune)
    mail.outbox.clear()

    services.registration_cancel(registration=Registration.objects.get(user=member), by=member)

    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == "registered" and first_waiting.promoted_at is not None
    assert second_waiting.status == "waiting"
    confirmation, promotion = mail.outbox
    assert confirmation.to == [member.email]
    assert promotion.to == [colleagues[1].email] and "place" in promotion.subject.lower()


def test_registering_again_after_cancelling_reuses_the_row(session, commune, member):
    """Cancel then register again: one row, registered again, no longer cancelled."""
    registration = register(session, member, commune)
    services.registration_cancel(registration=registration, by=member)

    again = register(session, member, commune)

    assert again.pk == registration.pk and again.status == "registered" and again.cancelled_at is None
    assert Registration.objects.filter(session=session, user=member).count() == 1


def test_registering_twice_is_refused_in_french(session, commune, member):
    """The second registration is refused with a clear French message."""
    register(session, member, commune)

    with override("fr"), pytest.raises(ValidationError) as error:
        register(session, member, commune)

    assert error.value.messages == ["Vous êtes déjà inscrit à cette session."]


def test_registering_after_the_deadline_is_refused_in_french(calendar, editor, commune, member):
    """Once the registration deadline has passed, nobody registers any more."""
    closed = make_session(calendar, user=editor)
    # A new session cannot be created closed: it closes as time goes by.
    closed.registration_deadline = timezone.now() - timedelta(minutes=1)
    closed.save(update_fields=["registration_deadline"])

    with override("fr"), pytest.raises(ValidationError) as error:
        register(closed, member, commune)

    assert error.value.messages == ["La date limite d’inscription est dépassée."]
    assert not Registration.objects.exists()


def test_the_audience_is_enforced(calendar, editor, commune, member):
    """A session for editors and administrators of EPCIs refuses a commune's member, saying whom it is for."""
    reserved = make_session(calendar, user=editor, audience_roles=["editor", "admin"])
    for_epcis = make_session(calendar, user=editor, audience_kinds=["epci"])

    with override("fr"), pytest.raises(ValidationError) as by_role:
        register(reserved, member, commune)
    with override("fr"), pytest.raises(ValidationError) as by_kind:
        register(for_epcis, editor, commune)

    assert "Éditeur" in by_role.value.messages[0] or "éditeur" in by_role.value.messages[0].lower()
    assert "EPCI" in by_kind.value.messages[0]
    assert register(reserved, editor, commune).status == RegistrationStatus.REGISTERED


def test_an_admin_registers_a_member_of_their_organisation_only(admin, commune, other_commune, member, editor):
    """Jargeau's admin registers a Jargeau member, but neither a Darvoy member nor themselves for Darvoy."""
    shared = make_session(shared_calendar(), user=editor, organisation=commune)
    stranger = membership(other_commune).user

    registration = services.registration_create(session=shared, user=member, organisation=commune, registered_by=admin)
    with override("fr"), pytest.raises(ValidationError) as error:
        services.registration_create(session=shared, user=stranger, organisation=other_commune, registered_by=admin)

    assert registration.registered_by == admin and registration.status == "registered"
    assert "administrateur" in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.registration_create(session=shared, user=admin, organisation=other_commune, registered_by=admin)


def test_a_member_may_not_be_registered_for_a_session_they_cannot_see(calendar, editor, outsider, other_commune):
    """A private session of Jargeau: Darvoy's admin cannot register themselves."""
    private = make_session(calendar, user=editor)

    with pytest.raises(ValidationError):
        register(private, outsider, other_commune)


def test_more_seats_promote_the_waiting_list(session, commune, member, colleagues, editor):
    """Raising the capacity from 2 to 3 registers the first waiting person; a session never repeats."""
    for person in (member, *colleagues):
        register(session, person, commune)
    event = session.event
    fields = dict(
        title=event.title,
        start=event.start,
        end=event.end,
        trainer=editor,
        registration_deadline=session.registration_deadline,
    )

    services.session_update(session=session, user=editor, capacity=3, **fields)

    statuses = list(Registration.objects.order_by("created_at", "pk").values_list("status", flat=True))
    assert statuses == ["registered", "registered", "registered", "waiting"]
    with override("fr"), pytest.raises(ValidationError, match="ne se répète pas"):
        services.session_update(session=session, user=editor, capacity=3, recurrence=object(), **fields)


def test_the_agenda_refuses_to_make_a_session_repeat(session, editor):
    """Changing a session's event through the agenda's own service cannot give it a repetition either."""
    event = session.event
    with override("fr"), pytest.raises(ValidationError, match="ne se répète pas"):
        agenda_services.event_update(
            event=event,
            user=editor,
            title=event.title,
            start=event.start,
            end=event.end,
            recurrence=agenda_services.Recurrence(frequency="WEEKLY", count=3),
        )
    event.refresh_from_db()
    assert event.rule is None
