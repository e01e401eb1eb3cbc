"""Bad input gets a clear message or a 404, and nothing is saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from machina.apps.forum_conversation.forum_attachments.models import Attachment
from machina.apps.forum_conversation.forum_polls.models import TopicPoll
from machina.apps.forum_conversation.models import Post, Topic

from tests.forums.factories import reply_form_data, reply_url, topic_create_url, topic_form_data, topic_url


def _counts():
    return Topic.objects.count(), Post.objects.count(), Attachment.objects.count(), TopicPoll.objects.count()


def test_empty_post_is_refused(client, member, private_forum):
    client.force_login(member)
    before = _counts()
    response = client.post(topic_create_url(private_forum), topic_form_data(content=""))
    assert response.status_code == 200
    assert "Champ requis." in response.content.decode()
    assert _counts() == before


def test_one_megabyte_post_is_refused(client, member, private_topic):
    client.force_login(member)
    before = _counts()
    response = client.post(reply_url(private_topic), reply_form_data(content="a" * 1_000_000))
    assert response.status_code == 200
    assert "Un message peut contenir au plus 20 000 caractères" in response.content.decode()
    assert _counts() == before


def test_executable_disguised_as_pdf_is_refused(client, member, private_topic):
    client.force_login(member)
    before = _counts()
    fake = SimpleUploadedFile("facture.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, content_type="application/pdf")
    response = client.post(reply_url(private_topic), {**reply_form_data(), "attachment-0-file": fake})
    assert response.status_code == 200
    assert "est un programme" in response.content.decode()
    assert _counts() == before


def test_oversized_attachment_is_refused(client, member, private_topic, settings):
    settings.FORUMS_ATTACHMENT_MAX_BYTES = 1024
    client.force_login(member)
    before = _counts()
    big = SimpleUploadedFile("plan.pdf", b"%PDF-1.4" + b"0" * 4096, content_type="application/pdf")
    response = client.post(reply_url(private_topic), {**reply_form_data(), "attachment-0-file": big})
    assert "un document peut peser au plus 1,0" in response.content.decode()
    assert _counts() == before


def test_valid_pdf_attachment_is_kept(client, member, private_topic):
    client.force_login(member)
    pdf = SimpleUploadedFile("compte-rendu.pdf", b"%PDF-1.4\n%demo\n%%EOF\n", content_type="application/pdf")
    client.post(reply_url(private_topic), {**reply_form_data(), "attachment-0-file": pdf})
    assert Attachment.objects.filter(post__topic=private_topic).count() == 1


def test_poll_without_options_is_refused(client, member, private_forum):
    client.force_login(member)
    before = _counts()
    response = client.post(
        topic_create_url(private_forum),
        topic_form_data(poll_question="Quel jour pour la réunion ?", poll_max_options="1", **{"poll-0-text": ""}),
    )
    assert response.status_code == 200
    assert "Un sondage doit proposer au moins deux options." in response.content.decode()
    assert _counts() == before


def test_reply_to_locked_topic_is_refused(client, member, private_topic):
    private_topic.status = Topic.TOPIC_LOCKED
    private_topic.save()
    client.force_login(member)
    before = _counts()
    assert client.post(reply_url(private_topic), reply_form_data()).status_code == 404
    assert _counts() == before


def test_forged_forum_in_url_is_404(client, outsider, private_forum):
    """Posting to another organisation's forum by editing the form's address gets a 404."""
    client.force_login(outsider)
    before = _counts()
    assert client.post(topic_create_url(private_forum), topic_form_data()).status_code == 404
    assert _counts() == before


def test_missing_forum_is_404(client, member):
    client.force_login(member)
    assert client.get(reverse("forum:forum", kwargs={"slug": "inconnu", "pk": 999999})).status_code == 404


def test_a_topic_is_written_whole_or_not_at_all(client, member, private_forum, monkeypatch):
    """A failure after machina saved the topic but before its post leaves no topic without a post."""
    from machina.apps.forum_conversation.forms import PostForm

    def broken_save(self, commit=True):
        raise RuntimeError("process killed here")

    monkeypatch.setattr(PostForm, "save", broken_save)
    client.force_login(member)
    client.raise_request_exception = False
    before = _counts()
    response = client.post(topic_create_url(private_forum), topic_form_data())
    assert response.status_code == 500
    assert _counts() == before


def test_a_refused_attachment_is_forgotten_and_the_topic_posts_without_it(client, member, private_forum):
    """A program named rapport.pdf is refused with the text kept; posting again without a file creates the topic."""
    client.force_login(member)
    fake = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, content_type="application/pdf")
    data = topic_form_data(content="Le compte rendu suivra.")

    refused = client.post(topic_create_url(private_forum), {**data, "attachment-0-file": fake}).content.decode()
    again = client.post(topic_create_url(private_forum), data)

    assert "est un programme" in refused and "Le compte rendu suivra." in refused
    assert "Déjà choisi" not in refused
    assert again.status_code == 302
    topic = Topic.objects.get(subject=data["subject"])
    assert topic.first_post.content.raw == "Le compte rendu suivra." and not Attachment.objects.exists()


def test_a_poll_of_a_hundred_million_days_is_refused_and_the_topic_kept(client, member, private_forum):
    """A duration past a year is refused with a French message; the typed subject comes back and nothing is saved."""
    client.force_login(member)
    before = _counts()
    response = client.post(
        topic_create_url(private_forum),
        topic_form_data(
            subject="Réunion de rentrée",
            poll_question="Quel jour ?",
            poll_max_options="1",
            poll_duration="99999999999",
            **{"poll-0-text": "Lundi", "poll-1-text": "Mardi"},
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Un sondage peut durer au plus 365 jours." in page
    assert 'value="Réunion de rentrée"' in page
    assert _counts() == before


def test_a_poll_saved_with_a_huge_duration_still_shows_its_topic(client, member, private_forum):
    """A poll saved before durations were bounded is shown as never ending rather than answering 500."""
    client.force_login(member)
    client.post(
        topic_create_url(private_forum),
        topic_form_data(
            subject="Réunion de rentrée",
            poll_question="Quel jour ?",
            poll_max_options="1",
            **{"poll-0-text": "Lundi", "poll-1-text": "Mardi"},
        ),
    )
    poll = TopicPoll.objects.get(question="Quel jour ?")
    # Two billion days: within PostgreSQL's integer column, far past the last date Python holds.
    TopicPoll.objects.filter(pk=poll.pk).update(duration=2_000_000_000)

    response = client.get(topic_url(poll.topic))

    assert response.status_code == 200
    assert "Lundi" in response.content.decode()


@pytest.mark.parametrize("same", [" oui ", "Ou\u200bi"])
def test_a_poll_with_the_same_option_twice_is_refused(client, member, private_forum, same):
    """ "Oui", " oui " and "Ou<zero-width space>i" are the same option: refused in French, the options kept."""
    client.force_login(member)
    before = _counts()
    response = client.post(
        topic_create_url(private_forum),
        topic_form_data(
            poll_question="D'accord ?", poll_max_options="1", **{"poll-0-text": "Oui", "poll-1-text": same}
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Chaque option d&#x27;un sondage doit être différente des autres." in page
    assert 'value="Oui"' in page
    assert _counts() == before


def test_a_poll_letting_voters_tick_more_options_than_it_has_is_refused(client, member, private_forum):
    """Five options to tick out of two is refused with a French message; the typed topic comes back."""
    client.force_login(member)
    before = _counts()
    response = client.post(
        topic_create_url(private_forum),
        topic_form_data(
            subject="Réunion de rentrée",
            poll_question="Quel jour ?",
            poll_max_options="5",
            **{"poll-0-text": "Lundi", "poll-1-text": "Mardi"},
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Les votants ne peuvent pas cocher plus d&#x27;options que le sondage n&#x27;en propose (2)." in page
    assert 'value="Réunion de rentrée"' in page and 'value="Mardi"' in page
    assert _counts() == before
