"""Cancelling a registration tells the person once: a confirmation, or the news when the organiser cancelled it."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from agenda.training import services
from agenda.training.models import Registration
from tests.accounts.factories import UserFactory
from tests.agenda.factories import private_calendar
from tests.agenda.training.factories import register
from tests.agenda.training.factories import session as make_session
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def loiret():
    return OrganisationFactory(kind="departement", name="Département du Loiret", slug="loiret", insee_code="")


@pytest.fixture
def loiret_session(loiret):
    trainer = membership(loiret, role="editor").user
    return make_session(private_calendar(loiret), user=trainer, title="Marchés publics")


def test_a_participant_who_cancels_gets_one_short_confirmation(client, session, commune, member):
    """The participant cancels from the session's page: one e-mail, to them, confirming the cancellation."""
    register(session, member, commune)
    mail.outbox.clear()
    client.force_login(member)

    client.post(reverse("agenda:training:cancel", args=[session.pk]))

    [message] = mail.outbox
    assert message.to == [member.email] and message.subject.startswith("Désinscription confirmée : Initiation au RGPD")
    assert "Votre inscription à la session de formation « Initiation au RGPD » du " in message.body


def test_the_person_whose_seat_the_organiser_cancels_is_told_once_in_their_language(client, loiret, loiret_session):
    """The trainer cancels two seats: each person gets one e-mail naming the session, its date and the organisation."""
    french = membership(loiret, user=UserFactory(preferred_language="fr")).user
    english = membership(loiret, user=UserFactory(preferred_language="en")).user
    for user in (french, english):
        register(loiret_session, user, loiret)
    mail.outbox.clear()
    client.force_login(loiret_session.trainer)

    for user in (french, english):
        registration = Registration.objects.get(user=user)
        client.post(reverse("agenda:training:registration_cancel", args=[loiret_session.pk, registration.pk]))

    to_french, to_english = mail.outbox
    assert to_french.to == [french.email] and to_french.subject.startswith("Inscription annulée : Marchés publics")
    assert "Le Département du Loiret a annulé votre inscription à la session de formation « Marchés publics »." in (
        to_french.body
    )
    with override("fr"):
        day = date_format(timezone.localtime(loiret_session.event.start), "j F Y")
    assert to_french.subject.endswith(day) and "Quand : " in to_french.body
    assert to_english.to == [english.email] and to_english.subject.startswith("Registration cancelled: Marchés")
    assert "Département du Loiret has cancelled your registration" in to_english.body


def test_a_cancelled_registration_cancelled_again_sends_nothing(session, commune, member):
    """Cancelling twice (two tabs) refuses the second time and sends no second e-mail."""
    registration = register(session, member, commune)
    services.registration_cancel(registration=registration, by=member)
    mail.outbox.clear()

    with pytest.raises(ValidationError):
        services.registration_cancel(registration=registration, by=member)

    assert mail.outbox == []
