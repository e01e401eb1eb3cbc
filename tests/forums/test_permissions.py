"""The permission matrix of private and shared forums, as members, outsiders, visitors and moderators see it."""

import pytest
from django.urls import reverse
from machina.apps.forum_conversation.models import Post, Topic

from tests.accounts.factories import UserFactory
from tests.forums.factories import (
    attachment,
    organisation_forum,
    post_update_url,
    reply,
    reply_form_data,
    reply_url,
    shared_forum,
    topic,
    topic_create_url,
    topic_form_data,
    topic_url,
)
from tests.organisations.factories import OrganisationFactory, membership

ALLOWED, NOT_FOUND, LOGIN = "allowed", "404", "login"


def _attempt(client, action, forum_topic, other_post, file):
    """Try one action; say whether it was allowed, hidden (404) or sent to the login page."""
    lock_url = reverse("forum_moderation:topic_lock", kwargs={"slug": forum_topic.slug, "pk": forum_topic.pk})
    topics_before, posts_before = Topic.objects.count(), Post.objects.count()
    response = {
        "read": lambda: client.get(topic_url(forum_topic)),
        "post": lambda: client.post(topic_create_url(forum_topic.forum), topic_form_data()),
        "reply": lambda: client.post(reply_url(forum_topic), reply_form_data()),
        "edit": lambda: client.get(post_update_url(other_post)),
        "moderate": lambda: client.get(lock_url),
        "download": lambda: client.get(reverse("forum_conversation:attachment", kwargs={"pk": file.pk})),
    }[action]()
    if response.status_code == 404:
        assert (Topic.objects.count(), Post.objects.count()) == (topics_before, posts_before)
        return NOT_FOUND
    if response.status_code == 302 and response.url.startswith(reverse("accounts:login")):
        return LOGIN
    assert response.status_code in (200, 302), response.status_code
    if action == "post":
        assert Topic.objects.count() == topics_before + 1
    if action == "reply":
        assert Post.objects.count() == posts_before + 1
    return ALLOWED


ACTIONS = ["read", "post", "reply", "edit", "moderate", "download"]
# Expected answer per participant, action by action (ACTIONS' order).
PRIVATE_MATRIX = {
    "member": [ALLOWED, ALLOWED, ALLOWED, NOT_FOUND, NOT_FOUND, ALLOWED],
    "other_member": [NOT_FOUND] * 6,
    "anonymous": [LOGIN] * 6,
    "moderator": [ALLOWED] * 6,
}
SHARED_MATRIX = PRIVATE_MATRIX


@pytest.fixture
def private_setup(commune, other_commune, member, admin):
    """Jargeau's private forum: its member, Darvoy's member, a visitor, Jargeau's admin (moderator)."""
    forum_topic = topic(organisation_forum(commune), poster=membership(commune).user)
    other_post = reply(forum_topic, poster=forum_topic.poster)
    users = {"member": member, "other_member": membership(other_commune).user, "anonymous": None, "moderator": admin}
    return forum_topic, other_post, attachment(forum_topic.first_post), users


@pytest.fixture
def shared_setup(db, commune, departement, departement_editor):
    """A shared forum limited to the EPCI: an EPCI member, a commune member, a visitor, a département editor."""
    epci = OrganisationFactory(kind="epci", name="CC des Loges", slug="cc-des-loges", insee_code="")
    forum = shared_forum("Marchés publics", open_to_all_organisations=False, organisation_kinds=["epci"])
    forum_topic = topic(forum, poster=membership(epci).user)
    other_post = reply(forum_topic, poster=forum_topic.poster)
    users = {
        "member": membership(epci).user,
        "other_member": membership(commune).user,
        "anonymous": None,
        "moderator": departement_editor,
    }
    return forum_topic, other_post, attachment(forum_topic.first_post), users


@pytest.mark.parametrize("participant", list(PRIVATE_MATRIX))
@pytest.mark.parametrize("action", ACTIONS)
def test_private_forum_matrix(client, private_setup, participant, action):
    """Only the organisation's members use its forum, and only its admins moderate it."""
    forum_topic, other_post, file, users = private_setup
    if users[participant]:
        client.force_login(users[participant])
    expected = PRIVATE_MATRIX[participant][ACTIONS.index(action)]
    assert _attempt(client, action, forum_topic, other_post, file) == expected


@pytest.mark.parametrize("participant", list(SHARED_MATRIX))
@pytest.mark.parametrize("action", ACTIONS)
def test_shared_forum_matrix(client, shared_setup, participant, action):
    """A shared forum limited to a kind is used by those organisations; the département's editors moderate it."""
    forum_topic, other_post, file, users = shared_setup
    if users[participant]:
        client.force_login(users[participant])
    expected = SHARED_MATRIX[participant][ACTIONS.index(action)]
    assert _attempt(client, action, forum_topic, other_post, file) == expected


def test_member_edits_own_post(client, private_topic, member):
    """An author may edit their own post."""
    client.force_login(member)
    assert client.get(post_update_url(private_topic.first_post)).status_code == 200


def test_open_shared_forum_admits_every_organisation(client, open_forum, member, outsider):
    """A forum open to all organisations is read and written by the members of any of them."""
    forum_topic = topic(open_forum, poster=member)
    client.force_login(outsider)
    assert client.get(topic_url(forum_topic)).status_code == 200
    client.post(reply_url(forum_topic), reply_form_data())
    assert forum_topic.posts.count() == 2


def test_user_without_organisation_reads_nothing(client, open_forum, private_topic):
    """A platform account that belongs to no organisation sees no forum, not even the open ones."""
    client.force_login(UserFactory())
    forum_topic = topic(open_forum, poster=private_topic.poster)
    assert client.get(topic_url(forum_topic)).status_code == 404
    assert "Numérique" not in client.get(reverse("forum:index")).content.decode()


def test_public_forum_readable_anonymously_but_not_writable(client, member):
    """An explicitly public forum is read by anyone; only members write in it."""
    forum = shared_forum("Foire aux questions", is_public=True)
    forum_topic = topic(forum, poster=member)
    assert client.get(topic_url(forum_topic)).status_code == 200
    response = client.post(reply_url(forum_topic), reply_form_data())
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    assert forum_topic.posts.count() == 1


def test_anonymous_index_lists_only_public_forums(client, private_topic, open_forum):
    """A visitor's forum index shows neither the organisations' forums nor the members' shared ones."""
    page = client.get(reverse("forum:index")).content.decode()
    assert "Échanges internes" not in page and "Numérique" not in page


def test_index_lists_only_readable_forums(client, commune, other_commune, member):
    """A member's index lists their organisation's forums, not another organisation's."""
    client.force_login(member)
    page = client.get(reverse("forum:index")).content.decode()
    assert commune.name in page and other_commune.name not in page


def test_an_organisations_forum_is_described_with_its_article(db):
    """The Département's own forum reads "réservés aux membres du Département du Loiret", not "de Département"."""
    from forums.models import ForumAudience

    departement = OrganisationFactory(kind="departement", name="Département du Loiret", slug="loiret", insee_code="")

    forum = ForumAudience.objects.get(organisation=departement, forum__parent__isnull=False).forum
    assert forum.description.raw == "Les échanges réservés aux membres du Département du Loiret."
