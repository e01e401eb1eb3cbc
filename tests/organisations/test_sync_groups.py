import pytest
from django.core.management import call_command

from extranet.organisations.models import OrganisationGroup, Role


@pytest.mark.django_db
def test_resync_repairs_groups_edited_by_hand(commune, member, outsider):
    """A group edited by hand (a stranger added, a member removed) is put back in step with the memberships."""
    member_group = OrganisationGroup.objects.get(organisation=commune, role=Role.MEMBER).group
    member_group.user_set.remove(member)
    member_group.user_set.add(outsider)

    call_command("sync_organisation_groups")

    assert set(member_group.user_set.all()) == {member}


@pytest.mark.django_db
def test_resync_changes_nothing_when_groups_are_in_step(commune, member, capsys):
    """Running the command on consistent data reports no correction."""
    call_command("sync_organisation_groups")
    assert "Done: 0 correction(s)." in capsys.readouterr().out
