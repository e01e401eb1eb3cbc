"""Someone who leaves an organisation keeps nothing of its private content in their notification centre or digest."""

import pytest
from django.core import mail
from django.urls import reverse

from extranet.notifications.digests import notification_digests_send
from extranet.notifications.models import Notification
from extranet.notifications.services import notification_preferences_set, notification_send
from extranet.organisations.models import Membership
from extranet.organisations.services import membership_remove
from tests.documents.factories import folder, share
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def departing(other_commune):
    """An editor of Darvoy, told of everything shared with Darvoy."""
    return membership(other_commune, role="editor").user


def test_leaving_withdraws_what_the_membership_let_them_read(
    client, commune, editor, other_commune, outsider, departing
):
    """The share's notice leaves Paul's centre when he leaves Darvoy; one about his own conversation stays."""
    from extranet.messaging.services import conversation_create_direct

    share(folder(commune, user=editor, name="Projet de fusion confidentiel"), other_commune, user=editor)
    direct = conversation_create_direct(user=outsider, other=departing)
    notification_send(
        users=[departing], kind="mention", title="Marie vous a mentionné", url=direct.get_absolute_url() + "#message-1"
    )

    membership_remove(membership=Membership.objects.get(user=departing, organisation=other_commune))

    assert list(Notification.objects.filter(user=departing).values_list("kind", flat=True)) == ["mention"]
    client.force_login(departing)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Projet de fusion confidentiel" not in page and "Marie vous a mentionné" in page


def test_the_next_digest_leaves_it_out(commune, editor, other_commune, departing):
    """A share waiting for tomorrow's digest is not e-mailed to someone who has left the organisation since."""
    notification_preferences_set(user=departing, deliveries={"document_shared": "digest"})
    share(folder(commune, user=editor, name="Projet de fusion confidentiel"), other_commune, user=editor)

    membership_remove(membership=Membership.objects.get(user=departing, organisation=other_commune))
    notification_digests_send()

    assert [message for message in mail.outbox if departing.email in message.to] == []


def test_the_organisations_remaining_members_keep_theirs(commune, editor, other_commune, outsider, departing):
    """Only the departing member's notifications go: Darvoy's admin still finds the share."""
    share(folder(commune, user=editor, name="Projet de fusion"), other_commune, user=editor)

    membership_remove(membership=Membership.objects.get(user=departing, organisation=other_commune))

    assert Notification.objects.filter(user=outsider, kind="document_shared", organisation=other_commune).exists()


def test_an_event_invitation_stays_with_its_invitee(commune, editor):
    """An invitation opens its event whatever the memberships: leaving the event's organisation does not withdraw
    the invitation's notice."""
    from agenda import invitations
    from tests.agenda.factories import event, paris, private_calendar

    invitee = membership(commune, role="member").user
    council = event(private_calendar(commune), user=editor, title="Commission voirie", start=paris(2027, 4, 6, 18))
    invitations.event_invite(event=council, inviter=editor, users=[invitee])

    membership_remove(membership=Membership.objects.get(user=invitee, organisation=commune))

    assert Notification.objects.filter(user=invitee, kind="event_invitation").exists()


def test_leaving_withdraws_a_mention_in_a_room_of_several_organisations(commune, other_commune, admin, departing):
    """A topic room is read through its organisations: leaving Darvoy withdraws the mention and its excerpt."""
    from extranet.messaging import services as messaging

    room = messaging.topic_room_create(creator=admin, title="Voirie", organisations=[commune, other_commune])
    messaging.message_send(
        conversation=room, author=admin, body=f"@{departing.email.split('@')[0]} le projet de rocade", key="k"
    )
    assert Notification.objects.filter(user=departing, kind="mention").exists()

    membership_remove(membership=Membership.objects.get(user=departing, organisation=other_commune))

    assert not Notification.objects.filter(user=departing).exists()


def test_leaving_withdraws_replies_of_a_shared_forum_open_to_the_organisation(
    commune, other_commune, admin, departing, django_capture_on_commit_callbacks
):
    """A shared forum open to Jargeau and Darvoy only: a Darvoy member who leaves loses the reply's excerpt."""
    from forums.services import forum_subscription_set
    from tests.forums.factories import reply, shared_forum, topic

    forum = shared_forum(name="Rocade", open_to_all_organisations=False, organisations=[commune, other_commune])
    started = topic(forum, poster=admin, subject="Tracé")
    forum_subscription_set(user=departing, forum=forum, subscribed=True)
    with django_capture_on_commit_callbacks(execute=True):
        reply(started, poster=admin, content="Le tracé passe par la parcelle ZB 12")
    assert Notification.objects.filter(user=departing, kind="forum_reply").exists()

    membership_remove(membership=Membership.objects.get(user=departing, organisation=other_commune))

    assert not Notification.objects.filter(user=departing).exists()
