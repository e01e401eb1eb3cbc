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


def test_leaving_withdraws_what_the_membership_let_them_read(client, commune, editor, other_commune, departing):
    """The share's notice leaves Paul's centre when he leaves Darvoy; one about his own conversation stays."""
    share(folder(commune, user=editor, name="Projet de fusion confidentiel"), other_commune, user=editor)
    notification_send(users=[departing], kind="mention", title="Marie vous a mentionné", url="/messages/1/")

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
