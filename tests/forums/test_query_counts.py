"""The forum pages run as many queries with little or much data, within machina's own measured budgets.

machina's figures (17 for a topic page, 26 for posting) count its own queries; the site adds the same few to
every request (session load and save, the user, its two-factor checks, the header's admin link, notification
bell and unread messages), which `_forum_queries` leaves out of the budget, though not out of the equality
checks.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.forums.factories import forum_url, reply, reply_form_data, reply_url, shared_forum, topic, topic_url
from tests.organisations.factories import membership

TOPIC_VIEW_BUDGET = 17
POSTING_BUDGET = 26


SITE_WIDE = (
    "django_session",
    "otp_totp_totpdevice",
    "require_two_factor",
    "auth_permission",
    "SAVEPOINT",
    "notifications_notification",
    "messaging_",
)


def _queries(client, url, method="get", data=None) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
    assert response.status_code in (200, 302)
    return [query["sql"] for query in queries.captured_queries]


def _count(client, url, method="get", data=None) -> int:
    return len(_queries(client, url, method, data))


def _forum_queries(sql: list[str]) -> int:
    """The queries of the page itself: without the site-wide ones, nor the logged-in user's load."""
    own = [query for query in sql if not any(marker in query for marker in SITE_WIDE)]
    user_load = next(query for query in own if query.startswith('SELECT "accounts_user"'))
    own.remove(user_load)
    return len(own)


def _replies(forum_topic, count):
    posters = [forum_topic.poster] + [membership(forum_topic.forum.audience.organisation).user for _ in range(3)]
    for number in range(count):
        reply(forum_topic, poster=posters[number % len(posters)], content=f"Réponse numéro {number}.")


def test_topic_page_same_queries_with_10_or_100_posts(client, commune, private_forum, member):
    """A topic of 100 posts costs what one of 10 costs (the page shows 15 posts at most), within 17 queries."""
    small = topic(private_forum, poster=member, subject="Petit sujet")
    large = topic(private_forum, poster=member, subject="Grand sujet")
    _replies(small, 9)
    _replies(large, 99)
    client.force_login(member)
    client.get(topic_url(small))
    client.get(topic_url(large))
    small_queries = _queries(client, topic_url(small))
    large_queries = _queries(client, topic_url(large))
    assert len(small_queries) == len(large_queries)
    assert _forum_queries(large_queries) <= TOPIC_VIEW_BUDGET


def test_forum_page_same_queries_with_few_or_many_topics(client, commune, private_forum, member):
    """A forum page costs the same with 3 or 30 topics."""
    for number in range(3):
        topic(private_forum, poster=member, subject=f"Sujet {number}")
    client.force_login(member)
    few = _count(client, forum_url(private_forum))
    for number in range(27):
        topic(private_forum, poster=membership(commune).user, subject=f"Autre sujet {number}")
    assert _count(client, forum_url(private_forum)) == few


def test_index_same_queries_with_few_or_many_forums(client, commune, member):
    """The index costs the same with 1 or 6 shared forums holding topics."""
    first = shared_forum("Urbanisme")
    topic(first, poster=member)
    client.force_login(member)
    few = _count(client, reverse("forum:index"))
    for name in ("Marchés publics", "Numérique", "Voirie", "État civil", "Ressources humaines"):
        topic(shared_forum(name), poster=member)
    assert _count(client, reverse("forum:index")) == few


def test_posting_a_reply_stays_within_budget(client, private_forum, member):
    """Replying costs at most 26 queries (machina's measured figure)."""
    forum_topic = topic(private_forum, poster=member)
    client.force_login(member)
    assert _forum_queries(_queries(client, reply_url(forum_topic), "post", reply_form_data())) <= POSTING_BUDGET
    assert forum_topic.posts.count() == 2
