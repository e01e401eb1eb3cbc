"""The forum pages' breadcrumb: every forum above the page's, the root first, each a link."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.forums.factories import forum_url, shared_forum, topic, topic_url


def _trail(page: str) -> list[str]:
    crumbs = re.search(r'<ol class="breadcrumb__list">(.*?)</ol>', page, re.S).group(1)
    return re.findall(r"<a [^>]*>([^<]+)</a>", crumbs)


def test_a_topic_two_levels_down_lists_each_forum_above_it(client, member):
    """A topic of a sub-forum shows Forums, the category, the forum, the sub-forum, then the topic."""
    category = shared_forum("Aménagement", category=True)
    roads = shared_forum("Voirie", parent=category)
    winter = shared_forum("Viabilité hivernale", parent=roads)
    salting = topic(winter, poster=member, subject="Stocks de sel")
    client.force_login(member)
    page = client.get(topic_url(salting)).content.decode()
    assert _trail(page) == ["Forums", "Aménagement", "Voirie", "Viabilité hivernale", "Stocks de sel"]
    assert _trail(client.get(forum_url(winter)).content.decode()) == [
        "Forums",
        "Aménagement",
        "Voirie",
        "Viabilité hivernale",
    ]


def test_a_topic_of_an_organisation_forum_has_its_category_without_a_query(client, commune, private_topic, member):
    """An organisation's forum sits under the organisation's category, loaded with the topic."""
    client.force_login(member)
    client.get(topic_url(private_topic))
    with CaptureQueriesContext(connection) as queries:
        page = client.get(topic_url(private_topic)).content.decode()
    category = private_topic.forum.parent.name
    assert _trail(page) == ["Forums", category, private_topic.forum.name, private_topic.subject]
    assert not [query for query in queries if query["sql"].startswith('SELECT "forum_forum"')]


def test_a_root_forum_has_no_trail_above_it(client, member):
    """A shared forum at the root shows Forums, then itself."""
    open_forum = shared_forum("Numérique")
    assert open_forum.level == 0
    client.force_login(member)
    assert _trail(client.get(forum_url(open_forum)).content.decode()) == ["Forums", "Numérique"]
