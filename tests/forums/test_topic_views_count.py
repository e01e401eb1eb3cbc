"""A topic's views count each reader once a while: reloading or paging through it writes nothing."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from machina.apps.forum_conversation.models import Topic

from tests.forums.factories import organisation_forum, shared_forum, topic, topic_url
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def subject(commune, member):
    return topic(organisation_forum(commune), poster=member)


def views(subject) -> int:
    return Topic.objects.get(pk=subject.pk).views_count


def test_a_reader_reloading_the_topic_counts_once_and_writes_nothing_more(client, subject, member):
    """The first view counts; the reloads that follow run no UPDATE of the topic."""
    client.force_login(member)
    before = views(subject)
    assert client.get(topic_url(subject)).status_code == 200
    with CaptureQueriesContext(connection) as reloads:
        for _ in range(3):
            assert client.get(topic_url(subject)).status_code == 200
    assert views(subject) == before + 1
    assert not [query for query in reloads if query["sql"].startswith('UPDATE "forum_conversation_topic"')]


def test_each_reader_counts(client, subject, commune, member):
    """Two members reading the topic make two views."""
    colleague = membership(commune, role="member").user
    before = views(subject)
    for reader in (member, colleague, member):
        client.force_login(reader)
        assert client.get(topic_url(subject)).status_code == 200
    assert views(subject) == before + 2


def test_a_visitor_without_a_session_counts_once_per_address_and_browser(client, member):
    """Reloads of a public topic by a visitor without a session count once; another address or browser counts again."""
    subject = topic(shared_forum(is_public=True), poster=member)
    before = views(subject)
    for address, browser in [("203.0.113.7", "Firefox"), ("203.0.113.7", "Firefox"), ("203.0.113.8", "Firefox")]:
        response = client.get(topic_url(subject), REMOTE_ADDR=address, HTTP_USER_AGENT=browser)
        assert response.status_code == 200 and settings.SESSION_COOKIE_NAME not in client.cookies
    client.get(topic_url(subject), REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Chromium")
    assert views(subject) == before + 3
