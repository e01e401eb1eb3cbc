"""The same posting form sent twice (a double tap without JavaScript, a retried request) is posted once."""

import re

import pytest
from machina.apps.forum_conversation.models import Post, Topic

from tests.forums.factories import reply_form_data, reply_url, topic_create_url, topic_form_data

pytestmark = pytest.mark.django_db


def submission_key(page) -> str:
    return re.search(r'name="submission_key" value="([0-9a-f]{32})"', page.content.decode()).group(1)


def test_a_reply_sent_twice_is_posted_once(client, member, private_topic):
    """The second request goes to the reply the first one posted, with a French notice."""
    client.force_login(member)
    key = submission_key(client.get(reply_url(private_topic)))
    before = Post.objects.count()

    first = client.post(reply_url(private_topic), reply_form_data(content="Une seule fois", submission_key=key))
    second = client.post(reply_url(private_topic), reply_form_data(content="Une seule fois", submission_key=key))

    assert first.status_code == second.status_code == 302 and second["Location"] == first["Location"]
    assert Post.objects.count() == before + 1
    assert "Ce message avait déjà été envoyé" in client.get(second["Location"], follow=True).content.decode()


def test_a_refused_reply_corrected_with_the_same_key_is_posted(client, member, private_topic):
    """A form shown again with its errors keeps its key, and the corrected one is posted."""
    client.force_login(member)
    key = submission_key(client.get(reply_url(private_topic)))
    before = Post.objects.count()

    refused = client.post(reply_url(private_topic), reply_form_data(content="", submission_key=key))
    corrected = client.post(reply_url(private_topic), reply_form_data(content="Corrigé", submission_key=key))

    assert refused.status_code == 200 and submission_key(refused) == key
    assert corrected.status_code == 302 and Post.objects.count() == before + 1


def test_a_new_topic_sent_twice_is_created_once(client, member, private_forum):
    """Two requests with the same key make one topic."""
    client.force_login(member)
    key = submission_key(client.get(topic_create_url(private_forum)))

    for _attempt in range(2):
        response = client.post(topic_create_url(private_forum), topic_form_data(submission_key=key))
        assert response.status_code == 302

    assert Topic.objects.filter(forum=private_forum, subject="Marchés publics : seuils 2025").count() == 1
