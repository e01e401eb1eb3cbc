"""One world for the cross-organisation matrix: Jargeau (with its EPCI and the Loiret) owning one object of every
kind, Darvoy with its own administrator, built once for the module through the services and rolled back after it.
"""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory, membership


def _build_world():  # noqa: PLR0915 - one straight list of objects reads better than a dozen helpers
    from agenda import invitations
    from agenda import services as agenda_services
    from agenda.training import attendance
    from agenda.training import services as training_services
    from annuaire.services import people_import_start, service_create
    from documents import sharing
    from extranet.ads.services import ad_approve
    from extranet.broadcast.services import broadcast_create
    from extranet.messaging import services as messaging
    from extranet.notifications.services import notification_send
    from extranet.procurement.services import question_ask
    from extranet.sandbox.services import sandbox_create
    from extranet.subsidies.services import applications as subsidy_applications
    from tests.ads.factories import ad
    from tests.agenda.factories import event, paris, private_calendar, public_calendar, weekly
    from tests.aids.factories import aid
    from tests.annuaire.factories import person_card
    from tests.documents.factories import checked, document, folder, share
    from tests.forums.factories import attachment, organisation_forum, reply, shared_forum, topic
    from tests.organisations.factories import invitation, space_article
    from tests.procurement.factories import notice as procurement_notice
    from tests.subsidies.factories import application_fields, draft

    w = SimpleNamespace()
    # Organisations: Jargeau in the Loges (EPCI) in the Loiret; Darvoy outside them.
    w.loiret = OrganisationFactory(kind="departement", name="Département du Loiret", slug="loiret", insee_code="")
    w.loges = OrganisationFactory(
        kind="epci", name="Communauté des Loges", slug="loges", insee_code="", parent=w.loiret
    )
    w.a = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173", parent=w.loges)
    w.b = OrganisationFactory(kind="commune", name="Darvoy", slug="darvoy", insee_code="45122")

    # People. The outsider is Darvoy's administrator: the strongest role of another organisation.
    w.a_member = membership(w.a, role="member").user
    w.a_editor = membership(w.a, role="editor").user
    w.a_admin = membership(w.a, role="admin").user
    w.dep_editor = membership(w.loiret, role="editor").user
    w.dep_admin = membership(w.loiret, role="admin").user
    w.outsider = membership(w.b, role="admin").user
    w.trainer = UserFactory()
    w.trainer.user_permissions.add(Permission.objects.get(content_type__app_label="sandbox", codename="add_sandbox"))
    w.outsider.user_permissions.add(Permission.objects.get(content_type__app_label="sandbox", codename="add_sandbox"))
    w.a_membership = w.a_member.memberships.get(organisation=w.a)
    w.a_invitation, w.a_invitation_token = invitation(w.a, email="futur.agent@jargeau.test", invited_by=w.a_admin)

    # Agenda: a meeting in Jargeau's private calendar, an event in the public calendar, an invitation.
    w.calendar = private_calendar(w.a)
    w.public_calendar = public_calendar()
    w.meeting = weekly(w.calendar, count=4, user=w.a_editor, title="Réunion Zorglub")
    w.stamp = int(paris(2027, 1, 12, 18).timestamp())
    w.public_event = event(w.public_calendar, organisation=w.a, user=w.a_editor, title="Fête du village")
    w.event_invitation = invitations.event_invite(event=w.meeting, inviter=w.a_editor, users=[w.a_member])[0]
    w.feed_token = agenda_services.feed_token_get_or_create(user=w.a_member).token
    w.rsvp_token = invitations.rsvp_token(invitation=w.event_invitation, answer="yes")

    # Training: a session of Jargeau, a member registered, marked present, certified.
    start = (timezone.now() + timedelta(days=30)).replace(microsecond=0)
    w.session = training_services.session_create(
        calendar=w.calendar,
        organisation=w.a,
        user=w.a_editor,
        trainer=w.a_editor,
        capacity=5,
        registration_deadline=start - timedelta(days=1),
        title="Initiation Zorglub",
        start=start,
        end=start + timedelta(hours=7),
    )
    w.registration = training_services.registration_create(
        session=w.session, user=w.a_member, organisation=w.a, registered_by=w.a_member
    )
    # The session then began an hour ago: attendance, certificate and feedback open.
    started = timezone.now() - timedelta(hours=1)
    type(w.session.event).objects.filter(pk=w.session.event.pk).update(start=started, end=started + timedelta(hours=7))
    w.session = type(w.session).objects.get(pk=w.session.pk)
    w.registration = type(w.registration).objects.get(pk=w.registration.pk)
    attendance.registration_mark_attendance(registration=w.registration, present=True, by=w.a_editor)
    w.registration.refresh_from_db()

    # Library: a private folder and document (two versions), a public document, share links.
    w.folder = folder(w.a, user=w.a_editor, name="Dossier Zorglub")
    w.document = document(w.a, user=w.a_editor, name="zorglub-salaires.pdf", folder=w.folder)
    from documents import services as documents_services

    documents_services.document_add_version(
        document=w.document, checked=checked("zorglub-salaires.pdf"), user=w.a_editor
    )
    w.document.refresh_from_db()
    w.public_document = document(w.a, user=w.a_editor, name="budget-primitif.pdf")
    share(w.public_document, None, user=w.a_editor, is_public=True)
    w.public_document.refresh_from_db()
    w.doc_link, w.doc_link_token = sharing.share_link_create(document=w.document, days=3, user=w.a_editor)
    w.folder_link, w.folder_link_token = sharing.share_link_create(folder=w.folder, days=3, user=w.a_editor)
    w.bin_document = document(w.a, user=w.a_editor, name="corbeille.pdf")
    documents_services.document_delete(document=w.bin_document, user=w.a_editor)
    w.bin_folder = folder(w.a, user=w.a_editor, name="Vieux dossier")
    documents_services.folder_delete(folder=w.bin_folder, user=w.a_editor)

    # Directory: a card seen by Jargeau only, a public one, a service, a pending import.
    w.private_card = person_card(w.a, user=w.a_member, function="Chargée Zorglub", card_visibility="organisation")
    w.public_card = person_card(w.a, user=w.a_editor, function="Secrétaire", card_visibility="public")
    w.service = service_create(organisation=w.a, name="Direction générale")
    w.people_import = people_import_start(
        organisation=w.a,
        user=w.a_admin,
        upload=SimpleUploadedFile("agents.csv", b"prenom;nom;email\nPaul;Durand;paul@jargeau.test\n"),
    )

    # Forums: Jargeau's private forum with a topic, a reply with an attachment, a poll, a post awaiting approval.
    w.forum = organisation_forum(w.a)
    w.topic = topic(w.forum, poster=w.a_member, subject="Sujet Zorglub")
    w.reply = reply(w.topic, poster=w.a_editor)
    w.attachment = attachment(w.reply)
    from machina.apps.forum_conversation.forum_polls.models import TopicPoll, TopicPollOption

    w.poll = TopicPoll.objects.create(topic=w.topic, question="Date de la réunion ?", max_options=1)
    TopicPollOption.objects.create(poll=w.poll, text="Lundi")
    w.queued_post = reply(w.topic, poster=w.a_member, approved=False)
    w.shared_forum = shared_forum("Urbanisme des Loges", open_to_all_organisations=False, organisations=[w.a])
    from forums.selectors import unsubscribe_token_make

    w.forum_unsubscribe_token = unsubscribe_token_make(user_id=w.a_member.pk, target="forum", target_id=w.forum.pk)

    # Ads: a pending ad of Jargeau (its author and the Loiret's moderators see it), a published one.
    w.pending_ad = ad(w.a, author=w.a_member, title="Tondeuse Zorglub")
    w.public_ad = ad_approve(ad=ad(w.a, author=w.a_member, title="Prêt d'une nacelle"), moderator=w.dep_editor)

    # Subsidies: an aid of the Loiret, a draft and a submitted application of Jargeau with a document.
    w.aid = aid(w.loiret, title="Aide aux toitures")
    w.application = draft(w.aid, w.a, w.a_editor, title="Toiture Zorglub")
    w.submitted = subsidy_applications.application_create(
        aid=w.aid,
        organisation=w.a,
        user=w.a_editor,
        uploads=[checked("devis.pdf")],
        **application_fields(title="Mairie Zorglub"),
    )
    w.submitted = subsidy_applications.application_submit(application=w.submitted, user=w.a_editor)
    w.submitted_document = w.submitted.documents.get()

    # Procurement: Jargeau's notice, a question of another commune on it (answered by Jargeau's editors).
    w.notice = procurement_notice(w.a)
    w.question_author = membership(OrganisationFactory(kind="commune"), role="member").user
    w.question = question_ask(notice=w.notice, user=w.question_author, text="Question Zorglub ?")

    # Broadcast of the Loiret to Jargeau, a notification of a member, messaging, a sandbox.
    w.broadcast = broadcast_create(
        sender=w.loiret,
        user=w.dep_admin,
        subject="Alerte Zorglub",
        body="Texte",
        by_email=True,
        by_sms=False,
        organisations=[w.a],
    )
    from extranet.broadcast.sending import unsubscribe_token_make as broadcast_token_make

    w.broadcast_unsubscribe_token = broadcast_token_make(email=w.a_member.email)
    w.notification = notification_send(
        users=[w.a_member], kind="event_invitation", title="Notification Zorglub", url="/agenda/"
    )[0]
    w.conversation = messaging.conversation_create_direct(user=w.a_member, other=w.a_editor)
    w.message, _created = messaging.message_send(
        conversation=w.conversation,
        author=w.a_member,
        body="Message Zorglub",
        key="k1",
        upload=SimpleUploadedFile("note.txt", b"Ordre du jour.\n"),
    )
    w.message_attachment = w.message.attachments.get()
    # Deleting a message deletes its files (not rolled back with the database): the deleted one has none.
    w.message_to_delete, _created = messaging.message_send(
        conversation=w.conversation, author=w.a_member, body="Message Zorglub à supprimer", key="k2"
    )
    w.group = messaging.conversation_create_group(creator=w.a_member, title="Groupe Zorglub", members=[w.a_editor])
    w.room = messaging.conversation_organisation_provision(organisation=w.a)
    w.sandbox, _logins = sandbox_create(
        name="Formation Zorglub", trainees=2, expires_at=timezone.now() + timedelta(days=5), by=w.trainer
    )

    # Pages: Jargeau's private space and an article in it; its public notices' section.
    w.space = w.a.space_page
    w.article = space_article(w.space, title="Compte rendu Zorglub")
    w.article.save_revision()  # a draft revision on top of the live one
    w.revision = w.article.latest_revision
    # Wagtail's own objects and our snippets, for the admin's object views.
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    from extranet.ads.models import TrustedOrganisation
    from extranet.organisations.models import OrganisationGroup
    from tests.ads.factories import image_bytes

    w.superuser = UserFactory(is_superuser=True, is_staff=True)
    w.trusted = TrustedOrganisation.objects.create(organisation=w.a, note="Zorglub")
    w.collection = Collection.get_first_root_node().add_child(name="Collection Zorglub")
    w.wagtail_document = get_document_model().objects.create(
        title="Arrêté Zorglub", file=SimpleUploadedFile("arrete.pdf", b"%PDF-1.4"), collection=w.collection
    )
    w.image = get_image_model().objects.create(
        title="Photo Zorglub", file=SimpleUploadedFile("photo.jpg", image_bytes()), collection=w.collection
    )
    w.a_group = OrganisationGroup.objects.get(organisation=w.a, role="admin").group
    return w


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The world, built once for the module in a transaction rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_world()
        transaction.set_rollback(True)
