"""The apps notify from their services: an invitation, a share with my organisation, a notice to approve."""

import pytest

from agenda import invitations
from extranet.notices.services import notice_section_set_approval, notice_submit_for_moderation
from extranet.notifications.models import Notification
from tests.agenda.factories import event, paris, private_calendar
from tests.documents.factories import folder, share
from tests.notices.factories import notice, section_of
from tests.notices.helpers import admin_form, edit_url
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = pytest.mark.django_db


def test_an_invitation_notifies_the_invitee(commune, editor, outsider):
    """The invited person finds the invitation in their centre, with a link to the event."""
    council = event(private_calendar(commune), user=editor, title="Commission urbanisme", start=paris(2027, 4, 6, 18))

    invitations.event_invite(event=council, inviter=editor, users=[outsider])

    notification = Notification.objects.get(user=outsider)
    assert notification.kind == "event_invitation" and "Commission urbanisme" in notification.title
    assert notification.url == f"/agenda/evenement/{council.pk}/"


def test_each_invitee_reads_the_title_in_their_own_language(commune, editor, outsider, member):
    """An English-speaking invitee gets "Invitation: …", a French-speaking one "Invitation : …", whoever invites."""
    outsider.preferred_language = "en"
    outsider.save(update_fields=["preferred_language"])
    council = event(private_calendar(commune), user=editor, title="Commission urbanisme", start=paris(2027, 4, 6, 18))

    invitations.event_invite(event=council, inviter=editor, users=[outsider, member])

    titles = dict(Notification.objects.values_list("user_id", "title"))
    assert titles == {outsider.pk: "Invitation: Commission urbanisme", member.pk: "Invitation : Commission urbanisme"}


def test_a_new_share_notifies_the_receiving_editors_once(commune, editor, other_commune, outsider):
    """Darvoy's admin is told when a folder is shared with Darvoy, not again when the share is saved unchanged."""
    darvoy_member = membership(other_commune, role="member").user
    shared = folder(commune, user=editor, name="Assainissement")

    share(shared, other_commune, user=editor)
    share(shared, other_commune, user=editor, can_write=True)

    assert list(Notification.objects.values_list("user_id", "kind")) == [(outsider.pk, "document_shared")]
    assert not Notification.objects.filter(user__in=[darvoy_member, editor]).exists()


@pytest.fixture
def moderated_draft(commune, editor):
    """A draft of Jargeau in a section that needs the département's approval, and the département's editor."""
    departement = OrganisationFactory(kind="departement", name="Département du Loiret", slug="loiret", insee_code="")
    approver = membership(departement, role="editor").user
    notice_section_set_approval(section=section_of(commune), required=True)
    draft = notice(commune, user=editor, title="Fête de la Saint-Martin", slug="saint-martin", publish=False)
    return draft, approver


def test_submitting_a_notice_notifies_the_departements_approvers(moderated_draft, editor):
    """The département's editor is asked to approve the commune's notice, by the service."""
    draft, approver = moderated_draft

    notice_submit_for_moderation(notice=draft, user=editor)

    notification = Notification.objects.get(kind="notice_approval")
    assert notification.user == approver and "Fête de la Saint-Martin" in notification.title


def test_the_admins_submit_button_notifies_the_approvers_too(client, moderated_draft, editor):
    """Wagtail's "Submit for moderation" button goes through the same notification."""
    draft, approver = moderated_draft
    client.force_login(editor)

    client.post(edit_url(draft), admin_form(client, edit_url(draft), **{"action-submit": "Soumettre"}))

    assert list(Notification.objects.values_list("user_id", "kind")) == [(approver.pk, "notice_approval")]


def test_a_promotion_from_the_waiting_list_notifies_the_promoted_person(commune, editor, member):
    """A seat freed by a cancellation: the first waiting person finds the confirmation in their centre."""
    from agenda.training import services as training
    from tests.agenda.training.factories import register
    from tests.agenda.training.factories import session as make_session

    session = make_session(private_calendar(commune), user=editor)
    colleagues = [membership(commune).user for _ in range(2)]
    seated = register(session, member, commune)
    register(session, colleagues[0], commune)
    register(session, colleagues[1], commune)

    training.registration_cancel(registration=seated, by=member)

    notification = Notification.objects.get(kind="session_promoted")
    assert notification.user == colleagues[1] and notification.url == f"/agenda/evenement/{session.event.pk}/"


def test_a_person_in_two_receiving_organisations_is_notified_once(commune, editor, other_commune):
    """A folder shared with Darvoy and Tigy at once tells an editor of both one time, not two."""
    from documents.services import folder_sharing_set

    tigy = OrganisationFactory(kind="commune", name="Tigy", slug="tigy", insee_code="45327")
    both = membership(other_commune, role="editor").user
    membership(tigy, role="editor", user=both)
    shared = folder(commune, user=editor, name="Voirie")

    folder_sharing_set(folder=shared, user=editor, is_public=False, shares={other_commune: False, tigy: False})

    assert Notification.objects.filter(user=both, kind="document_shared").count() == 1
