"""E-mails about new posts: at once or in a daily digest, with a link to the post and a working unsubscribe link."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from extranet.organisations.models import Membership
from extranet.organisations.services import membership_remove
from forums.events import ForumPostPublished
from forums.models import DigestEntry, ForumSubscription
from forums.notifications import post_event
from forums.services import forum_subscription_set, notification_preference_set
from tests.forums.factories import reply, topic, topic_url
from tests.organisations.factories import membership


@pytest.fixture
def follower(commune, private_topic):
    """A colleague who follows the topic."""
    user = membership(commune).user
    private_topic.subscribers.add(user)
    return user


def _mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def _unsubscribe_link(message):
    return re.search(r"https?://\S+/forums/desabonnement/\S+/", message.body).group(0)


def test_topic_follower_gets_email_at_once(private_topic, follower, admin, django_capture_on_commit_callbacks):
    """A reply e-mails the topic's followers with a link to the post; the author gets nothing."""
    with django_capture_on_commit_callbacks(execute=True):
        post = reply(private_topic, poster=admin)
    [message] = _mails_to(follower)
    assert private_topic.subject in message.subject
    assert f"{topic_url(private_topic)}?post={post.pk}#{post.pk}" in message.body
    assert "Nous passons par le service instructeur" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not _mails_to(admin)


def test_forum_follower_gets_email(private_topic, commune, admin, django_capture_on_commit_callbacks):
    """Following a forum brings the replies of all its topics."""
    user = membership(commune).user
    forum_subscription_set(user=user, forum=private_topic.forum, subscribed=True)
    with django_capture_on_commit_callbacks(execute=True):
        reply(private_topic, poster=admin)
    assert len(_mails_to(user)) == 1


def test_a_new_topic_is_announced_as_a_topic_and_a_reply_as_a_reply(
    private_forum, commune, admin, django_capture_on_commit_callbacks
):
    """The forum's follower reads "Nouveau sujet : …" for the first post, then "Nouvelle réponse : …"."""
    user = membership(commune).user
    forum_subscription_set(user=user, forum=private_forum, subscribed=True)

    with django_capture_on_commit_callbacks(execute=True):
        started = topic(private_forum, poster=admin, subject="Déneigement des routes")
    with django_capture_on_commit_callbacks(execute=True):
        reply(started, poster=admin)

    assert [message.subject for message in _mails_to(user)] == [
        "Nouveau sujet : Déneigement des routes",
        "Nouvelle réponse : Déneigement des routes",
    ]


def test_edit_does_not_notify_again(private_topic, follower, admin, django_capture_on_commit_callbacks):
    """Editing a post sends nothing more."""
    with django_capture_on_commit_callbacks(execute=True):
        post = reply(private_topic, poster=admin)
    with django_capture_on_commit_callbacks(execute=True):
        post.content = "Correction"
        post.save()
    assert len(_mails_to(follower)) == 1


def test_pending_post_notifies_once_approved(private_topic, follower, admin, django_capture_on_commit_callbacks):
    """A post awaiting moderation is announced when approved, not before."""
    with django_capture_on_commit_callbacks(execute=True):
        post = reply(private_topic, poster=admin, approved=False)
    assert not _mails_to(follower)
    with django_capture_on_commit_callbacks(execute=True):
        post.approved = True
        post.save()
    assert len(_mails_to(follower)) == 1


def test_follower_who_left_gets_nothing(commune, private_topic, follower, admin, django_capture_on_commit_callbacks):
    """A follower who left the organisation is not told about its forum any more."""
    membership_remove(membership=Membership.objects.get(user=follower, organisation=commune))
    with django_capture_on_commit_callbacks(execute=True):
        reply(private_topic, poster=admin)
    assert not _mails_to(follower)


def test_daily_digest(private_topic, follower, admin, django_capture_on_commit_callbacks):
    """A member who chose the digest gets one e-mail listing the day's posts, sent by the cron command."""
    notification_preference_set(user=follower, frequency="daily")
    with django_capture_on_commit_callbacks(execute=True):
        first = reply(private_topic, poster=admin)
        second = reply(private_topic, poster=admin, content="Et aussi le guichet unique.")
    assert not _mails_to(follower)
    assert DigestEntry.objects.filter(user=follower).count() == 2
    call_command("forums_send_digests")
    [message] = _mails_to(follower)
    assert "2" in message.subject
    assert f"?post={first.pk}#{first.pk}" in message.body and f"?post={second.pk}#{second.pk}" in message.body
    assert not DigestEntry.objects.exists()
    call_command("forums_send_digests")
    assert len(_mails_to(follower)) == 1


def test_digest_skips_forums_no_longer_readable(
    commune, private_topic, follower, admin, django_capture_on_commit_callbacks
):
    """A member who left before the digest is sent does not receive the posts of that forum."""
    notification_preference_set(user=follower, frequency="daily")
    with django_capture_on_commit_callbacks(execute=True):
        reply(private_topic, poster=admin)
    membership_remove(membership=Membership.objects.get(user=follower, organisation=commune))
    call_command("forums_send_digests")
    assert not _mails_to(follower)


def test_never_means_no_email(private_topic, follower, admin, django_capture_on_commit_callbacks):
    notification_preference_set(user=follower, frequency="never")
    with django_capture_on_commit_callbacks(execute=True):
        reply(private_topic, poster=admin)
    assert not _mails_to(follower) and not DigestEntry.objects.exists()


def test_unsubscribe_link_works_without_login(
    client, private_topic, follower, admin, django_capture_on_commit_callbacks
):
    """The link shows a one-button page; the button stops the subscription, no login needed."""
    with django_capture_on_commit_callbacks(execute=True):
        reply(private_topic, poster=admin)
    link = _unsubscribe_link(_mails_to(follower)[0])
    page = client.get(link)
    assert page.status_code == 200 and private_topic.subject in page.content.decode()
    assert private_topic.subscribers.filter(pk=follower.pk).exists()
    assert client.post(link).status_code == 200
    assert not private_topic.subscribers.filter(pk=follower.pk).exists()


def test_an_english_follower_unsubscribes_on_an_english_page(
    client, private_topic, follower, admin, django_capture_on_commit_callbacks
):
    """The link of an English e-mail opens an English page, on a phone that never chose a language."""
    follower.preferred_language = "en"
    follower.save()
    with django_capture_on_commit_callbacks(execute=True):
        reply(private_topic, poster=admin)

    page = client.get(_unsubscribe_link(_mails_to(follower)[0])).content.decode()

    assert '<html lang="en"' in page and "Stop receiving e-mails about new replies" in page


def test_one_click_unsubscribe_from_mail_client(
    client, private_topic, commune, admin, django_capture_on_commit_callbacks
):
    """A mail client's RFC 8058 POST to the List-Unsubscribe address stops a forum subscription."""
    user = membership(commune).user
    forum_subscription_set(user=user, forum=private_topic.forum, subscribed=True)
    with django_capture_on_commit_callbacks(execute=True):
        reply(private_topic, poster=admin)
    header = _mails_to(user)[0].extra_headers["List-Unsubscribe"]
    response = client.post(header.strip("<>"), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not ForumSubscription.objects.filter(user=user).exists()


def test_forged_unsubscribe_token_is_404(client, follower, private_topic):
    """A token that was not signed by the site unsubscribes nobody."""
    response = client.post(reverse("forums:unsubscribe", args=["eyJ1IjoxLCJrIjoidG9waWMiLCJpIjoxfQ:forged:sig"]))
    assert response.status_code == 404
    assert private_topic.subscribers.filter(pk=follower.pk).exists()


def test_preferences_page_saves_frequency(client, member):
    """The preferences page stores the chosen frequency."""
    client.force_login(member)
    response = client.post(reverse("forums:preferences"), {"frequency": "daily"})
    assert response.status_code == 302
    assert member.forum_notification_preference.frequency == "daily"


def test_follow_forum_button(client, member, private_forum):
    """The follow button of a forum page records the subscription; following a forbidden forum is a 404."""
    client.force_login(member)
    client.post(reverse("forums:follow", args=[private_forum.pk]), {"follow": "1"})
    assert ForumSubscription.objects.filter(user=member, forum=private_forum).exists()


def test_follow_forbidden_forum_is_404(client, outsider, private_forum):
    client.force_login(outsider)
    assert client.post(reverse("forums:follow", args=[private_forum.pk]), {"follow": "1"}).status_code == 404
    assert not ForumSubscription.objects.exists()


def test_event_is_a_plain_record(private_topic):
    """The event carries what any notifier needs (the live notification centre will receive the same one)."""
    event = post_event(private_topic.first_post)
    assert isinstance(event, ForumPostPublished)
    assert (event.topic_id, event.forum_id, event.topic_subject) == (
        private_topic.pk,
        private_topic.forum_id,
        private_topic.subject,
    )
    assert event.url.endswith(f"#{private_topic.first_post.pk}")


def test_a_reply_lands_in_the_notification_centre_without_a_second_email(
    private_topic, follower, admin, django_capture_on_commit_callbacks
):
    """The follower gets one in-app notification (kind forum_reply) and still exactly one e-mail."""
    from extranet.notifications.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        post = reply(private_topic, poster=admin)

    notification = Notification.objects.get(user=follower)
    assert (notification.kind, notification.actor) == ("forum_reply", admin)
    assert notification.url == f"{topic_url(private_topic)}?post={post.pk}#{post.pk}"
    assert len(_mails_to(follower)) == 1 and not Notification.objects.filter(user=admin).exists()
