from django.utils.translation import gettext_lazy as _
from haystack import indexes

from extranet.search.audiences import PUBLIC
from extranet.search.indexes import PageSearchDocument

from .pages import AidPage


class AidPageIndex(PageSearchDocument, indexes.Indexable):
    """Live public aids, closed ones included (they stay useful as references)."""

    search_kind = "aid"
    search_kind_label = _("Aid")

    def get_model(self):
        return AidPage

    def index_queryset(self, using=None):
        return (
            self.get_model()
            .objects.live()
            .public()
            .select_related("organisation")
            .prefetch_related("targeted_audiences", "aid_types", "themes")
        )

    def prepare_organisation(self, obj):
        return obj.organisation.slug

    def prepare_visibility(self, obj):
        return [PUBLIC]
