"""Moderation of a commune's notices by the département's editors, through Wagtail's workflow and its e-mails."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from extranet.notices.pages import NoticePage
from extranet.notices.services import notice_section_set_approval
from tests.notices.factories import notice
from tests.notices.helpers import admin_form, edit_url, page_text
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderated(section, departement):
    """Jargeau's section requires the département's approval."""
    notice_section_set_approval(section=section, required=True)
    return section


@pytest.fixture
def draft(commune, editor, moderated):
    """A draft notice written by Jargeau's editor."""
    return notice(commune, user=editor, title="Fête de la Saint-Martin", slug="saint-martin", publish=False)


def submit(client, user, page):
    """Post the admin's edit form with "Soumettre à la modération", as the button does."""
    client.force_login(user)
    return client.post(edit_url(page), admin_form(client, edit_url(page), **{"action-submit": "Soumettre"}))


def workflow_action(client, user, page, action, **data):
    """Post a workflow action (approve, reject) on the page's current task, as the admin's buttons do."""
    task_state = page.current_workflow_task_state
    client.force_login(user)
    return client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]), data)


def test_the_editor_submits_and_the_notice_waits_unpublished(client, draft, editor, departement_editor):
    """After "Submit for moderation" the notice is in the département's workflow, not live, moderators told."""
    response = submit(client, editor, draft)

    draft.refresh_from_db()
    assert response.status_code == 302
    assert not draft.live
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert (state.status, state.workflow.name) == (WorkflowState.STATUS_IN_PROGRESS, "Validation par le Département")
    assert [departement_editor.email] in [message.to for message in mail.outbox]
    assert "Fête de la Saint-Martin" not in page_text(Client().get("/communiques/"))


def test_a_departement_editor_approves_and_the_author_is_told(client, draft, editor, departement_editor):
    """Approving through the workflow action URL publishes the notice and e-mails its author in French."""
    submit(client, editor, draft)
    mail.outbox.clear()

    response = workflow_action(client, departement_editor, draft, "approve")

    draft.refresh_from_db()
    assert response.status_code == 302
    assert draft.live
    assert "Fête de la Saint-Martin" in page_text(Client().get("/communiques/"))
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert "Fête de la Saint-Martin" in message.subject
    assert "approuvée" in message.subject
    assert "Validation par le Département" in message.body


def test_a_rejection_with_a_comment_leaves_it_unpublished_and_tells_the_author(
    client, draft, editor, departement_editor
):
    """ "Request changes" with a comment keeps the notice offline and e-mails the comment to its author."""
    submit(client, editor, draft)
    mail.outbox.clear()

    response = workflow_action(
        client, departement_editor, draft, "reject", comment="Merci de préciser les horaires de fermeture."
    )

    draft.refresh_from_db()
    assert response.status_code == 302
    assert not draft.live
    assert WorkflowState.objects.get(object_id=str(draft.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert "Merci de préciser les horaires de fermeture." in message.body


def test_the_commune_editor_cannot_approve_their_own_submission(client, draft, editor):
    """The approve action is refused to the author (Wagtail sends them back to the admin's home page)."""
    submit(client, editor, draft)

    response = workflow_action(client, editor, draft, "approve")

    draft.refresh_from_db()
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not draft.live


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_a_commune_member_cannot_publish_directly_under_the_workflow(client, commune, draft, role):
    """The edit view offers no "Publish" button and a forged action-publish POST leaves the notice offline."""
    user = membership(commune, role=role).user
    client.force_login(user)

    form = client.get(edit_url(draft)).content.decode()
    response = client.post(edit_url(draft), admin_form(client, edit_url(draft), **{"action-publish": "Publier"}))

    draft.refresh_from_db()
    assert 'name="action-publish"' not in form
    assert 'name="action-submit"' in form
    assert response.status_code == 302
    assert not draft.live
    assert not WorkflowState.objects.filter(object_id=str(draft.pk)).exists()


def test_the_commune_editor_cannot_create_and_publish_in_one_go(client, editor, moderated):
    """The add view's action-publish saves a draft only; nothing reaches the public listing."""
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["notices", "noticepage", moderated.pk])
    data = admin_form(
        client,
        url,
        title="Arrêté de circulation",
        slug="arrete-circulation",
        kind="official_notice",
        summary="La rue du Pont est fermée le 3 mars.",
        **{"action-publish": "Publier"},
    )

    client.post(url, data)

    created = NoticePage.objects.child_of(moderated).get(slug="arrete-circulation")
    assert not created.live
    assert "Arrêté de circulation" not in page_text(Client().get("/communiques/"))


def test_without_approval_the_editor_publishes_directly(client, commune, editor, section, departement):
    """With the setting off, Jargeau's editor publishes from the edit view and the notice is listed."""
    notice_section_set_approval(section=section, required=True)
    notice_section_set_approval(section=section, required=False)
    draft = notice(commune, user=editor, title="Collecte des encombrants", slug="encombrants", publish=False)
    client.force_login(editor)

    client.post(edit_url(draft), admin_form(client, edit_url(draft), **{"action-publish": "Publier"}))

    draft.refresh_from_db()
    assert draft.live
    assert "Collecte des encombrants" in page_text(Client().get("/communiques/"))


def test_the_departement_editor_edits_only_what_is_submitted(client, commune, section, departement_editor):
    """A département editor cannot open a commune's notice that is not awaiting their review."""
    published_before = notice(commune, title="Ancien avis", slug="ancien")
    notice_section_set_approval(section=section, required=True)
    client.force_login(departement_editor)

    response = client.get(edit_url(published_before))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
