"""Invitations and answers: who gets invited and e-mailed, who may then read the event, and the answer links."""

import re

import icalendar
import pytest
from django.core import mail

from agenda import invitations, services
from agenda.models import EventInvitation
from tests.agenda.factories import event, paris
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(calendar, editor):
    return event(calendar, user=editor, title="Commission urbanisme", start=paris(2027, 4, 6, 18), place="Mairie")


def answer_links(email):
    return dict(re.findall(r"(Oui|Peut-être|Non)\s*:\s*(\S+/agenda/reponse/\S+/)", email.body))


def test_inviting_an_organisation_invites_and_emails_each_member_once(client, council, editor, other_commune, outsider):
    """Darvoy's members are invited and e-mailed in French; inviting again invites nobody twice."""
    darvoy_member = membership(other_commune, role="member").user
    client.force_login(editor)

    client.post(f"/agenda/evenement/{council.pk}/inviter/", {"organisation": other_commune.pk})
    client.post(f"/agenda/evenement/{council.pk}/inviter/", {"organisation": other_commune.pk})

    assert set(EventInvitation.objects.values_list("user_id", flat=True)) == {outsider.pk, darvoy_member.pk}
    assert sorted(message.to[0] for message in mail.outbox) == sorted([outsider.email, darvoy_member.email])
    assert "Commission urbanisme" in mail.outbox[0].subject and "Invitation" in mail.outbox[0].subject
    assert "6 avril 2027" in mail.outbox[0].subject and "18:00" in mail.outbox[0].body


def test_inviting_by_role_and_by_address(client, council, editor, commune, member, other_commune, outsider):
    """Only the administrators of Darvoy, plus one person by address; an unknown address is reported."""
    membership(other_commune, role="member")
    client.force_login(editor)

    response = client.post(
        f"/agenda/evenement/{council.pk}/inviter/",
        {"organisation": other_commune.pk, "role": "admin", "emails": f"{member.email}\ninconnu@example.fr"},
        follow=True,
    )

    assert set(EventInvitation.objects.values_list("user_id", flat=True)) == {outsider.pk, member.pk}
    assert "inconnu@example.fr" in response.content.decode()


def test_invitee_of_another_organisation_reads_the_private_event_and_answers(client, council, editor, outsider):
    """Darvoy's invited administrator reads Jargeau's private event, answers, and the organiser sees it."""
    client.force_login(outsider)
    assert client.get(f"/agenda/evenement/{council.pk}/").status_code == 404

    invitations.event_invite(event=council, inviter=editor, users=[outsider])
    page = client.get(f"/agenda/evenement/{council.pk}/").content.decode()
    assert "Commission urbanisme" in page and "Vous êtes invité" in page
    assert client.get(f"/agenda/evenement/{council.pk}/modifier/").status_code == 404

    client.post(f"/agenda/evenement/{council.pk}/repondre/", {"answer": "maybe"})
    client.force_login(editor)
    page = client.get(f"/agenda/evenement/{council.pk}/").content.decode()
    assert outsider.full_name in page and "Peut-être" in page


def test_answer_link_of_the_email_records_the_answer_only_when_confirmed(client, council, editor, outsider):
    """Opening the link (as a mail scanner would) changes nothing; confirming records "yes", without logging in."""
    invitations.event_invite(event=council, inviter=editor, users=[outsider])
    yes = answer_links(mail.outbox[0])["Oui"]
    path = yes.split("testserver", 1)[-1].split("127.0.0.1:8000", 1)[-1]

    assert client.get(path).status_code == 200
    assert EventInvitation.objects.get().answer == "pending"
    client.post(path)
    assert EventInvitation.objects.get().answer == "yes"


def test_an_english_invitee_confirms_the_answer_on_an_english_page(client, council, editor, outsider):
    """The answer page opened from an English e-mail speaks English, though the phone never chose a language."""
    outsider.preferred_language = "en"
    outsider.save()
    invitations.event_invite(event=council, inviter=editor, users=[outsider])
    yes = re.search(r"Yes: (\S+/agenda/reponse/\S+/)", mail.outbox[0].body).group(1)

    page = client.get(yes.split("testserver", 1)[-1].split("127.0.0.1:8000", 1)[-1]).content.decode()

    assert '<html lang="en"' in page and "Confirm my answer" in page


def test_forged_answer_link_answers_404(client, council, editor, outsider):
    invitations.event_invite(event=council, inviter=editor, users=[outsider])

    assert client.get("/agenda/reponse/forged-token/").status_code == 404
    assert client.post("/agenda/reponse/forged-token/").status_code == 404
    assert EventInvitation.objects.get().answer == "pending"


def test_only_the_events_editors_invite_and_write_to_attendees(client, council, member, outsider):
    """A plain member and an invitee get a 404 when they try to invite or write to the attendees."""
    invitations.event_invite(event=council, inviter=None, users=[outsider])
    mail.outbox.clear()
    for user in (member, outsider):
        client.force_login(user)
        assert client.post(f"/agenda/evenement/{council.pk}/inviter/", {"emails": user.email}).status_code == 404
        message = {"subject": "x", "message": "y"}
        assert client.post(f"/agenda/evenement/{council.pk}/ecrire/", message).status_code == 404
    assert mail.outbox == []


def test_organiser_writes_to_those_who_come(client, council, editor, member, outsider, other_commune):
    """Those who answered yes or maybe get the message, with the organiser as reply-to; those who said no do not."""
    invitations.event_invite(event=council, inviter=editor, users=[member, outsider])
    refuser = membership(other_commune, role="member").user
    invitations.event_invite(event=council, inviter=editor, users=[refuser])
    answers = {member.pk: "yes", outsider.pk: "maybe", refuser.pk: "no"}
    for invitation in EventInvitation.objects.all():
        invitations.invitation_answer(invitation=invitation, answer=answers[invitation.user_id])
    mail.outbox.clear()
    client.force_login(editor)

    client.post(f"/agenda/evenement/{council.pk}/ecrire/", {"subject": "Salle changée", "message": "Salle B."})

    assert sorted(message.to[0] for message in mail.outbox) == sorted([member.email, outsider.email])
    assert mail.outbox[0].reply_to == [editor.email] and "Salle B." in mail.outbox[0].body


def test_my_agenda_feed_holds_the_events_i_am_invited_to(client, council, editor, member, outsider):
    """The invitee's feed has the event with its organiser and their own answer, never the other invitees."""
    invitations.event_invite(event=council, inviter=editor, users=[outsider, member])
    invitations.invitation_answer(invitation=EventInvitation.objects.get(user=outsider), answer="maybe")
    token = services.feed_token_get_or_create(user=outsider).token

    parsed = icalendar.Calendar.from_ical(client.get(f"/agenda/flux/{token}/mon-agenda.ics").content)
    vevent = next(v for v in parsed.walk("VEVENT") if str(v["SUMMARY"]) == "Commission urbanisme")
    attendees = vevent["ATTENDEE"] if isinstance(vevent["ATTENDEE"], list) else [vevent["ATTENDEE"]]
    assert [str(a) for a in attendees] == [f"mailto:{outsider.email}"]
    assert attendees[0].params["PARTSTAT"] == "TENTATIVE"
    assert str(vevent["ORGANIZER"]) == f"mailto:{editor.email}"
