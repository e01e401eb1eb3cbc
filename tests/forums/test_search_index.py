"""Forum posts are indexed with their forum's audience, and indexing does no query per post."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from haystack import connections
from haystack.query import SearchQuerySet
from machina.apps.forum_conversation.models import Post

from extranet.search.audiences import MEMBERS, PUBLIC, organisation_audience, organisation_kind_audience
from forums.search_indexes import ForumPostIndex
from forums.services import forum_audience_update
from tests.forums.factories import reply, shared_forum, topic


@pytest.fixture(autouse=True)
def empty_index():
    backend = connections["default"].get_backend()
    backend.clear()
    yield
    backend.clear()


def _visibility(post):
    index = ForumPostIndex()
    return index.prepare_visibility(index.index_queryset().get(pk=post.pk))


def test_one_index_only_for_posts():
    """machina's own post index is left out: the forums' index is the one registered for Post."""
    index = connections["default"].get_unified_index().get_index(Post)
    assert isinstance(index, ForumPostIndex)
    assert index.search_kind == "forum_post"


def test_organisation_forum_post_visible_to_its_members(private_topic, commune):
    assert _visibility(private_topic.first_post) == [organisation_audience(commune.pk)]


def test_open_shared_forum_post_visible_to_members(open_forum, member):
    assert _visibility(topic(open_forum, poster=member).first_post) == [MEMBERS]


def test_limited_shared_forum_post_visible_to_chosen_audiences(commune, member):
    forum = shared_forum(
        "Marchés publics", open_to_all_organisations=False, organisations=[commune], organisation_kinds=["epci"]
    )
    assert sorted(_visibility(topic(forum, poster=member).first_post)) == sorted(
        [organisation_audience(commune.pk), organisation_kind_audience("epci")]
    )


def test_public_forum_post_visible_to_all(member):
    forum = shared_forum("Foire aux questions", is_public=True)
    assert _visibility(topic(forum, poster=member).first_post) == [PUBLIC]


def test_pending_posts_are_not_indexed(private_topic, admin):
    pending = reply(private_topic, poster=admin, approved=False)
    assert pending not in ForumPostIndex().index_queryset()


def test_indexing_does_no_query_per_post(private_topic, commune, admin):
    """Preparing 5 or 25 posts costs the same number of queries."""
    index = ForumPostIndex()
    for _number in range(4):
        reply(private_topic, poster=admin)

    def cost():
        with CaptureQueriesContext(connection) as queries:
            for post in index.index_queryset():
                index.full_prepare(post)
        return len(queries)

    few = cost()
    for _number in range(20):
        reply(private_topic, poster=admin)
    assert cost() == few


def test_audience_change_refreshes_the_index(commune, other_commune, member, django_capture_on_commit_callbacks):
    """Restricting a shared forum re-indexes its posts with the new audience."""
    forum = shared_forum("Numérique", open_to_all_organisations=True)
    post = topic(forum, poster=member, subject="Logiciel de gestion des cimetières").first_post
    ForumPostIndex().update_object(post)
    with django_capture_on_commit_callbacks(execute=True):
        forum_audience_update(audience=forum.audience, open_to_all_organisations=False, organisations=[other_commune])
    [result] = SearchQuerySet().models(Post).filter(content="cimetières")
    assert result.visibility == [organisation_audience(other_commune.pk)]
    assert result.url.endswith(f"#{post.pk}")
