"""Creating, resetting, deleting and expiring sandboxes through the services."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone, translation
from machina.apps.forum_conversation.models import Post, Topic
from schedule.models import Event
from wagtail.models import Collection

from documents.models import Document
from extranet.organisations.models import Membership, Organisation, Role
from extranet.sandbox.content import TOPICS
from extranet.sandbox.models import Sandbox
from extranet.sandbox.services import sandbox_create, sandbox_delete, sandbox_reset

pytestmark = pytest.mark.django_db


def topic_subjects(organisation):
    return sorted(Topic.objects.filter(forum__audience__organisation=organisation).values_list("subject", flat=True))


def test_create_makes_the_trainees_and_the_sample_content(created):
    """Three trainees, members of the sandbox only, who log in with the printed passwords; topics, events, documents."""
    sandbox, logins = created
    organisation = sandbox.organisation

    assert organisation.kind == "other"
    assert [login.email for login in logins] == [
        f"stagiaire-{organisation.slug}-{number:02d}@sandbox.invalid" for number in (1, 2, 3)
    ]
    for login in logins:
        user = get_user_model().objects.get(email=login.email)
        assert user.check_password(login.password)
        assert list(Membership.objects.filter(user=user).values_list("organisation", "role")) == [
            (organisation.pk, Role.MEMBER)
        ]
    assert topic_subjects(organisation) == sorted(subject for subject, _text in TOPICS)
    assert Event.objects.filter(details__organisation=organisation).count() == 2
    assert sorted(Document.objects.filter(organisation=organisation).values_list("title", flat=True)) == [
        "compte-rendu-exercice.txt",
        "guide-du-stagiaire.pdf",
    ]


def test_reset_brings_back_the_initial_content_and_new_passwords(created, trainer, trainee):
    """A topic written by a trainee is gone after a reset, the initial ones are back, the old password fails."""
    sandbox, logins = created
    organisation = sandbox.organisation
    forum = Topic.objects.filter(forum__audience__organisation=organisation).first().forum
    topic = Topic.objects.create(forum=forum, poster=trainee, subject="Mon essai", type=Topic.TOPIC_POST, status=0)
    Post.objects.create(topic=topic, poster=trainee, subject="Mon essai", content="Bonjour", approved=True)
    Topic.objects.filter(subject=TOPICS[0][0]).delete()

    new_logins = sandbox_reset(sandbox=sandbox, by=trainer)

    assert topic_subjects(organisation) == sorted(subject for subject, _text in TOPICS)
    assert Event.objects.filter(details__organisation=organisation).count() == 2
    assert Document.objects.filter(organisation=organisation).count() == 2
    assert [login.email for login in new_logins] == [login.email for login in logins]
    first = get_user_model().objects.get(email=logins[0].email)
    assert not first.check_password(logins[0].password)
    assert first.check_password(new_logins[0].password)
    assert Membership.objects.filter(organisation=organisation).count() == 3


def test_delete_removes_the_organisation_its_content_and_the_trainees(sandbox, trainee):
    """Nothing of the sandbox is left: organisation, accounts, events, documents, forums, its Wagtail collection."""
    organisation = sandbox.organisation
    collection = organisation.documents_collection

    sandbox_delete(sandbox=sandbox)

    assert collection is not None and not Collection.objects.filter(pk=collection.pk).exists()

    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    assert not get_user_model().objects.filter(pk=trainee.pk).exists()
    assert not Event.objects.filter(title__contains="exercice").exists()
    assert not Document.objects.filter(title="guide-du-stagiaire.pdf").exists()
    assert not Topic.objects.filter(subject=TOPICS[0][0]).exists()


def test_the_expiry_command_deletes_expired_sandboxes_only(sandbox, trainer):
    """Run twice (cron may double a run), the command deletes the expired sandbox once and keeps the other."""
    expired, _logins = sandbox_create(
        name="Formation passée", trainees=1, expires_at=timezone.now() + timedelta(days=1), by=trainer
    )
    Sandbox.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(minutes=1))

    out = StringIO()
    call_command("sandbox_expire", stdout=out)
    call_command("sandbox_expire", stdout=out)

    assert list(Sandbox.objects.values_list("pk", flat=True)) == [sandbox.pk]
    assert not Organisation.objects.filter(name="Formation passée").exists()
    assert out.getvalue().splitlines() == ["1 sandbox(es) deleted.", "0 sandbox(es) deleted."]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": "  "}, "name", "Donnez un nom à l'espace de formation."),
        ({"trainees": 51}, "trainees", "Choisissez entre 1 et 50 stagiaires."),
        ({"trainees": 0}, "trainees", "Choisissez entre 1 et 50 stagiaires."),
        ({"days": 40}, "expires_at", "Un espace de formation dure au plus 30 jours."),
        ({"days": -1}, "expires_at", "La date d'expiration doit être dans le futur."),
    ],
)
def test_bad_input_is_refused_in_french_and_nothing_is_saved(trainer, fields, field, message):
    """Each bad value gets its own French message; no organisation or account is left behind."""
    days = fields.pop("days", 5)
    values = {"name": "Formation", "trainees": 3, "expires_at": timezone.now() + timedelta(days=days), **fields}
    before = (Organisation.objects.count(), get_user_model().objects.count())

    with translation.override("fr"), pytest.raises(ValidationError) as error:
        sandbox_create(by=trainer, **values)

    assert error.value.message_dict[field] == [message]
    assert (Organisation.objects.count(), get_user_model().objects.count()) == before


def test_deleting_a_sandbox_keeps_the_replies_others_made_to_its_trainees(sandbox, trainee, member, commune):
    """A trainee's earlier topic in a real forum stays with a colleague's reply, signed "Ancien stagiaire"; the
    trainee's other posts go, and the forum's counters follow."""
    from tests.forums.factories import organisation_forum, reply, shared_forum, topic

    forum = shared_forum(name="Entraide", open_to_all_organisations=True)
    answered = topic(forum, poster=trainee, subject="Comment publier un arrêté ?")
    colleague_reply = reply(answered, poster=member, content="Par l'administration des pages.")
    alone = topic(forum, poster=trainee, subject="Test, ne pas répondre")
    elsewhere = topic(organisation_forum(commune), poster=member, subject="Ordre du jour")
    reply(elsewhere, poster=trainee)
    elsewhere.update_trackers()

    with translation.override("fr"):
        sandbox_delete(sandbox=sandbox)

    answered.refresh_from_db()
    elsewhere.refresh_from_db()
    forum.refresh_from_db()
    first = answered.posts.order_by("created").first()
    assert (first.poster, first.username) == (None, "Ancien stagiaire") and answered.poster is None
    assert list(answered.posts.order_by("created")) == [first, colleague_reply]
    assert not Topic.objects.filter(pk=alone.pk).exists()
    assert (elsewhere.posts_count, elsewhere.last_post.poster) == (1, member)
    assert (forum.direct_topics_count, forum.direct_posts_count) == (1, 2)
