"""Writes of the forums: forums and their permissions derived from memberships, subscriptions, preferences.

machina's permission rows are never edited by hand: `forum_permissions_sync` rebuilds them from each forum's
`ForumAudience` and the organisations' role groups, which the membership services keep in step. A member who
leaves an organisation leaves its groups, so they lose access to its forums at once.
"""

import hashlib

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_permission.models import ForumPermission, GroupForumPermission, UserForumPermission

from extranet.organisations.models import Organisation, OrganisationGroup, OrganisationKind, Role
from extranet.organisations.selectors import real_organisations
from extranet.organisations.wording import organisation_phrase
from extranet.search.services import search_refresh_later

from .models import (
    MODERATOR_ROLES,
    ForumAudience,
    ForumSubscription,
    NotificationFrequency,
    NotificationPreference,
    PostRevision,
)
from .permission_cache import forum_permissions_changed
from .permissions import READ, moderator_codenames, participant_codenames

SHARED_CATEGORY_NAME = "Forums inter-collectivités"
ORGANISATION_FORUM_NAME = "Échanges internes"
# A reader's views of a topic within this many seconds count once.
TOPIC_VIEW_WINDOW = 30 * 60


def _forum_name(name: str) -> str:
    """An organisation's name (up to 200 characters) cut to what machina's forum name holds, marked as cut."""
    limit = Forum._meta.get_field("name").max_length
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def forum_name_validate(*, name: str) -> None:
    """machina addresses a forum by the slug of its name: a name without a letter or a digit ("🎉", "---") has
    none, and every page linking to the forum would fail."""
    if not slugify(name, allow_unicode=True):
        raise ValidationError(_("A forum's name must contain letters or digits."), code="name_without_slug")


def _forum_save(forum: Forum) -> Forum:
    """Save through machina, which derives the slug from the name at every save, then make sure the slug is not
    empty (an organisation's name is not checked like a shared forum's)."""
    forum.save()
    if not forum.slug:
        forum.slug = "forum"
        Forum.objects.filter(pk=forum.pk).update(slug=forum.slug)
    return forum


def _forum_create(*, name: str, parent: Forum | None, category: bool, description: str = "") -> Forum:
    forum = Forum(
        name=_forum_name(name),
        parent=parent,
        type=Forum.FORUM_CAT if category else Forum.FORUM_POST,
        description=description,
    )
    return _forum_save(forum)


def _organisation_forum_description(organisation: Organisation) -> str:
    """Stored content, like the forum's name: written in the platform's language, with the organisation's article
    ("réservés aux membres du Département du Loiret")."""
    with translation.override(settings.LANGUAGE_CODE):
        return _("Discussions reserved for the members %(of_name)s.") % {
            "of_name": organisation_phrase(organisation, "de")
        }


@transaction.atomic
def forum_organisation_provision(*, organisation: Organisation) -> Forum:
    """Give the organisation its private category and first forum (idempotent), then re-sync the shared forums.

    Called through the `provision_organisation` hook when an organisation is created or renamed.
    """
    audience = (
        ForumAudience.objects.select_related("forum")
        .filter(organisation=organisation, forum__parent__isnull=True)
        .first()
    )
    if audience is None:
        category = _forum_create(name=organisation.name, parent=None, category=True)
        ForumAudience.objects.create(forum=category, organisation=organisation)
        forum = _forum_create(
            name=ORGANISATION_FORUM_NAME,
            parent=category,
            category=False,
            description=_organisation_forum_description(organisation),
        )
        ForumAudience.objects.create(forum=forum, organisation=organisation)
    elif audience.forum.name != _forum_name(organisation.name):
        audience.forum.name = _forum_name(organisation.name)
        _forum_save(audience.forum)
    forums_permissions_sync(queryset=ForumAudience.objects.filter(Q(organisation=organisation) | Q(organisation=None)))
    return ForumAudience.objects.get(organisation=organisation, forum__parent__isnull=True).forum


@transaction.atomic
def forum_shared_create(
    *,
    name: str,
    description: str = "",
    parent: Forum | None = None,
    category: bool = False,
    open_to_all_organisations: bool = True,
    organisations=(),
    organisation_kinds=(),
    is_public: bool = False,
    premoderated: bool = False,
) -> Forum:
    """Create a shared forum (or category) and grant its audience; the département's editors moderate it."""
    unknown = set(organisation_kinds) - set(OrganisationKind.values)
    if unknown:
        raise ValidationError(_("Unknown organisation kind: %(kinds)s."), params={"kinds": ", ".join(sorted(unknown))})
    if parent is not None and parent.is_link:
        raise ValidationError(_("A forum cannot be placed under a link."))
    forum_name_validate(name=name)
    forum = _forum_create(name=name, parent=parent, category=category, description=description)
    audience = ForumAudience.objects.create(
        forum=forum,
        open_to_all_organisations=open_to_all_organisations,
        organisation_kinds=sorted(set(organisation_kinds)),
        is_public=is_public,
        premoderated=premoderated,
    )
    audience.organisations.set(organisations)
    forum_permissions_sync(audience=audience)
    return forum


@transaction.atomic
def forum_audience_update(
    *,
    audience: ForumAudience,
    name: str | None = None,
    description: str | None = None,
    open_to_all_organisations: bool,
    organisations=(),
    organisation_kinds=(),
    is_public: bool = False,
    premoderated: bool = False,
) -> ForumAudience:
    """Change who may use a shared forum; its permissions and its posts' search visibility follow."""
    if not audience.is_shared:
        raise ValidationError(_("The audience of an organisation's forum is its members."), code="organisation_forum")
    if name is not None:
        forum_name_validate(name=name)
    if name is not None or description is not None:
        forum = audience.forum
        forum.name = name if name is not None else forum.name
        forum.description = description if description is not None else forum.description
        _forum_save(forum)
    audience.open_to_all_organisations = open_to_all_organisations
    audience.organisation_kinds = sorted(set(organisation_kinds))
    audience.is_public, audience.premoderated = is_public, premoderated
    audience.full_clean()
    audience.save()
    audience.organisations.set(organisations)
    forum_permissions_sync(audience=audience)
    post_ids = list(Post.objects.filter(topic__forum=audience.forum_id).values_list("pk", flat=True))
    if post_ids:
        transaction.on_commit(lambda: search_refresh_later(model=Post, pks=post_ids))
    return audience


@transaction.atomic
def topic_move(*, topic: Topic, forum: Forum, lock: bool) -> Topic:
    """Move a topic to another forum (machina keeps the counters of both); its posts are indexed again, since
    their readers are now the new forum's, and its followers who may not read the new forum stop following it."""
    topic.forum = forum
    topic.status = Topic.TOPIC_LOCKED if lock else Topic.TOPIC_MOVED
    topic.save()
    _followers_who_cannot_read(topic=topic, forum=forum).delete()
    post_ids = list(topic.posts.values_list("pk", flat=True))
    transaction.on_commit(lambda: search_refresh_later(model=Post, pks=post_ids))
    return topic


def _followers_who_cannot_read(*, topic: Topic, forum: Forum):
    """The topic's follow rows of those who may not read `forum`, in a few queries however many follow it.

    The forum's read right comes from its rows, all derived by `forum_permissions_sync` (grants only, no global
    row): its role groups', a user's own, or every logged-in user's for a public forum; superusers read all."""
    follows = Topic.subscribers.through.objects.filter(topic=topic)
    rows = {"forum": forum, "permission__codename": "can_read_forum", "has_perm": True}
    if UserForumPermission.objects.filter(**rows, authenticated_user=True).exists():
        return follows.none()
    return (
        follows.exclude(user__is_superuser=True)
        .exclude(user__groups__in=GroupForumPermission.objects.filter(**rows).values("group_id"))
        .exclude(user__in=UserForumPermission.objects.filter(**rows, user__isnull=False).values("user_id"))
    )


def _audience_organisation_ids(audience: ForumAudience) -> set[int]:
    if not audience.is_shared:
        return {audience.organisation_id}
    # Training sandboxes' trainees stay out of the shared forums.
    organisations = real_organisations()
    if not audience.open_to_all_organisations:
        organisations = organisations.filter(
            Q(pk__in=audience.organisations.values("pk")) | Q(kind__in=audience.organisation_kinds)
        )
    return set(organisations.values_list("pk", flat=True))


def _moderator_group_ids(audience: ForumAudience) -> set[int]:
    """An organisation's admins moderate its forums; the départements' editors and admins the shared ones."""
    if audience.is_shared:
        links = OrganisationGroup.objects.filter(
            organisation__kind=OrganisationKind.DEPARTEMENT, role__in=MODERATOR_ROLES
        )
    else:
        links = OrganisationGroup.objects.filter(organisation=audience.organisation_id, role=Role.ADMIN)
    return set(links.values_list("group_id", flat=True))


def _expected_group_grants(audience: ForumAudience, permission_ids: dict[str, int]) -> set[tuple[int, int]]:
    participants = set(
        OrganisationGroup.objects.filter(organisation__in=_audience_organisation_ids(audience)).values_list(
            "group_id", flat=True
        )
    )
    moderators = _moderator_group_ids(audience)
    grants = set()
    for group_id in participants - moderators:
        grants |= {
            (group_id, permission_ids[code]) for code in participant_codenames(premoderated=audience.premoderated)
        }
    for group_id in moderators:
        grants |= {(group_id, permission_ids[code]) for code in moderator_codenames()}
    return grants


@transaction.atomic
def forum_permissions_sync(*, audience: ForumAudience) -> int:
    """Make machina's permission rows of one forum match its audience; return how many rows changed."""
    permission_ids = dict(ForumPermission.objects.values_list("codename", "pk"))
    forum_id = audience.forum_id
    expected = _expected_group_grants(audience, permission_ids)
    existing = {
        (group_id, permission_id): pk
        for pk, group_id, permission_id in GroupForumPermission.objects.filter(
            forum=forum_id, has_perm=True
        ).values_list("pk", "group_id", "permission_id")
    }
    stale = GroupForumPermission.objects.filter(forum=forum_id).exclude(
        pk__in=[pk for key, pk in existing.items() if key in expected]
    )
    changes, _deleted = stale.delete()
    GroupForumPermission.objects.bulk_create(
        [
            GroupForumPermission(forum_id=forum_id, group_id=group_id, permission_id=permission_id, has_perm=True)
            for group_id, permission_id in expected - existing.keys()
        ]
    )
    changes += len(expected - existing.keys())
    changes += _public_permissions_sync(audience, permission_ids)
    if changes:
        # bulk_create sends no signal for forums.receivers to hear.
        forum_permissions_changed()
    return changes


def _public_permissions_sync(audience: ForumAudience, permission_ids: dict[str, int]) -> int:
    """A public forum may be read by anonymous visitors and by any logged-in user; no other forum may."""
    rows = UserForumPermission.objects.filter(forum=audience.forum_id, user=None)
    expected = (
        {(anonymous, permission_ids[code]) for code in READ for anonymous in (True, False)}
        if audience.is_public
        else set()
    )
    existing = {(row.anonymous_user, row.permission_id): row.pk for row in rows if row.has_perm}
    stale = rows.exclude(pk__in=[pk for key, pk in existing.items() if key in expected])
    changes, _deleted = stale.delete()
    UserForumPermission.objects.bulk_create(
        [
            UserForumPermission(
                forum_id=audience.forum_id,
                permission_id=permission_id,
                anonymous_user=anonymous,
                authenticated_user=not anonymous,
                has_perm=True,
            )
            for anonymous, permission_id in expected - existing.keys()
        ]
    )
    return changes + len(expected - existing.keys())


def forums_permissions_sync(*, queryset=None) -> int:
    """Re-sync every forum (or those of `queryset`); also removes the rows of forums that have no audience."""
    orphans, _deleted = GroupForumPermission.objects.exclude(forum__audience__isnull=False).delete()
    orphan_users, _deleted = (
        UserForumPermission.objects.filter(user=None).exclude(forum__audience__isnull=False).delete()
    )
    audiences = (queryset if queryset is not None else ForumAudience.objects.all()).prefetch_related("organisations")
    return orphans + orphan_users + sum(forum_permissions_sync(audience=audience) for audience in audiences)


@transaction.atomic
def forum_subscription_set(*, user, forum: Forum, subscribed: bool) -> None:
    """Follow or stop following every new post of a forum; the caller checked that the user may read it."""
    if subscribed:
        ForumSubscription.objects.get_or_create(user=user, forum=forum)
    else:
        ForumSubscription.objects.filter(user=user, forum=forum).delete()


@transaction.atomic
def topic_subscription_remove(*, user, topic) -> None:
    topic.subscribers.remove(user)


@transaction.atomic
def notification_preference_set(*, user, frequency: str) -> NotificationPreference:
    if frequency not in NotificationFrequency.values:
        raise ValidationError(_("Choose how often you want to be told about new posts."), code="frequency")
    preference, _created = NotificationPreference.objects.update_or_create(user=user, defaults={"frequency": frequency})
    return preference


@transaction.atomic
def subscription_remove_by_token(*, user_id: int, target) -> None:
    """Stop the subscription an e-mail's unsubscribe link names (a topic or a forum)."""
    if isinstance(target, Forum):
        ForumSubscription.objects.filter(user_id=user_id, forum=target).delete()
    else:
        target.subscribers.remove(user_id)


def post_quote_text(*, topic, post_id: int) -> str:
    """The markdown that quotes a visible post of the topic, or "" for any other post."""
    post = topic.posts.filter(pk=post_id, approved=True).select_related("poster").first()
    if post is None:
        return ""
    author = post.poster.get_full_name() if post.poster_id else post.username
    quoted = "\n".join(f"> {line}" for line in post.content.raw.splitlines())
    return _("%(author)s wrote:") % {"author": author} + f"\n{quoted}\n\n"


@transaction.atomic
def post_revision_record(*, post, editor) -> PostRevision:
    """Keep what the post says in the database, before an edit (already applied to `post` by its form) is saved."""
    stored = Post.objects.get(pk=post.pk)
    return PostRevision.objects.create(
        post=stored,
        subject=stored.subject,
        content=stored.content.raw,
        edited_by=editor if editor.is_authenticated else None,
    )


def topic_reader(*, user, request) -> str:
    """Who reads a topic, to count their views: the user, else the visitor's session, else a digest of the
    visitor's address and browser (a public forum's visitors and crawlers mostly have no session; the address
    itself is not kept)."""
    if user.is_authenticated:
        return f"user-{user.pk}"
    if request.session.session_key:
        return f"session-{request.session.session_key}"
    seen = f"{get_client_ip_address(request) or ''}\n{request.META.get('HTTP_USER_AGENT', '')}"
    return f"visitor-{hashlib.sha256(seen.encode()).hexdigest()[:32]}"


def topic_view_count(*, topic, reader: str) -> bool:
    """Count a view of the topic, once per reader (see `topic_reader`) every TOPIC_VIEW_WINDOW.

    machina writes the counter at every page shown: reloading a page, paging through the topic or coming back to
    it from a notification each cost a write, which SQLite makes every other request wait for. Returns whether
    the view was counted.
    """
    if not cache.add(f"forums:topic-viewed:{topic.pk}:{reader}", True, TOPIC_VIEW_WINDOW):
        return False
    Topic.objects.filter(pk=topic.pk).update(views_count=F("views_count") + 1)
    return True


@transaction.atomic
def posts_of_accounts_release(*, user_ids: list[int], name: str) -> None:
    """Before these accounts are deleted: machina would delete their posts with them, and the topics they started
    with everyone's replies. Their replies go; a topic they started that others answered stays, its first post
    signed `name`; the counters of the topics and forums concerned are recomputed, and the search forgets them."""
    posts = Post.objects.filter(poster_id__in=user_ids)
    answered = set(
        Post.objects.filter(topic__poster_id__in=user_ids)
        .exclude(poster_id__in=user_ids)
        .values_list("topic_id", flat=True)
    )
    topic_ids = set(posts.values_list("topic_id", flat=True)) | set(
        Topic.objects.filter(poster_id__in=user_ids).values_list("pk", flat=True)
    )
    gone = list(posts.exclude(topic__first_post=F("pk"), topic_id__in=answered).values_list("pk", flat=True))
    posts.filter(topic__first_post=F("pk"), topic_id__in=answered).update(poster=None, username=name)
    Topic.objects.filter(pk__in=answered).update(poster=None)
    unanswered = Topic.objects.filter(poster_id__in=user_ids)
    gone += list(Post.objects.filter(topic__in=unanswered).values_list("pk", flat=True))
    forum_ids = set(Topic.objects.filter(pk__in=topic_ids).values_list("forum_id", flat=True))
    unanswered.delete()
    Post.objects.filter(pk__in=gone).delete()
    for topic in Topic.objects.filter(pk__in=topic_ids).select_related("forum"):
        topic.update_trackers()
    for forum in Forum.objects.filter(pk__in=forum_ids):
        forum.update_trackers()
    transaction.on_commit(lambda: search_refresh_later(model=Post, pks=gone))
