"""Acts through a moderation workflow: approving publishes only a version that still validates."""

import html

import pytest
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowState, WorkflowTask

from extranet.acts.models import ActPage
from tests.acts.factories import admin_add_url, admin_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderated(section):
    """Jargeau's acts go through one approval task, which the platform's administrators take."""
    workflow = Workflow.objects.create(name="Validation des actes")
    WorkflowTask.objects.create(
        workflow=workflow, task=GroupApprovalTask.objects.create(name="Relecture"), sort_order=0
    )
    WorkflowPage.objects.create(workflow=workflow, page=section)
    return section


def test_approving_an_act_that_no_longer_validates_explains_why(client, commune, editor, superuser, moderated):
    """The organisation lost its SIRET after submission: approval says why in French; nothing goes online."""
    client.force_login(editor)
    client.post(admin_add_url(moderated), admin_form(publish=False, **{"action-submit": "Soumettre"}))
    submitted = ActPage.objects.get()
    commune.siret = ""
    commune.save()
    client.force_login(superuser)
    task_state = submitted.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state.pk])

    response = client.post(url)
    page = html.unescape(client.get(response.url).content.decode())

    submitted.refresh_from_db()
    assert response.status_code == 302 and not submitted.live
    assert "Cette version ne peut pas être approuvée" in page and "SIRET" in page
    assert WorkflowState.objects.get(object_id=str(submitted.pk)).status == WorkflowState.STATUS_IN_PROGRESS
