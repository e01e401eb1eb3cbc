"""machina's permission answers kept in the shared cache: asked once, and retired by every change that moves them."""

from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from machina.apps.forum_permission.models import ForumPermission, UserForumPermission

from extranet.organisations.models import Membership
from extranet.organisations.services import membership_remove, membership_set
from forums import permission_cache
from forums.machina_apps.forum_permission.checker import ForumPermissionChecker
from forums.models import ForumAudience
from forums.permission_cache import _VERSION_KEY, forum_permissions_changed, permissions_version
from forums.services import forum_audience_update
from tests.forums.factories import post_update_url, reply, shared_forum, topic, topic_url
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db

PERMISSION_TABLE = "forum_permission_"


def permission_queries(client, url) -> tuple[int, int]:
    """The page's status and how many of its queries read machina's permission rows."""
    with CaptureQueriesContext(connection) as captured:
        status = client.get(url).status_code
    return status, sum(PERMISSION_TABLE in query["sql"] for query in captured)


def test_a_second_page_reads_no_permission_row(client, private_topic, member):
    """The first view works the member's rights out from the rows; the next ones take machina's answer as it was."""
    client.force_login(member)
    first_status, first_reads = permission_queries(client, topic_url(private_topic))
    second_status, second_reads = permission_queries(client, topic_url(private_topic))
    # machina's checker reads two tables; the menu's moderation link asks its own, narrower question each time.
    assert (first_status, second_status) == (200, 200) and first_reads - second_reads == 2


def test_one_members_answer_never_serves_another(client, private_topic, member, other_commune):
    """A member's kept answer on their forum is theirs: a member of another commune asking next still gets a 404."""
    outsider = membership(other_commune).user
    client.force_login(member)
    assert client.get(topic_url(private_topic)).status_code == 200
    client.force_login(outsider)
    assert client.get(topic_url(private_topic)).status_code == 404


def test_a_deactivated_account_gets_nothing_from_its_kept_answer(private_topic, member):
    """machina's checker answers an account deactivated after its answer was kept with no permission at all."""
    forum = private_topic.forum
    assert "can_read_forum" in ForumPermissionChecker(member).get_perms(forum)
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert not ForumPermissionChecker(member).has_perm("can_read_forum", forum)
    assert ForumPermissionChecker(member).get_perms(forum) == []


def test_a_member_who_leaves_loses_the_forum_at_once(client, private_topic, member, commune):
    """Removed from the organisation, the member gets a 404 on the very next request."""
    client.force_login(member)
    assert client.get(topic_url(private_topic)).status_code == 200
    membership_remove(membership=Membership.objects.get(user=member, organisation=commune))
    assert client.get(topic_url(private_topic)).status_code == 404


def test_a_new_role_gives_its_rights_at_once(client, private_topic, commune):
    """A member made administrator may edit a colleague's post on the next request, and no longer once demoted."""
    membership(commune, role="admin")
    colleague = membership(commune).user
    answer = reply(private_topic, poster=colleague)
    promoted = membership(commune).user
    client.force_login(promoted)
    assert client.get(post_update_url(answer)).status_code == 404
    membership_set(organisation=commune, user=promoted, role="admin")
    assert client.get(post_update_url(answer)).status_code == 200
    membership_set(organisation=commune, user=promoted, role="member")
    assert client.get(post_update_url(answer)).status_code == 404


def test_a_forum_opened_to_the_public_and_closed_again(client, member):
    """Anonymous visitors read a shared forum as soon as it is public, and stop as soon as it is not."""
    forum = shared_forum("Numérique", open_to_all_organisations=True)
    public_topic = topic(forum, poster=member)
    audience = ForumAudience.objects.get(forum=forum)
    assert client.get(topic_url(public_topic)).status_code == 302
    forum_audience_update(audience=audience, open_to_all_organisations=True, is_public=True)
    assert client.get(topic_url(public_topic)).status_code == 200
    forum_audience_update(audience=audience, open_to_all_organisations=True, is_public=False)
    assert client.get(topic_url(public_topic)).status_code == 302


def test_a_group_deleted_takes_its_members_rights_along(client, private_topic, member):
    """Deleting a role group (its members go without a signal of their own) ends their access at once."""
    client.force_login(member)
    assert client.get(topic_url(private_topic)).status_code == 200
    Group.objects.filter(user=member).delete()
    assert client.get(topic_url(private_topic)).status_code == 404


def test_a_row_written_outside_the_services_counts_too(client, private_topic, member):
    """A permission row saved by hand (machina's models, the shell) is heard like the services' own writes."""
    client.force_login(member)
    assert client.get(topic_url(private_topic)).status_code == 200
    UserForumPermission.objects.create(
        forum=private_topic.forum,
        user=member,
        permission=ForumPermission.objects.get(codename="can_read_forum"),
        has_perm=False,
    )
    assert client.get(topic_url(private_topic)).status_code == 404


def test_a_cache_that_lost_the_version_never_returns_to_an_old_one(client, private_topic, member):
    """With the version gone (evicted, flushed), the versions that follow are new: no stored answer is served again."""
    client.force_login(member)
    assert client.get(topic_url(private_topic)).status_code == 200
    # A change no signal announces (raw writes of the relation): only a new version can show it.
    member.groups.through.objects.filter(user=member).delete()
    before = {permissions_version()}
    for _change in range(5):
        forum_permissions_changed()
        before.add(permissions_version())
    cache.delete(_VERSION_KEY)
    after = {permissions_version()}
    # More versions than the fixtures and the loop above made: a counter starting again would meet an old one.
    for _change in range(50):
        forum_permissions_changed()
        after.add(permissions_version())
    assert not before & after
    assert client.get(topic_url(private_topic)).status_code == 404


def test_the_version_moves_again_when_the_change_commits(django_capture_on_commit_callbacks):
    """An answer stored while the change was not yet committed is retired by the commit."""
    before = permissions_version()
    with django_capture_on_commit_callbacks(execute=True):
        forum_permissions_changed()
        during = permissions_version()
    assert len({before, during, permissions_version()}) == 3


def test_without_a_shared_cache_every_page_asks_the_rows(client, private_topic, member, settings):
    """With answers not kept (a cache of each process's own), machina reads the rows at every request."""
    settings.FORUM_PERMISSIONS_CACHE_SECONDS = 0
    client.force_login(member)
    first = permission_queries(client, topic_url(private_topic))
    assert permission_queries(client, topic_url(private_topic)) == first == (200, 3)


def test_a_migration_retires_the_kept_answers(django_capture_on_commit_callbacks):
    """`migrate` may rewrite permission rows: the version moves, once for the whole run rather than once per app."""
    versions = []
    original_move = permission_cache._version_move

    def recorded_move():
        original_move()
        versions.append(permissions_version())

    before = permissions_version()
    with mock.patch.object(permission_cache, "_version_move", recorded_move):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("migrate", verbosity=0)

    assert before not in versions
    assert len(versions) == 2  # at once and at commit, as every change
