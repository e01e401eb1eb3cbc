"""The notices' services: sections made by the organisation's provisioning, and the approval setting."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage

from extranet.notices.pages import NoticeSectionPage
from extranet.notices.selectors import notice_section_requires_approval
from extranet.notices.services import notice_section_set_approval
from extranet.organisations.models import OrganisationGroup
from extranet.organisations.services import organisation_sync_groups
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def role_group(organisation, role) -> Group:
    return OrganisationGroup.objects.get(organisation=organisation, role=role).group


def publishers(section) -> set[str]:
    """The names of the groups that may publish the section's notices."""
    return set(
        GroupPagePermission.objects.filter(page=section, permission__codename="publish_page").values_list(
            "group__name", flat=True
        )
    )


def test_every_organisation_gets_its_section(commune, index):
    """Creating an organisation creates /communiques/<slug>/, where its editors may add and publish notices."""
    section = NoticeSectionPage.objects.get(organisation=commune)

    assert section.live
    assert section.url == "/communiques/jargeau/"
    assert section.get_parent().specific == index
    assert publishers(section) == {"jargeau · editor", "jargeau · admin"}


def test_renaming_the_organisation_renames_its_section(commune):
    """Provisioning again after a rename keeps one section, retitled and moved."""
    commune.name, commune.slug = "Jargeau-sur-Loire", "jargeau-sur-loire"
    commune.save()

    organisation_sync_groups(organisation=commune)

    section = NoticeSectionPage.objects.get(organisation=commune)
    assert (section.title, section.url) == ("Jargeau-sur-Loire", "/communiques/jargeau-sur-loire/")
    assert NoticeSectionPage.objects.count() == 1


def test_requiring_approval_assigns_the_departements_workflow(section, departement):
    """The section gets "Validation par le Département", approved by the département's editors and admins."""
    notice_section_set_approval(section=section, required=True)

    workflow = WorkflowPage.objects.get(page=section).workflow
    [task] = workflow.tasks.specific()
    assert workflow.name == "Validation par le Département"
    assert isinstance(task, GroupApprovalTask)
    assert set(task.groups.all()) == {role_group(departement, "editor"), role_group(departement, "admin")}
    assert notice_section_requires_approval(section=section)


def test_requiring_approval_moves_the_publish_permission_to_the_approvers(section, departement):
    """Jargeau's roles lose the publish permission on their section; the département's approvers get it."""
    notice_section_set_approval(section=section, required=True)

    assert publishers(section) == {"loiret · editor", "loiret · admin"}
    assert GroupPagePermission.objects.filter(
        page=section, group__name="jargeau · editor", permission__codename="add_page"
    ).exists()


def test_the_approval_setting_is_idempotent(section, departement, other_commune):
    """Switching approval on twice, for two sections, makes one workflow and one task, and no duplicate."""
    notice_section_set_approval(section=section, required=True)
    notice_section_set_approval(section=section, required=True)
    notice_section_set_approval(section=NoticeSectionPage.objects.get(organisation=other_commune), required=True)

    assert Workflow.objects.filter(name="Validation par le Département").count() == 1
    assert GroupApprovalTask.objects.filter(name="Relecture par le Département").count() == 1
    assert WorkflowPage.objects.filter(workflow__name="Validation par le Département").count() == 2
    assert GroupPagePermission.objects.filter(page=section, permission__codename="publish_page").count() == 2


def test_switching_approval_off_restores_direct_publication(section, departement):
    """Off again: no workflow on the section, and only Jargeau's own roles publish there."""
    notice_section_set_approval(section=section, required=True)

    notice_section_set_approval(section=section, required=False)
    notice_section_set_approval(section=section, required=False)

    assert not WorkflowPage.objects.filter(page=section).exists()
    assert not notice_section_requires_approval(section=section)
    assert publishers(section) == {"jargeau · editor", "jargeau · admin"}


def test_provisioning_again_keeps_the_approval(commune, section, departement):
    """Rebuilding the organisation's groups and pages does not give the publish permission back."""
    notice_section_set_approval(section=section, required=True)

    organisation_sync_groups(organisation=commune)

    assert notice_section_requires_approval(section=section)
    assert publishers(section) == {"loiret · editor", "loiret · admin"}


def test_approval_needs_exactly_one_departement(section):
    """Without a département nobody could approve: the French error says so and nothing changes."""
    with pytest.raises(ValidationError) as error:
        notice_section_set_approval(section=section, required=True)

    assert error.value.messages == [
        "La validation des avis n'est possible que sur une plateforme comptant un et un seul département."
    ]
    assert not WorkflowPage.objects.filter(page=section).exists()
    assert publishers(section) == {"jargeau · editor", "jargeau · admin"}


def test_the_departement_may_require_approval_of_its_own_section(departement):
    """When the département's own section is moderated, its editors keep the publish permission there."""
    own = NoticeSectionPage.objects.get(organisation=departement)

    notice_section_set_approval(section=own, required=True)
    notice_section_set_approval(section=own, required=False)

    assert publishers(own) == {"loiret · editor", "loiret · admin"}


def test_a_second_departement_is_refused(section, departement):
    """A second département would make the approvers ambiguous: refused in French."""
    OrganisationFactory(kind="departement", name="Département du Cher", slug="cher", insee_code="")

    with pytest.raises(ValidationError):
        notice_section_set_approval(section=section, required=True)
