"""Feedback after the session: present participants answer once; the trainer reads anonymous results."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from agenda.training.attendance import feedback_requests_send, feedback_submit
from agenda.training.models import Feedback, Registration
from agenda.training.selectors import session_get_for_viewer
from tests.accounts.factories import UserFactory
from tests.agenda.training.running.factories import registration, training_session
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


def test_a_present_participant_answers_once(client, session, participant):
    """The form records the answer; the page then thanks them and a second post adds nothing."""
    client.force_login(participant)
    url = reverse("agenda:training:feedback", args=[session.pk])
    assert "Dans l’ensemble, quelle note donnez-vous à cette session ?" in client.get(url).content.decode()

    response = client.post(url, {"rating": "4", "usefulness": "5", "comment": "Très clair."}, follow=True)

    assert "Merci, votre avis a été enregistré." in response.content.decode()
    client.post(url, {"rating": "1", "usefulness": "1"})
    feedback = Feedback.objects.get()
    assert (feedback.rating, feedback.usefulness, feedback.comment) == (4, 5, "Très clair.")
    assert "Vous avez déjà donné votre avis" in client.get(url).content.decode()


def test_the_absent_and_other_members_get_no_form(client, commune, session, absentee, member):
    """Only participants marked present reach the form: others get a 404."""
    url = reverse("agenda:training:feedback", args=[session.pk])
    for user in (absentee, member):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, {"rating": "5", "usefulness": "5"}).status_code == 404
    assert not Feedback.objects.exists()


def test_the_service_refuses_bad_scores_duplicates_and_early_answers(commune, trainer, session, participant):
    """Scores from 1 to 5 only, one answer per person, and none before the session begins."""
    row = Registration.objects.get(user=participant)
    with pytest.raises(ValidationError, match="de 1 à 5"):
        feedback_submit(registration=row, rating=6, usefulness=3, comment="")
    feedback_submit(registration=row, rating=5, usefulness=3, comment="")
    with pytest.raises(ValidationError, match="déjà donné votre avis"):
        feedback_submit(registration=row, rating=4, usefulness=4, comment="")

    later = training_session(commune, trainer=trainer, start=timezone.now() + timedelta(days=2))
    early = registration(later, participant, organisation=commune, present=True)
    with pytest.raises(ValidationError, match="s’ouvre au début"):
        feedback_submit(registration=early, rating=4, usefulness=4, comment="")
    assert Feedback.objects.count() == 1


def test_the_trainer_reads_averages_distribution_and_comments_without_names(client, commune, trainer, session):
    """Three answers: their number, averages, the share of each score and the comments, never who wrote them."""
    answers = (("Quignard", 5, 4, "Formatrice passionnante"), ("Vasseur", 4, 2, ""), ("Zimmer", 3, 3, "Trop court"))
    for last_name, rating, usefulness, comment in answers:
        user = membership(commune, user=UserFactory(last_name=last_name)).user
        feedback_submit(
            registration=registration(session, user, organisation=commune, present=True),
            rating=rating,
            usefulness=usefulness,
            comment=comment,
        )
    client.force_login(trainer)

    page = client.get(reverse("agenda:training:feedback_results", args=[session.pk])).content.decode()

    assert "3 réponses." in page
    assert "Moyenne : 4,0 / 5" in page and "Moyenne : 3,0 / 5" in page
    assert "Formatrice passionnante" in page and "Trop court" in page
    assert page.count("33 %") == 6 and page.count("0 %") >= 4
    assert not any(name in page for name in ("Quignard", "Vasseur", "Zimmer"))


def test_the_session_block_links_each_person_to_their_side(session, trainer, participant, absentee):
    """The block shows a present participant their certificate and form, the trainer the attendance, the absent none."""

    def links(user):
        viewed = session_get_for_viewer(user=user, pk=session.pk)
        return render_to_string("training/_run_links.html", {"session": viewed})

    assert "Donner votre avis sur la session" in links(participant)
    assert "Télécharger votre attestation de présence" in links(participant)
    assert "Relever les présences" not in links(participant)
    assert "Relever les présences" in links(trainer)
    assert "href" not in links(absentee)


def test_present_participants_are_asked_for_their_opinion_once_after_the_session(
    commune, trainer, participant, absentee, session
):
    """When the session has ended, the present participant gets the form's address; a second run sends nothing."""
    assert feedback_requests_send() == 0, "the session is still going on"
    later = session.event.end + timedelta(hours=1)

    assert feedback_requests_send(now=later) == 1
    assert mail.outbox[0].to == [participant.email]
    assert "Votre avis" in mail.outbox[0].subject
    assert reverse("agenda:training:feedback", args=[session.pk]) in mail.outbox[0].body
    assert feedback_requests_send(now=later) == 0


def test_someone_marked_present_after_the_first_run_is_asked_at_the_next(session, trainer, participant, absentee):
    """Attendance taken a day late still brings the form: the late-marked person is e-mailed, the others not again."""
    from agenda.training.attendance import registration_mark_attendance

    later = session.event.end + timedelta(hours=1)
    assert feedback_requests_send(now=later) == 1
    late = Registration.objects.get(session=session, user=absentee)
    registration_mark_attendance(registration=late, present=True, by=trainer)
    mail.outbox.clear()

    assert feedback_requests_send(now=later + timedelta(days=1)) == 1
    assert [message.to for message in mail.outbox] == [[absentee.email]]
