"""A trainee reads their sandbox only: no other organisation's private content, nothing shared with all members,
and nothing of a sandbox reaches the public site."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from machina.apps.forum_permission.models import GroupForumPermission

from agenda.selectors import calendar_list_for_viewer
from annuaire.visibility import directory_viewer
from documents import services as documents
from documents.uploads import upload_check
from extranet.ads.selectors import ad_organisations_for_author
from extranet.organisations.selectors import organisation_public_list
from extranet.sandbox.services import sandbox_create
from extranet.search.selectors import search_run
from forums.services import forum_shared_create
from tests.agenda.factories import event, private_calendar, shared_calendar
from tests.documents.factories import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_document(commune, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    checked = upload_check(SimpleUploadedFile("budget.pdf", pdf_bytes("Budget secret")))
    return documents.document_upload(organisation=commune, folder=None, checked=checked, user=editor)


def test_a_trainee_gets_404_on_another_organisations_private_pages(client, commune, editor, private_document, trainee):
    """The commune's library, one of its documents, its private calendar and one of its events all answer 404."""
    calendar = private_calendar(commune)
    meeting = event(calendar, user=editor, title="Commission des finances")
    client.force_login(trainee)

    for url in [
        f"/bibliotheque/{commune.slug}/",
        f"/bibliotheque/document/{private_document.pk}/",
        f"/bibliotheque/document/{private_document.pk}/telecharger/",
        f"/agenda/calendrier/{calendar.pk}/",
        f"/agenda/evenement/{meeting.pk}/",
    ]:
        assert client.get(url).status_code == 404, url


def test_a_trainee_sees_nothing_shared_with_every_member(commune, member, trainee, sandbox):
    """Shared calendars, shared forums and member-only directory fields stay closed to trainees."""
    shared = forum_shared_create(name="Entre collectivités", open_to_all_organisations=True)
    trainee_groups = trainee.groups.all()

    assert {agenda.kind for agenda in calendar_list_for_viewer(user=trainee)} == {"private", "public"}
    assert "shared" in {agenda.kind for agenda in calendar_list_for_viewer(user=member)}
    assert not GroupForumPermission.objects.filter(forum=shared, group__in=trainee_groups).exists()
    assert GroupForumPermission.objects.filter(forum=shared, group__in=member.groups.all()).exists()
    assert not directory_viewer(user=trainee).is_member
    assert directory_viewer(user=member).is_member


def test_a_sandbox_created_after_a_shared_forum_gets_no_seat_in_it(client, commune, member, trainer):
    """The shared forums that exist when a sandbox is created stay closed to its trainees: no page, no posting."""
    shared = forum_shared_create(name="Urbanisme", open_to_all_organisations=True)
    new_sandbox, _logins = sandbox_create(
        name="Formation forums", trainees=2, expires_at=timezone.now() + timedelta(days=5), by=trainer
    )
    trainee = new_sandbox.trainees.select_related("user").first().user
    client.force_login(trainee)

    assert not GroupForumPermission.objects.filter(forum=shared, group__in=trainee.groups.all()).exists()
    assert client.get(reverse("forum:forum", kwargs={"slug": shared.slug, "pk": shared.pk})).status_code in (403, 404)
    assert shared.name not in client.get(reverse("forum:index")).content.decode()


def test_a_sandbox_stays_off_the_public_site(commune, member, trainee, sandbox):
    """Trainees cannot post small ads (moderated by real départements, then public); sandboxes are not listed."""
    assert not ad_organisations_for_author(user=trainee).exists()
    assert list(ad_organisations_for_author(user=member)) == [commune]
    assert sandbox.organisation not in organisation_public_list()
    assert commune in organisation_public_list()


def test_a_sandbox_is_in_the_directory_of_its_trainees_only(client, commune, member, sandbox, trainee):
    """The directory lists the commune, not the practice organisation, whose page only its trainees open."""
    page = f"/annuaire/organisations/{sandbox.organisation.slug}/"
    listing = client.get("/annuaire/").content.decode()

    assert commune.name in listing
    assert sandbox.organisation.name not in listing
    assert client.get(page).status_code == 404
    client.force_login(member)
    assert client.get(page).status_code == 404
    client.force_login(trainee)
    assert client.get(page).status_code == 200


def test_a_trainees_search_finds_their_sandbox_but_no_real_private_or_shared_item(
    search_index, commune, editor, member, trainer
):
    """Private and shared meetings of the commune are not found by a trainee, who finds the sandbox's own event."""
    from datetime import timedelta

    from django.utils import timezone

    from extranet.sandbox.services import sandbox_create

    event(private_calendar(commune), user=editor, title="Commission étape privée")
    event(shared_calendar(), organisation=commune, user=editor, title="Réunion étape partagée")
    sandbox, _logins = sandbox_create(
        name="Formation recherche", trainees=1, expires_at=timezone.now() + timedelta(days=3), by=trainer
    )
    trainee = sandbox.trainees.get().user

    def titles(user):
        return sorted(result.title for result in search_run(user=user, query="étape"))

    assert titles(trainee) == ["Point d'étape de la formation"]
    assert "Commission étape privée" in titles(member)
    assert "Réunion étape partagée" in titles(member)


def test_a_trainee_cannot_take_a_seat_in_a_real_training_session(client, commune, editor, trainee):
    """A public session shows a trainee no register button; posting anyway registers nobody, nor does the service."""
    from django.core.exceptions import ValidationError

    from agenda.training.models import Registration
    from agenda.training.services import registration_create
    from tests.agenda.factories import public_calendar
    from tests.agenda.training.factories import session as make_session

    session = make_session(public_calendar(), user=editor, organisation=commune, title="Atelier numérique")
    client.force_login(trainee)

    page = client.get(session.get_absolute_url()).content.decode()
    answer = client.post(f"/agenda/formations/session/{session.pk}/inscription/")

    assert "Atelier numérique" in page and "inscrire" not in page.lower()
    assert answer.status_code == 404
    with pytest.raises(ValidationError, match="espace de formation"):
        registration_create(
            session=session, user=trainee, organisation=trainee.memberships.get().organisation, registered_by=trainee
        )
    assert not Registration.objects.exists()


def test_a_trainee_writes_only_to_their_sandbox(client, commune, member, trainee, sandbox):
    """The new conversation form lists the trainee's sandbox mates only; real members never see trainees listed."""
    from extranet.messaging.models import Conversation

    mate = sandbox.trainees.exclude(user=trainee).select_related("user").first().user
    client.force_login(trainee)

    page = client.get(reverse("messaging:conversation_new")).content.decode()
    forged = client.post(reverse("messaging:conversation_new"), {"recipients": [member.pk]})

    assert mate.email in page and member.email not in page
    assert forged.status_code == 200 and not Conversation.objects.filter(participants__user=member).exists()
    client.force_login(member)
    assert trainee.email not in client.get(reverse("messaging:conversation_new")).content.decode()


def test_the_services_refuse_a_conversation_across_the_sandbox(member, trainee, sandbox):
    """Neither side may open a direct or a group conversation with the other through the services."""
    from django.core.exceptions import ValidationError

    from extranet.messaging.services import conversation_create_direct, conversation_create_group

    with pytest.raises(ValidationError):
        conversation_create_direct(user=trainee, other=member)
    with pytest.raises(ValidationError):
        conversation_create_direct(user=member, other=trainee)
    with pytest.raises(ValidationError):
        conversation_create_group(creator=member, title="Essai", members=[trainee])


def test_accounts_without_any_organisation_are_nobodys_recipients(member):
    """Someone who left every organisation is neither listed nor reachable: their address stays theirs."""
    from extranet.messaging.selectors import person_reachable, recipients
    from tests.accounts.factories import UserFactory

    departed = UserFactory()

    assert departed not in recipients(user=member)
    assert not person_reachable(user=member, other=departed)
