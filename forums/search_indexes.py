"""Forum posts in the unified search, each with the audience of its forum.

machina's own `PostIndex` is excluded (HAYSTACK_EXCLUDED_INDEXES): this one keeps its fields, so machina's
forum search still works, and adds the unified search's (`SearchDocument`).
"""

from django.utils.translation import gettext_lazy as _
from haystack import indexes
from machina.apps.forum_conversation.models import Post

from extranet.search.audiences import MEMBERS, PUBLIC, organisation_audience, organisation_kind_audience
from extranet.search.indexes import SearchDocument

from .selectors import forum_audience_of, post_url


class ForumPostIndex(SearchDocument, indexes.Indexable):
    search_kind = "forum_post"
    search_kind_label = _("Forum post")

    poster = indexes.IntegerField(model_attr="poster_id", null=True)
    poster_name = indexes.CharField()
    forum = indexes.IntegerField(model_attr="topic__forum_id")
    forum_slug = indexes.CharField()
    forum_name = indexes.CharField()
    topic = indexes.IntegerField(model_attr="topic_id")
    topic_slug = indexes.CharField()
    topic_subject = indexes.CharField()
    created = indexes.DateTimeField(model_attr="created")
    updated = indexes.DateTimeField(model_attr="updated")

    def get_model(self):
        return Post

    def index_queryset(self, using=None):
        """Approved posts, with everything the fields read in one query (machina's did three more per post)."""
        return (
            Post.objects.filter(approved=True)
            .select_related("poster", "topic__forum__audience__organisation")
            .prefetch_related("topic__forum__audience__organisations")
        )

    def read_queryset(self, using=None):
        return Post.objects.filter(approved=True).select_related("topic", "poster")

    def prepare_title(self, obj) -> str:
        return obj.subject or obj.topic.subject

    def prepare_date(self, obj):
        return obj.created

    def prepare_organisation(self, obj) -> str:
        audience = forum_audience_of(obj.topic.forum)
        return audience.organisation.slug if audience is not None and audience.organisation_id else ""

    def prepare_visibility(self, obj) -> list[str]:
        return post_visibility(obj)

    def prepare_poster_name(self, obj) -> str:
        return obj.poster.get_full_name() if obj.poster_id else obj.username or ""

    def prepare_forum_slug(self, obj) -> str:
        return obj.topic.forum.slug

    def prepare_forum_name(self, obj) -> str:
        return obj.topic.forum.name

    def prepare_topic_slug(self, obj) -> str:
        return obj.topic.slug

    def prepare_topic_subject(self, obj) -> str:
        return obj.topic.subject

    def prepare_url(self, obj) -> str:
        return post_url(obj)


def post_visibility(post) -> list[str]:
    """The audience tokens of a post: those of its forum; none for a forum without an audience."""
    audience = forum_audience_of(post.topic.forum)
    if audience is None:
        return []
    if audience.is_public:
        return [PUBLIC]
    if not audience.is_shared:
        return [organisation_audience(audience.organisation_id)]
    if audience.open_to_all_organisations:
        return [MEMBERS]
    return [organisation_audience(organisation.pk) for organisation in audience.organisations.all()] + [
        organisation_kind_audience(kind) for kind in audience.organisation_kinds
    ]
