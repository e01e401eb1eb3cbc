"""Reminder e-mails the day before: to those who come, once per occurrence, never for a cancelled one."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from agenda import invitations, services
from agenda.models import EventInvitation
from agenda.reminders import reminders_send
from agenda.training.models import Registration, RegistrationStatus, TrainingSession
from tests.agenda.factories import event, paris
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(meeting, editor, commune, member, outsider):
    """Invitees of the weekly meeting: the member says yes, the outsider maybe, one no, one has not answered."""
    refuser, silent = membership(commune).user, membership(commune).user
    invitations.event_invite(event=meeting, inviter=editor, users=[member, outsider, refuser, silent])
    answers = {member.pk: "yes", outsider.pk: "maybe", refuser.pk: "no"}
    for invitation in EventInvitation.objects.filter(event=meeting, user_id__in=answers):
        invitations.invitation_answer(invitation=invitation, answer=answers[invitation.user_id])
    mail.outbox.clear()
    return meeting


def test_yes_and_maybe_get_one_reminder_and_a_second_run_sends_nothing(answered, member, outsider):
    """Those who said yes or maybe are reminded the day before; no, no answer and a doubled run send nothing."""
    assert reminders_send(day=date(2027, 1, 12)) == 2

    assert sorted(message.to[0] for message in mail.outbox) == sorted([member.email, outsider.email])
    assert "Rappel" in mail.outbox[0].subject and "Réunion du bureau" in mail.outbox[0].subject
    assert reminders_send(day=date(2027, 1, 12)) == 0
    assert len(mail.outbox) == 2


def test_a_cancelled_occurrence_is_not_reminded(answered, editor):
    services.occurrence_cancel(event=answered, original_start=paris(2027, 1, 12, 18), user=editor)

    assert reminders_send(day=date(2027, 1, 12)) == 0
    assert mail.outbox == []


@pytest.fixture
def today_is(monkeypatch):
    """Set the platform's today, which the reminders' wording counts from."""
    return lambda day: monkeypatch.setattr(timezone, "localdate", lambda **kwargs: day)


def test_a_summer_reminder_says_18_00_like_a_winter_one(answered, member, today_is):
    """The 18:00 meeting on 15 June 2027 (summer time) is announced at 18:00, not 19:00 or 16:00 UTC."""
    today_is(date(2027, 6, 14))
    reminders_send(day=date(2027, 6, 15))

    message = next(message for message in mail.outbox if message.to == [member.email])
    assert "demain à 18:00" in message.subject
    assert "mardi 15 juin 2027, 18:00" in message.body and "19:00" not in message.body


def test_registered_participants_of_a_session_are_reminded_not_the_waiting_list(calendar, editor, commune, member):
    """The cron command reminds the registered trainee of tomorrow's session, not the one waiting for a seat."""
    course = event(calendar, user=editor, title="Formation au budget", start=paris(2027, 2, 2, 9))
    session = TrainingSession.objects.create(
        event=course, trainer=editor, capacity=1, registration_deadline=paris(2027, 2, 1, 12)
    )
    waiting = membership(commune).user
    for user, status in ((member, RegistrationStatus.REGISTERED), (waiting, RegistrationStatus.WAITING)):
        Registration.objects.create(session=session, user=user, organisation=commune, status=status)
    output = StringIO()

    call_command("agenda_send_reminders", day="2027-02-02", stdout=output)

    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "Formation au budget" in mail.outbox[0].subject and "1 rappel" in output.getvalue()


@pytest.mark.parametrize(
    ("days_before", "subject", "sentence"),
    [
        (0, "aujourd’hui à 18:00", "(Jargeau), aujourd’hui."),
        (3, "mardi 15 juin à 18:00", "(Jargeau)."),
    ],
)
def test_a_reminder_sent_for_another_day_than_tomorrow_says_when(
    answered, member, today_is, days_before, subject, sentence
):
    """Run for today (a missed cron) or days ahead, the reminder names the day rather than saying "tomorrow"."""
    today_is(date(2027, 6, 15) - timedelta(days=days_before))

    call_command("agenda_send_reminders", day="2027-06-15", stdout=StringIO())

    message = next(message for message in mail.outbox if message.to == [member.email])
    assert subject in message.subject and "demain" not in message.subject
    assert sentence in message.body and "demain" not in message.body
