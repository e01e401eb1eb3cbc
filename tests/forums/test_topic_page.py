"""The topic page's shortcuts keep machina's answers: read marks, follow buttons and the permission tag."""

from pathlib import Path

import machina
import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from machina.apps.forum_conversation.forum_polls.models import TopicPoll, TopicPollOption, TopicPollVote
from machina.apps.forum_conversation.models import Topic
from machina.apps.forum_tracking.models import ForumReadTrack, TopicReadTrack

from forums.machina_apps.forum_tracking.handler import TrackingHandler
from tests.forums.factories import reply, shared_forum, topic, topic_url
from tests.organisations.factories import membership


def _unread_page(client) -> str:
    return client.get(reverse("forum_tracking:unread_topics")).content.decode()


def test_topic_read_is_unread_after_a_reply_then_read_again(client, commune, private_forum, member):
    """A topic read, viewed again, stays read; a new reply makes it unread until the member reads it again."""
    colleague = membership(commune).user
    roads = topic(private_forum, poster=colleague, subject="Entretien des routes")
    topic(private_forum, poster=colleague, subject="Éclairage public")
    client.force_login(member)
    client.get(topic_url(roads))
    client.get(topic_url(roads))
    assert "Entretien des routes" not in _unread_page(client)
    assert "Éclairage public" in _unread_page(client)

    reply(roads, poster=colleague)
    assert "Entretien des routes" in _unread_page(client)
    client.get(topic_url(roads))
    assert "Entretien des routes" not in _unread_page(client)


def _follow_and_read_mark_queries(client, url) -> list[str]:
    """The page's queries that read the topic's followers or read marks."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries if "forum_tracking" in query["sql"] or "subscribers" in query["sql"]]


def test_a_topic_read_again_asks_the_readers_follow_and_read_mark_at_once(client, commune, private_forum, member):
    """Viewing a topic already read asks in one query whether the reader follows it and has read it, and writes
    no read mark."""
    colleague = membership(commune).user
    roads = topic(private_forum, poster=colleague, subject="Entretien des routes")
    topic(private_forum, poster=colleague, subject="Éclairage public")
    client.force_login(member)
    client.get(topic_url(roads))
    first_mark = TopicReadTrack.objects.get(topic=roads, user=member).mark_time
    queries = _follow_and_read_mark_queries(client, topic_url(roads))
    assert len(queries) == 1 and 'FROM "forum_conversation_topic"' in queries[0]
    assert TopicReadTrack.objects.get(topic=roads, user=member).mark_time == first_mark


def test_a_topic_of_a_forum_marked_read_gets_no_read_mark_of_its_own(client, commune, private_forum, member):
    """Once the reader has marked the whole forum read, viewing one of its topics writes no mark for it."""
    roads = topic(private_forum, poster=membership(commune).user, subject="Entretien des routes")
    ForumReadTrack.objects.create(forum=private_forum, user=member)
    client.force_login(member)
    assert len(_follow_and_read_mark_queries(client, topic_url(roads))) == 1
    assert not TopicReadTrack.objects.filter(user=member).exists()


def test_the_read_tracking_asks_once_for_a_topic_loaded_elsewhere(commune, private_forum, member):
    """A topic loaded without the reader's marks is checked by one query: read, it gets no write; unread, a mark."""
    colleague = membership(commune).user
    roads = topic(private_forum, poster=colleague, subject="Entretien des routes")
    topic(private_forum, poster=colleague, subject="Éclairage public")
    TrackingHandler().mark_topic_read(Topic.objects.get(pk=roads.pk), member)
    first_mark = TopicReadTrack.objects.get(topic=roads, user=member).mark_time

    with CaptureQueriesContext(connection) as queries:
        TrackingHandler().mark_topic_read(Topic.objects.get(pk=roads.pk), member)
    assert len(queries) == 2  # the topic's load, then the compiled marks
    assert TopicReadTrack.objects.get(topic=roads, user=member).mark_time == first_mark

    reply(roads, poster=colleague)
    TrackingHandler().mark_topic_read(Topic.objects.get(pk=roads.pk), member)
    assert TopicReadTrack.objects.get(topic=roads, user=member).mark_time > first_mark


def test_follow_button_answers_for_the_reader_alone(client, commune, private_topic, member):
    """Another member's follow leaves the reader a "follow" button; the reader's own follow turns it to "stop"."""
    private_topic.subscribers.add(membership(commune).user)
    client.force_login(member)
    page = client.get(topic_url(private_topic)).content.decode()
    assert "Suivre ce sujet" in page and "Ne plus suivre ce sujet" not in page
    private_topic.subscribers.add(member)
    assert "Ne plus suivre ce sujet" in client.get(topic_url(private_topic)).content.decode()


def test_permission_tag_refuses_a_private_method(private_topic, member):
    """The permission tag answers a public check and refuses the handler's private methods."""
    template = "{% load forum_permissions %}{% get_permission METHOD topic.forum user as granted %}{{ granted }}"
    context = Context({"request": None, "topic": private_topic, "user": member})
    assert Template(template.replace("METHOD", "'can_read_forum'")).render(context) == "True"
    with pytest.raises(TemplateSyntaxError):
        Template(template.replace("METHOD", "'_get_checker'")).render(context)


def test_every_machina_template_asking_permissions_is_overridden_with_our_tag():
    """Each machina template loading machina's slow permission tag has an override that does not load it."""
    machina_templates = Path(machina.__file__).parent / "templates"
    ours = Path(settings.BASE_DIR) / "forums" / "templates"
    for template in machina_templates.rglob("*.html"):
        if "forum_permission_tags" in template.read_text():
            override = (ours / template.relative_to(machina_templates)).read_text()
            assert "forum_permission_tags" not in override, template


def test_a_visitor_reads_a_public_topic_without_a_stored_session(client, member):
    """A visitor who is not logged in reads a public forum's topic and its poll's results, and gets no session
    (machina would store one to tell anonymous voters apart)."""
    public_topic = topic(shared_forum("Foire aux questions", is_public=True), poster=member, subject="Horaires")
    poll = TopicPoll.objects.create(topic=public_topic, question="Ouverture le samedi ?", max_options=1)
    TopicPollVote.objects.create(poll_option=TopicPollOption.objects.create(poll=poll, text="Oui"), voter=member)
    response = client.get(topic_url(public_topic))
    page = response.content.decode()
    assert response.status_code == 200 and "Horaires" in page and "Ouverture le samedi ?" in page
    assert 'name="options"' not in page
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not Session.objects.exists()
