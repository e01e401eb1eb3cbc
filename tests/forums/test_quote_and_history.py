"""Quoting a post starts a reply with it; editing a post keeps its earlier version."""

from django.urls import reverse

from forums.models import PostRevision
from tests.forums.factories import post_update_url, reply, reply_form_data, reply_url, topic, topic_url


def test_quote_prefills_reply(client, private_topic, member, admin):
    quoted = reply(private_topic, poster=admin, content="Le délai est de deux mois.\nVoir l'article R423-23.")
    client.force_login(member)
    page = client.get(reply_url(private_topic) + f"?quote={quoted.pk}").content.decode()
    assert "a écrit :" in page
    assert "&gt; Le délai est de deux mois." in page and "&gt; Voir l&#x27;article R423-23." in page


def test_quote_of_another_topic_is_ignored(client, private_topic, open_forum, member):
    """A post of another topic, possibly of a forbidden forum, is never quoted."""
    elsewhere = topic(open_forum, poster=member, content="Secret d'un autre forum").first_post
    client.force_login(member)
    page = client.get(reply_url(private_topic) + f"?quote={elsewhere.pk}").content.decode()
    assert "Secret d" not in page


def test_edit_keeps_earlier_version(client, private_topic, member):
    post = reply(private_topic, poster=member, content="Première version")
    client.force_login(member)
    response = client.post(
        post_update_url(post), {**reply_form_data(content="Version corrigée"), "update_reason": "Coquille"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.content.raw == "Version corrigée"
    [revision] = PostRevision.objects.filter(post=post)
    assert revision.content == "Première version" and revision.edited_by == member
    history = client.get(reverse("forums:post_history", args=[post.pk])).content.decode()
    assert "Première version" in history


def test_history_of_forbidden_post_is_404(client, private_topic, outsider):
    client.force_login(outsider)
    assert client.get(reverse("forums:post_history", args=[private_topic.first_post.pk])).status_code == 404


def test_reply_form_round_trip(client, private_topic, member):
    client.force_login(member)
    client.post(reply_url(private_topic), reply_form_data(content="Réponse **importante**"))
    page = client.get(reverse("forums:post", args=[private_topic.posts.last().pk]), follow=True).content.decode()
    assert "<strong>importante</strong>" in page


def test_earlier_versions_are_rendered_like_the_posts(client, private_topic, member):
    """The author reads an earlier version as formatted text, not as escaped HTML."""
    post = reply(private_topic, poster=member, content="Version **importante**")
    client.force_login(member)
    client.post(post_update_url(post), reply_form_data(content="Version corrigée"))

    history = client.get(reverse("forums:post_history", args=[post.pk])).content.decode()

    assert "<strong>importante</strong>" in history
    assert "&lt;p&gt;" not in history


def test_content_removed_by_a_moderator_is_not_readable_in_the_history(client, private_topic, member, editor, admin):
    """Another member of the organisation neither gets a link to the history nor the history (404); the author
    and the moderator still read it."""
    post = reply(private_topic, poster=member, content="Numéro personnel 06 12 34 56 78")
    client.force_login(admin)
    client.post(post_update_url(post), reply_form_data(content="[Contenu retiré par la modération]"))
    history_url = reverse("forums:post_history", args=[post.pk])

    client.force_login(editor)
    assert "Voir les versions précédentes" not in client.get(topic_url(private_topic)).content.decode()
    assert client.get(history_url).status_code == 404

    for allowed in (member, admin):
        client.force_login(allowed)
        assert "Voir les versions précédentes" in client.get(topic_url(private_topic)).content.decode()
        assert "06 12 34 56 78" in client.get(history_url).content.decode()


def test_preview_is_rendered_like_the_posts(client, private_topic, member):
    """The preview of a reply shows formatted text, not escaped HTML."""
    client.force_login(member)

    page = client.post(reply_url(private_topic), {**reply_form_data(content="Réponse **importante**"), "preview": "1"})

    assert "<strong>importante</strong>" in page.content.decode()
