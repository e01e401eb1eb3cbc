"""The followed topics and forums a member is shown are only those they may still read."""

import pytest
from django.urls import reverse

from forums.services import forum_audience_update, forum_subscription_set
from tests.forums.factories import shared_forum, topic

pytestmark = pytest.mark.django_db

SUBSCRIPTIONS_URL = reverse("forum_member:user_subscriptions")


def move_url(moved):
    return reverse("forum_moderation:topic_move", kwargs={"slug": moved.slug, "pk": moved.pk})


def test_a_topic_moved_out_of_reach_leaves_the_followed_topics(client, open_forum, member, superuser):
    """Moved to a forum of the départements only, the topic is no longer followed nor named to the commune's member."""
    followed = topic(open_forum, poster=superuser, subject="Fusion des écoles")
    followed.subscribers.add(member)
    departements_only = shared_forum(
        "Entre départements", open_to_all_organisations=False, organisation_kinds=["departement"]
    )
    client.force_login(superuser)

    assert client.post(move_url(followed), {"forum": departements_only.pk}).status_code == 302

    assert not followed.subscribers.filter(pk=member.pk).exists()
    client.force_login(member)
    response = client.get(SUBSCRIPTIONS_URL)
    assert response.status_code == 200
    assert "Fusion des écoles" not in response.content.decode()


def test_a_topic_moved_within_reach_stays_followed(client, open_forum, private_forum, member, superuser):
    """Moved to the member's own organisation forum, the topic stays on their followed topics."""
    followed = topic(open_forum, poster=superuser, subject="Fusion des écoles")
    followed.subscribers.add(member)
    client.force_login(superuser)

    client.post(move_url(followed), {"forum": private_forum.pk})

    client.force_login(member)
    assert "Fusion des écoles" in client.get(SUBSCRIPTIONS_URL).content.decode()


def test_followed_topics_and_forums_of_a_forum_closed_to_the_member_are_not_named(
    client, departement_editor, open_forum, member
):
    """A shared forum narrowed to the départements: its topic and its name leave the member's pages."""
    followed = topic(open_forum, poster=departement_editor, subject="Fusion des écoles")
    followed.subscribers.add(member)
    forum_subscription_set(user=member, forum=open_forum, subscribed=True)
    forum_audience_update(
        audience=open_forum.audience, open_to_all_organisations=False, organisation_kinds=["departement"]
    )
    client.force_login(member)

    assert "Fusion des écoles" not in client.get(SUBSCRIPTIONS_URL).content.decode()
    assert "Numérique" not in client.get(reverse("forums:preferences")).content.decode()


def test_moving_a_topic_costs_the_same_queries_however_many_follow_it(open_forum, commune, superuser):
    """Who may still read the new forum is asked once, not once per follower."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from forums.services import topic_move
    from tests.organisations.factories import membership

    departements_only = shared_forum(
        "Entre départements", open_to_all_organisations=False, organisation_kinds=["departement"]
    )
    counts, kept = [], []
    for followers in (3, 12):
        moved = topic(open_forum, poster=superuser, subject=f"Sujet suivi par {followers}")
        moved.subscribers.add(superuser, *[membership(commune).user for _ in range(followers)])
        with CaptureQueriesContext(connection) as queries:
            topic_move(topic=moved, forum=departements_only, lock=False)
        counts.append(len(queries))
        kept.append(list(moved.subscribers.all()))

    assert counts[0] == counts[1]
    assert kept == [[superuser], [superuser]]
