"""Writes of the notices: sections, the département's approval workflow, notices themselves.

Moderation is Wagtail's: a section that requires approval is assigned the workflow "Validation par le
Département", whose only task is approved by the département's editors and administrators. Two facts of
Wagtail shape the permissions that go with it: a user with the publish permission may publish directly even
under a workflow, and approving the last task publishes the page *as the approver*, which needs that same
permission. So requiring approval moves the publish permission on the section from the organisation's roles
to the approvers' groups; the organisation's editors can then only submit for moderation.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from extranet.core.richtext import page_rich_text_clean
from extranet.notifications.services import notification_send
from extranet.organisations.models import Organisation, OrganisationGroup, OrganisationKind, Role
from extranet.organisations.services import PAGE_PERMISSIONS_BY_ROLE, organisation_section_page

from .pages import NoticeAttachment, NoticeIndexPage, NoticeLibraryAttachment, NoticePage, NoticeSectionPage
from .selectors import APPROVAL_WORKFLOW_NAME, notice_section_requires_approval

APPROVAL_TASK_NAME = "Relecture par le Département"
PUBLISH_PERMISSION = "publish_page"
APPROVER_ROLES = (Role.EDITOR, Role.ADMIN)
PUBLISHER_ROLES = tuple(role for role, codenames in PAGE_PERMISSIONS_BY_ROLE.items() if PUBLISH_PERMISSION in codenames)


@transaction.atomic
def notice_section_provision(*, organisation: Organisation) -> NoticeSectionPage:
    """Create or update the organisation's section under /communiques/, keeping its approval setting."""
    section = organisation_section_page(
        organisation=organisation, parent=NoticeIndexPage.objects.get(), page_class=NoticeSectionPage
    )
    if notice_section_requires_approval(section=section):
        # organisation_section_page has just given the organisation's roles the publish permission again.
        notice_section_set_approval(section=section, required=True)
    return section


@transaction.atomic
def notice_section_set_approval(*, section: NoticeSectionPage, required: bool) -> None:
    """Make the section's notices go through the département's approval (or not any more); idempotent."""
    if required:
        approvers = _approver_groups()
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": _approval_workflow(approvers)})
        _set_publishers(section=section, groups=approvers)
    else:
        WorkflowPage.objects.filter(page=section).delete()
        # Back to what organisation_section_page grants: the organisation's own roles.
        publishers = _role_groups(organisation_id=section.organisation_id, roles=PUBLISHER_ROLES)
        _set_publishers(section=section, groups=publishers)


def _set_publishers(*, section: NoticeSectionPage, groups) -> None:
    """Make `groups` the only ones with Wagtail's publish permission on the section (and its notices)."""
    permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=PUBLISH_PERMISSION)
    GroupPagePermission.objects.filter(page=section, permission=permission).exclude(group__in=groups).delete()
    for group in groups:
        GroupPagePermission.objects.get_or_create(group=group, page=section, permission=permission)


def _approver_groups() -> list[Group]:
    """The groups of the département's editors and administrators, who approve the notices."""
    departements = list(Organisation.objects.filter(kind=OrganisationKind.DEPARTEMENT)[:2])
    if len(departements) != 1:
        raise ValidationError(
            _("Notices can be moderated only on a platform with exactly one département."), code="no_departement"
        )
    return _role_groups(organisation_id=departements[0].pk, roles=APPROVER_ROLES)


def _role_groups(*, organisation_id: int, roles) -> list[Group]:
    links = OrganisationGroup.objects.filter(organisation_id=organisation_id, role__in=roles).select_related("group")
    return [link.group for link in links]


def _approval_workflow(approvers: list[Group]) -> Workflow:
    """Return the workflow whose single task the approvers carry out, kept in step with them."""
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    task.groups.set(approvers)
    workflow = Workflow.objects.filter(name=APPROVAL_WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=APPROVAL_WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


@transaction.atomic
def notice_create(
    *,
    section: NoticeSectionPage,
    user,
    title: str,
    kind: str,
    summary: str,
    publication_date,
    expiry_date=None,
    body=(),
    attachments=(),
    library_attachments=(),
    slug: str = "",
    publish: bool = True,
) -> NoticePage:
    """Add a notice to the section as `user`, published or as a draft.

    `attachments` are (Wagtail document, label) pairs; `library_attachments` are (library document, label) pairs.

    Wagtail's admin is where editors write notices; this is for the demo data and the tests.
    """
    notice = NoticePage(
        title=title,
        slug=slug,
        kind=kind,
        summary=summary,
        body=list(body),
        publication_date=publication_date,
        expiry_date=expiry_date,
        owner=user,
        live=False,
    )
    notice.attachments = [NoticeAttachment(document=document, label=label) for document, label in attachments]
    notice.library_attachments = [
        NoticeLibraryAttachment(document=document, label=label) for document, label in library_attachments
    ]
    page_rich_text_clean(notice)
    section.add_child(instance=notice)
    revision = notice.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        notice.refresh_from_db()
    return notice


@transaction.atomic
def notice_submit_for_moderation(*, notice: NoticePage, user) -> None:
    """Start the workflow that applies to the notice on its latest revision, as the admin's button does."""
    workflow = notice.get_workflow()
    if workflow is None:
        raise ValidationError(_("This notice does not need any approval: publish it directly."), code="no_workflow")
    workflow.start(notice, user)
    notice_approvers_notify(notice=notice, user=user)


def notice_approvers_notify(*, notice: NoticePage, user) -> None:
    """Tell the approvers of the notice's current workflow task that it awaits them (nobody if none)."""
    task_state = notice.current_workflow_task_state
    task = task_state.task.specific if task_state else None
    if not isinstance(task, GroupApprovalTask):
        return
    notification_send(
        users=get_user_model().objects.filter(groups__in=task.groups.all(), is_active=True).distinct(),
        kind="notice_approval",
        title=lambda: _("Notice awaiting your approval: %(title)s") % {"title": notice.title},
        url=reverse("wagtailadmin_pages:edit", args=[notice.pk]),
        actor=user,
    )
