"""Training sessions are filed under the "training" category, so the agenda's filter finds them."""

from agenda.models import EventDetails
from agenda.training import services


def test_a_new_session_is_filed_as_training_and_the_filter_finds_it(client, session, editor):
    """The session's event says "Formation", and ?categorie=training lists it while ?categorie=other does not."""
    client.force_login(editor)
    start = session.event.start.date().isoformat()

    training = client.get(f"/agenda/?categorie=training&debut={start}").content.decode()
    other = client.get(f"/agenda/?categorie=other&debut={start}").content.decode()

    assert EventDetails.objects.get(pk=session.event_id).category == "training"
    assert "Initiation au RGPD" in training and "Initiation au RGPD" not in other


def test_changing_a_session_keeps_it_filed_as_training(session, editor):
    """The session form has no category: saving it does not send the event back to "other"."""
    event = session.event

    services.session_update(
        session=session,
        user=editor,
        capacity=3,
        trainer=editor,
        registration_deadline=session.registration_deadline,
        title="Initiation au RGPD (session 2)",
        start=event.start,
        end=event.end,
    )

    assert EventDetails.objects.get(pk=event.pk).category == "training"
