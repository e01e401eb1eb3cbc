"""Pre-moderated forums, and the moderators' tools on topics."""

from django.urls import reverse
from machina.apps.forum_conversation.models import Topic

from tests.forums.factories import (
    reply_form_data,
    reply_url,
    shared_forum,
    topic,
    topic_create_url,
    topic_form_data,
    topic_url,
)
from tests.organisations.factories import membership


def test_premoderated_forum_holds_posts_until_approved(client, member, departement_editor):
    """A member's reply in a pre-moderated forum waits for a moderator, who approves it from the queue."""
    forum = shared_forum("Marchés publics", premoderated=True)
    forum_topic = topic(forum, poster=departement_editor)
    client.force_login(member)
    client.post(reply_url(forum_topic), reply_form_data(content="Réponse à valider"))
    pending = forum_topic.posts.get(content="Réponse à valider")
    assert not pending.approved
    assert "Réponse à valider" not in client.get(topic_url(forum_topic)).content.decode()
    assert client.get(reverse("forum_moderation:queue")).status_code == 404

    client.force_login(departement_editor)
    assert (
        "Réponse à valider" in client.get(reverse("forum_moderation:queued_post", args=[pending.pk])).content.decode()
    )
    client.post(reverse("forum_moderation:approve_queued_post", args=[pending.pk]))
    pending.refresh_from_db()
    assert pending.approved


def test_forum_menu_links_to_the_queue_for_moderators_only(client, private_topic, member, admin, departement_editor):
    """The forum menu shows "File de modération" to whoever may approve posts somewhere, and to nobody else."""
    shared_forum("Marchés publics", premoderated=True)
    seen = {}
    for user in (member, admin, departement_editor):
        client.force_login(user)
        seen[user] = "File de modération" in client.get(reverse("forum:index")).content.decode()
    assert seen == {member: False, admin: True, departement_editor: True}


def test_moderator_locks_and_pins(client, private_topic, admin):
    client.force_login(admin)
    client.post(reverse("forum_moderation:topic_lock", kwargs={"slug": private_topic.slug, "pk": private_topic.pk}))
    client.post(
        reverse("forum_moderation:topic_update_to_sticky", kwargs={"slug": private_topic.slug, "pk": private_topic.pk})
    )
    private_topic.refresh_from_db()
    assert private_topic.is_locked and private_topic.type == Topic.TOPIC_STICKY


def test_moderator_cannot_move_topic_to_another_organisation(
    client, private_topic, admin, other_commune, departement, open_forum
):
    """The move form offers only the forums the moderator moderates (here also the shared ones)."""
    membership(departement, role="editor", user=admin)
    client.force_login(admin)
    page = client.get(
        reverse("forum_moderation:topic_move", kwargs={"slug": private_topic.slug, "pk": private_topic.pk})
    )
    assert page.status_code == 200
    assert open_forum.name in page.content.decode() and other_commune.name not in page.content.decode()


def test_a_post_awaiting_approval_is_not_announced_as_published(client, member, departement_editor):
    """In a pre-moderated forum the member reads only that the post will be validated, for a reply and a topic."""
    forum = shared_forum("Marchés publics", premoderated=True)
    forum_topic = topic(forum, poster=departement_editor)
    client.force_login(member)

    for response in (
        client.post(reply_url(forum_topic), reply_form_data(content="Réponse à valider"), follow=True),
        client.post(topic_create_url(forum), topic_form_data(), follow=True),
    ):
        page = response.content.decode()
        assert "Ce message sera validé avant d&#x27;apparaître sur le forum." in page
        assert "Ce message a été publié avec succès." not in page


def test_a_post_without_approval_is_announced_as_published(client, member, private_topic):
    """Outside pre-moderated forums the member reads that the post is published."""
    client.force_login(member)

    page = client.post(reply_url(private_topic), reply_form_data(), follow=True).content.decode()

    assert "Ce message a été publié avec succès." in page
    assert "Ce message sera validé" not in page


def test_a_moderator_of_a_single_forum_is_not_offered_to_move_its_topics(client, private_topic, admin):
    """With no other forum to move a topic to, "Déplacer le sujet" is not offered and the move form answers 404."""
    client.force_login(admin)

    page = client.get(topic_url(private_topic)).content.decode()

    assert "Verrouiller le sujet" in page and "Déplacer le sujet" not in page
    move_url = reverse("forum_moderation:topic_move", kwargs={"slug": private_topic.slug, "pk": private_topic.pk})
    assert client.get(move_url).status_code == 404
