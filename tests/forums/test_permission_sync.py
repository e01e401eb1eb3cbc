"""Forum permissions follow memberships and audiences, and the re-sync command repairs them."""

from django.core.management import call_command
from django.urls import reverse
from machina.apps.forum_permission.models import ForumPermission, GroupForumPermission

from extranet.organisations.models import Membership, OrganisationGroup
from extranet.organisations.services import membership_remove, membership_set
from forums.models import ForumAudience
from forums.services import forum_audience_update
from tests.forums.factories import organisation_forum, reply_form_data, reply_url, shared_forum, topic, topic_url
from tests.organisations.factories import OrganisationFactory, membership


def test_new_organisation_gets_private_forum(db):
    """Creating an organisation creates its category and its private forum."""
    organisation = OrganisationFactory(name="Sandillon", slug="sandillon")
    forum = organisation_forum(organisation)
    assert forum.parent.name == "Sandillon"
    assert GroupForumPermission.objects.filter(forum=forum).exists()


def test_an_organisation_with_a_long_name_gets_its_forum(db):
    """A 200-character name (the organisation's limit) is cut to the forum's 100, marked, on creation and rename."""
    organisation = OrganisationFactory(name="Syndicat mixte " + "x" * 185)
    category = ForumAudience.objects.get(organisation=organisation, forum__parent__isnull=True).forum

    category.refresh_from_db()
    assert len(category.name) == 100 and category.name.endswith("…")
    assert category.name.startswith("Syndicat mixte xxx")


def test_member_who_leaves_loses_access_at_once(client, commune, private_topic, member, admin):
    """Removing a membership takes the forum away on the next request, without any re-sync."""
    client.force_login(member)
    assert client.get(topic_url(private_topic)).status_code == 200
    membership_remove(membership=Membership.objects.get(user=member, organisation=commune))
    assert client.get(topic_url(private_topic)).status_code == 404
    assert client.post(reply_url(private_topic), reply_form_data()).status_code == 404
    assert private_topic.posts.count() == 1


def test_new_member_gets_access_at_once(client, commune, private_topic, outsider):
    """Joining an organisation opens its forums."""
    client.force_login(outsider)
    assert client.get(topic_url(private_topic)).status_code == 404
    membership_set(organisation=commune, user=outsider)
    assert client.get(topic_url(private_topic)).status_code == 200


def test_admin_demoted_stops_moderating(client, commune, private_topic, admin):
    """An administrator who becomes a plain member can no longer lock topics."""
    membership(commune, role="admin")
    lock_url = reverse("forum_moderation:topic_lock", kwargs={"slug": private_topic.slug, "pk": private_topic.pk})
    client.force_login(admin)
    assert client.get(lock_url).status_code == 200
    membership_set(organisation=commune, user=admin, role="member")
    assert client.get(lock_url).status_code == 404


def test_new_organisation_joins_open_shared_forums(client, open_forum, member):
    """An organisation created after a shared forum open to all gets into it."""
    forum_topic = topic(open_forum, poster=member)
    newcomer = membership(OrganisationFactory(name="Tigy", slug="tigy")).user
    client.force_login(newcomer)
    assert client.get(topic_url(forum_topic)).status_code == 200


def test_audience_change_applies_to_members(client, commune, other_commune, member, outsider):
    """Restricting a shared forum to chosen organisations shuts the others out."""
    forum = shared_forum("Numérique", open_to_all_organisations=True)
    forum_topic = topic(forum, poster=member)
    forum_audience_update(audience=forum.audience, open_to_all_organisations=False, organisations=[commune])
    client.force_login(outsider)
    assert client.get(topic_url(forum_topic)).status_code == 404
    client.force_login(member)
    assert client.get(topic_url(forum_topic)).status_code == 200


def test_sync_command_repairs_hand_edits(commune, other_commune, private_forum, capsys):
    """`forums_sync_permissions` removes a grant made by hand and restores the deleted ones."""
    member_group = OrganisationGroup.objects.get(organisation=commune, role="member").group
    removed, _deleted = GroupForumPermission.objects.filter(forum=private_forum, group=member_group).delete()
    intruder_group = OrganisationGroup.objects.get(organisation=other_commune, role="member").group
    GroupForumPermission.objects.create(
        forum=private_forum, group=intruder_group, permission=ForumPermission.objects.get(codename="can_read_forum")
    )
    call_command("forums_sync_permissions")
    assert not GroupForumPermission.objects.filter(forum=private_forum, group=intruder_group).exists()
    assert GroupForumPermission.objects.filter(forum=private_forum, group=member_group).exists()
    assert f"Forums : {removed + 1} permission(s) corrigée(s), 0 organisation(s)" in capsys.readouterr().out
    call_command("forums_sync_permissions")
    assert "Forums : 0 permission(s) corrigée(s), 0 organisation(s)" in capsys.readouterr().out


def test_forum_without_audience_is_hidden(client, member, private_forum):
    """A forum created outside the services (no audience) is nobody's but superusers'."""
    ForumAudience.objects.filter(forum=private_forum).delete()
    call_command("forums_sync_permissions")
    client.force_login(member)
    assert (
        client.get(reverse("forum:forum", kwargs={"slug": private_forum.slug, "pk": private_forum.pk})).status_code
        == 404
    )
