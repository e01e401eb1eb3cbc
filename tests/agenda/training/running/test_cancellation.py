"""Cancelling a registration once the session has started: the seat is kept, nobody is called from the queue."""

import pytest
from django.core import mail
from django.urls import reverse

from agenda.training.models import Registration, RegistrationStatus
from tests.agenda.training.running.factories import registration, training_session
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


def test_a_participant_cannot_cancel_once_the_session_has_started(client, session, participant):
    """No cancel button on the session's page, and a forced cancellation is refused in French."""
    client.force_login(participant)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Annuler mon inscription" not in page

    response = client.post(reverse("agenda:training:cancel", args=[session.pk]), follow=True)

    assert "La session a commencé : votre inscription ne peut plus être annulée." in response.content.decode()
    assert Registration.objects.get(user=participant).status == RegistrationStatus.REGISTERED


def test_the_trainer_cannot_cancel_someone_marked_present(client, trainer, session, participant, absentee):
    """The trainer may still cancel an absent participant, not a present one (their certificate depends on it)."""
    present, absent = Registration.objects.get(user=participant), Registration.objects.get(user=absentee)
    client.force_login(trainer)
    page = client.get(reverse("agenda:training:registrations", args=[session.pk])).content.decode()
    assert f"/inscriptions/{present.pk}/annuler/" not in page and f"/inscriptions/{absent.pk}/annuler/" in page

    response = client.post(reverse("agenda:training:registration_cancel", args=[session.pk, present.pk]), follow=True)

    assert "La présence de Léa Bœuf a été notée" in response.content.decode()
    assert Registration.objects.get(pk=present.pk).status == RegistrationStatus.REGISTERED
    client.post(reverse("agenda:training:registration_cancel", args=[session.pk, absent.pk]))
    assert Registration.objects.get(pk=absent.pk).status == RegistrationStatus.CANCELLED


def test_nobody_is_called_from_the_waiting_list_once_the_session_has_started(client, commune, trainer):
    """A seat freed during the session stays free: the first person waiting is not promoted nor e-mailed."""
    session = training_session(commune, trainer=trainer, capacity=1)
    seated, waiting = membership(commune).user, membership(commune).user
    freed = registration(session, seated, organisation=commune)
    registration(session, waiting, organisation=commune, status=RegistrationStatus.WAITING)
    client.force_login(trainer)

    client.post(reverse("agenda:training:registration_cancel", args=[session.pk, freed.pk]))

    assert Registration.objects.get(pk=freed.pk).status == RegistrationStatus.CANCELLED
    assert Registration.objects.get(user=waiting).status == RegistrationStatus.WAITING
    assert not [message for message in mail.outbox if "place pour vous" in message.subject.lower()]
