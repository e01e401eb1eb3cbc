"""Permission-aware reads of the forums; machina's PermissionHandler decides, from the rows services.py keeps."""

import hashlib

from django.core.exceptions import ObjectDoesNotExist
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner
from django.db.models import Exists, OuterRef, Q, prefetch_related_objects
from django.http import Http404
from django.urls import reverse
from django.utils.timezone import get_current_timezone_name
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.forum_attachments.models import Attachment
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_member.shortcuts import get_forum_member_display_name
from machina.apps.forum_permission.checker import ForumPermissionChecker
from machina.apps.forum_permission.handler import PermissionHandler
from machina.apps.forum_permission.models import GroupForumPermission, UserForumPermission
from machina.apps.forum_tracking.models import ForumReadTrack, TopicReadTrack
from machina.conf import settings as machina_settings

from extranet.core.compiled import UserCount, UserRows
from extranet.organisations.models import Membership, OrganisationKind

from .models import MODERATOR_ROLES, ForumAudience, ForumSubscription, NotificationFrequency, NotificationPreference

UNSUBSCRIBE_SALT = "forums.unsubscribe"


def forum_audience_of(forum: Forum) -> ForumAudience | None:
    try:
        return forum.audience
    except ObjectDoesNotExist:
        return None


def forum_move_destinations(*, forums, topic: Topic) -> list[tuple[int, str]]:
    """Choices of forums a topic may move to, among machina's `forums` (in tree order): no category, not its own
    forum, and each organisation's private forum followed by the organisation's name."""
    owners = dict(
        ForumAudience.objects.filter(forum__in=forums, organisation__isnull=False).values_list(
            "forum_id", "organisation__name"
        )
    )
    choices = []
    for forum in forums:
        if forum.is_category or forum.is_link or forum.pk == topic.forum_id:
            continue
        label = f"{'–' * forum.margin_level} {forum.name}".strip()
        choices.append((forum.pk, f"{label} ({owners[forum.pk]})" if forum.pk in owners else label))
    return choices


def forum_ancestors(*, forum: Forum) -> list[Forum]:
    """The forums above `forum`, the root first.

    Most forums sit right under their organisation's category: their parent, loaded with them where the page
    asked for it (`topic_get_for_page`), is the whole trail, where mptt's `get_ancestors` always runs a query.
    """
    if forum.level == 0:
        return []
    if forum.level == 1:
        return [forum.parent]
    return list(forum.get_ancestors())


def forum_get_for_reader(*, user, pk: int, handler: PermissionHandler | None = None) -> Forum:
    """A forum the user may read; Http404 for a missing and a forbidden one alike."""
    forum = Forum.objects.filter(pk=pk).first()
    handler = handler or PermissionHandler()
    if forum is None or not handler.can_read_forum(forum, user):
        raise Http404
    return forum


MODERATION_QUEUE_PERMISSION = "can_approve_posts"


@UserRows
def _moderation_candidates(*, user):
    """Forums where a row grants approval to the user, to every authenticated user or to one of the user's groups."""
    grants = {"permission__codename": MODERATION_QUEUE_PERMISSION, "has_perm": True}
    return (
        UserForumPermission.objects.filter(Q(user_id=user.pk) | Q(authenticated_user=True), **grants)
        .values_list("forum_id")
        .union(GroupForumPermission.objects.filter(group__user__pk=user.pk, **grants).values_list("forum_id"))
    )


def user_can_access_moderation_queue(*, user, handler: PermissionHandler | None = None) -> bool:
    """Whether the forum menu links to the moderation queue: machina's answer, asked about fewer forums.

    Machina weighs the user's permissions on every forum of the site for this one link, on every forum page (the
    forums grow with the organisations). A forum can only pass if a row grants approval there: to the user, to
    every authenticated user or to one of the user's groups. So this asks for those forums first (one query; none
    for most members, who moderate nothing) and lets machina's checker decide on them alone. A grant without a
    forum (global) or a default permission set in the settings makes every forum a candidate: machina then
    checks them all, as before.
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    candidates = {forum_id for (forum_id,) in _moderation_candidates(user=user)}
    defaults = machina_settings.DEFAULT_AUTHENTICATED_USER_FORUM_PERMISSIONS
    if None in candidates or MODERATION_QUEUE_PERMISSION in defaults:
        return (handler or PermissionHandler()).can_access_moderation_queue(user)
    if not candidates:
        return False
    forums = list(Forum.objects.filter(pk__in=candidates))
    granted = ForumPermissionChecker(user).get_perms_for_forumlist(forums, [MODERATION_QUEUE_PERMISSION])
    return any(MODERATION_QUEUE_PERMISSION in codenames for codenames in granted.values())


def user_can_read_forum(*, user, forum: Forum, handler: PermissionHandler | None = None) -> bool:
    return (handler or PermissionHandler()).can_read_forum(forum, user)


def forum_is_followed(*, user, forum: Forum) -> bool:
    return user.is_authenticated and ForumSubscription.objects.filter(user=user, forum=forum).exists()


def forum_list_followed(*, user, handler: PermissionHandler | None = None):
    """The forums the user follows and may still read (one they lost access to is not named)."""
    followed = Forum.objects.filter(pk__in=ForumSubscription.objects.filter(user=user).values("forum"))
    return (handler or PermissionHandler()).get_readable_forums(followed, user).order_by("name")


def topic_list_followed(*, user, handler: PermissionHandler | None = None):
    """The topics the user follows in the forums they may still read, for machina's "followed topics" page."""
    readable = (handler or PermissionHandler()).get_readable_forums(Forum.objects.all(), user)
    return user.topic_subscriptions.filter(forum__in=readable).select_related(
        "forum", "poster", "last_post", "last_post__poster"
    )


def notification_frequency_of(*, user) -> str:
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference.frequency if preference else NotificationFrequency.IMMEDIATE


def post_subscriber_ids(*, post: Post) -> set[int]:
    """Who follows the post's topic or forum, the author excepted."""
    topic_followers = set(post.topic.subscribers.values_list("pk", flat=True))
    forum_followers = set(ForumSubscription.objects.filter(forum=post.topic.forum_id).values_list("user_id", flat=True))
    return (topic_followers | forum_followers) - {post.poster_id}


def unsubscribe_token_make(*, user_id: int, target: str, target_id: int) -> str:
    """A signed token that lets its holder stop one subscription of one user, without logging in."""
    return TimestampSigner(salt=UNSUBSCRIBE_SALT).sign_object({"u": user_id, "k": target, "i": target_id})


def unsubscribe_token_read(*, token: str, max_age_days: int = 365) -> dict:
    """The subscription a token names; Http404 for a forged or too old one."""
    try:
        data = TimestampSigner(salt=UNSUBSCRIBE_SALT).unsign_object(token, max_age=max_age_days * 86400)
    except (BadSignature, SignatureExpired):
        raise Http404 from None
    if data.get("k") not in ("topic", "forum") or not isinstance(data.get("i"), int):
        raise Http404
    return data


def unsubscribe_target(*, data: dict):
    """The topic or forum a token names; Http404 if it no longer exists."""
    model = Topic if data["k"] == "topic" else Forum
    target = model.objects.filter(pk=data["i"]).first()
    if target is None:
        raise Http404
    return target


def forum_url(forum: Forum) -> str:
    return reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})


def topic_url(topic: Topic) -> str:
    """machina's models have no get_absolute_url: its topic address names the forum too."""
    return reverse(
        "forum_conversation:topic",
        kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id, "slug": topic.slug, "pk": topic.pk},
    )


def post_url(post: Post) -> str:
    """The topic page that shows the post, scrolled to it."""
    return f"{topic_url(post.topic)}?post={post.pk}#{post.pk}"


def post_get_for_reader(*, user, pk: int, handler: PermissionHandler | None = None) -> Post:
    """An approved post of a forum the user may read; Http404 for a missing and a forbidden one alike."""
    post = Post.objects.select_related("topic__forum", "poster").filter(pk=pk, approved=True).first()
    if post is None or not (handler or PermissionHandler()).can_read_forum(post.topic.forum, user):
        raise Http404
    return post


def post_get_for_history(*, user, pk: int, handler: PermissionHandler | None = None) -> Post:
    """A post whose earlier versions the user may read: their own, or one they may edit (a moderator's); Http404
    otherwise. Readers see the current version only, so that what a moderator removed stays removed."""
    handler = handler or PermissionHandler()
    post = post_get_for_reader(user=user, pk=pk, handler=handler)
    if not (_is_poster(user=user, post=post) or handler.can_edit_post(post, user)):
        raise Http404
    return post


def post_ids_with_history(*, user, posts, editable_post_ids: set[int]) -> set[int]:
    """The posts of a topic page whose earlier versions the user may read (see `post_get_for_history`)."""
    return {post.pk for post in posts if post.pk in editable_post_ids or _is_poster(user=user, post=post)}


def _is_poster(*, user, post: Post) -> bool:
    return user.is_authenticated and post.poster_id == user.pk


def topic_get_for_page(*, pk: int, user) -> Topic:
    """The topic of a topic page with its forum, the forum's parent (the breadcrumb) and its poll, and whether the
    reader follows it and has read it since its last post; Http404 if it does not exist.

    machina's follow and unfollow buttons ask `topic.has_subscriber(user)`, which loads every follower once into
    `topic._subscribers`; the reader alone is what it needs, so that list is set from the reader's marks.
    `reader_read_since_last_post` spares the read tracking a query (`topic_read_since_last_post`).
    """
    try:
        # `get`, not `first`: ordering the joined query by its key costs more than building the rest of it.
        topic = Topic.objects.select_related("forum__parent", "poll").get(pk=pk)
    except Topic.DoesNotExist:
        raise Http404 from None
    if user.is_authenticated:
        ((follows, read_since_last_post),) = _topic_reader_marks(user=user, topic=topic)
        topic._subscribers = [user] if follows else []
        topic.reader_read_since_last_post = bool(read_since_last_post)
    return topic


def topic_read_since_last_post(*, user, topic: Topic) -> bool:
    """Whether the user has read the topic, or its whole forum, since its last post: the answer loaded with the
    topic by `topic_get_for_page`, or one compiled query for a topic loaded otherwise."""
    if hasattr(topic, "reader_read_since_last_post"):
        return topic.reader_read_since_last_post
    ((_follows, read_since_last_post),) = _topic_reader_marks(user=user, topic=topic)
    return bool(read_since_last_post)


@UserRows
def _topic_reader_marks(*, user, topic):
    """Whether the user follows the topic, and has read it (or its whole forum) since its last post."""
    last_post_on = OuterRef("last_post_on")
    return (
        Topic.objects.filter(pk=topic.pk)
        .annotate(
            follows=Exists(Topic.subscribers.through.objects.filter(topic=OuterRef("pk"), user=user.pk)),
            read_since_last_post=Exists(
                TopicReadTrack.objects.filter(topic=OuterRef("pk"), user=user.pk, mark_time__gte=last_post_on)
            )
            | Exists(
                ForumReadTrack.objects.filter(forum=OuterRef("forum_id"), user=user.pk, mark_time__gte=last_post_on)
            ),
        )
        .values_list("follows", "read_since_last_post")
    )


def post_ids_editable(*, user, posts, handler: PermissionHandler | None = None) -> set[int]:
    """The posts of a topic page that the user may edit, by machina's rule, asked here once per post rather than
    through a template tag."""
    handler = handler or PermissionHandler()
    return {post.pk for post in posts if handler.can_edit_post(post, user)}


def post_ids_deletable(*, user, posts, handler: PermissionHandler | None = None) -> set[int]:
    """The posts of a topic page that the user may delete, by machina's rule."""
    handler = handler or PermissionHandler()
    return {post.pk for post in posts if handler.can_delete_post(post, user)}


def topic_posts_version(*, topic: Topic, posts, rights: dict) -> str:
    """A fingerprint of all that a topic page's posts show its reader, under which their rendering is cached.

    It is read from what the page has loaded anyway and one narrow query of the posts' attachments: each post's
    identity, last save (machina stamps `updated` at every edit and approval), poster's name (a rename does not touch
    the post) and attachments (one added outside machina's forms leaves the post as it was); the topic's and
    forum's addresses; the reader's rights on these posts; the time zone of the dates.
    """
    attachments = {}
    for post_id, *attachment in Attachment.objects.filter(post__in=[post.pk for post in posts]).values_list(
        "post_id", "pk", "file", "comment"
    ):
        attachments.setdefault(post_id, []).append(attachment)
    parts = [topic.pk, topic.slug, topic.first_post_id, topic.forum_id, topic.forum.slug, get_current_timezone_name()]
    parts += [sorted(value) if isinstance(value, set) else value for _, value in sorted(rights.items())]
    for post in posts:
        poster = get_forum_member_display_name(post.poster) if post.poster_id else post.username
        parts.append((post.pk, post.updated.isoformat(), post.poster_id, poster, sorted(attachments.get(post.pk, []))))
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def posts_with_attachments(*, posts) -> list[Post]:
    """The posts with their attachments, loaded in one query: what the topic page needs only when it renders its
    posts afresh, which is why the view hands the template this function rather than its answer."""
    posts = list(posts)
    prefetch_related_objects(posts, "attachments")
    return posts


def user_can_manage_shared_forums(*, user) -> bool:
    """Platform superusers and the départements' editors and admins (the shared forums' moderators)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return _shared_forum_moderations(user=user) > 0


@UserCount
def _shared_forum_moderations(*, user):
    return Membership.objects.filter(
        user_id=user.pk, organisation__kind=OrganisationKind.DEPARTEMENT, role__in=MODERATOR_ROLES
    )


def shared_forum_audience_list():
    """Every shared forum with its audience, for the management page, in two queries."""
    return (
        ForumAudience.objects.filter(organisation__isnull=True)
        .select_related("forum", "forum__parent")
        .prefetch_related("organisations")
        .order_by("forum__tree_id", "forum__lft")
    )


def shared_forum_audience_get(*, user, pk: int) -> ForumAudience:
    """A shared forum's audience for someone who may manage shared forums; Http404 otherwise."""
    audience = ForumAudience.objects.filter(pk=pk, organisation__isnull=True).select_related("forum").first()
    if audience is None or not user_can_manage_shared_forums(user=user):
        raise Http404
    return audience
