from django.utils.translation import gettext_lazy as _
from haystack import indexes

from extranet.search.audiences import organisation_audience, user_audience
from extranet.search.indexes import SearchDocument

from .models import LISTED_KINDS, ConversationKind, Message


class MessageIndex(SearchDocument, indexes.Indexable):
    """Messages, found by their text, by the members of their conversation only."""

    search_kind = "message"
    search_kind_label = _("Message")

    text = indexes.CharField(document=True)

    def get_model(self):
        return Message

    def index_queryset(self, using=None):
        return (
            Message.objects.filter(deleted_at=None)
            .select_related("author", "conversation__organisation")
            .prefetch_related("conversation__participants", "conversation__organisations")
        )

    def prepare_text(self, obj):
        return "\n".join([obj.body, obj.author.full_name])

    def prepare_title(self, obj):
        conversation = obj.conversation
        where = conversation.title or (conversation.organisation.name if conversation.organisation_id else "")
        return f"{obj.author.full_name} — {where}" if where else obj.author.full_name

    def prepare_organisation(self, obj):
        organisation = obj.conversation.organisation
        return organisation.slug if organisation else ""

    def prepare_date(self, obj):
        return obj.created_at

    def prepare_visibility(self, obj):
        """The participants of a direct or group conversation, the members of a room's organisation(s)."""
        conversation = obj.conversation
        if conversation.kind in LISTED_KINDS:
            return [user_audience(p.user_id) for p in conversation.participants.all() if p.listed]
        if conversation.kind == ConversationKind.ORGANISATION:
            return [organisation_audience(conversation.organisation_id)]
        return [organisation_audience(organisation.pk) for organisation in conversation.organisations.all()]
