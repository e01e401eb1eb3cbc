from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from haystack import indexes

from extranet.search.audiences import PUBLIC
from extranet.search.indexes import SearchDocument

from .models import Ad, AdStatus


class AdIndex(SearchDocument, indexes.Indexable):
    """Published ads before their expiry date, as the public list shows them: visible to everyone."""

    search_kind = "ad"
    search_kind_label = _("Small ad")

    ad_kind = indexes.CharField(model_attr="kind", faceted=True)
    category = indexes.CharField(model_attr="category", faceted=True)

    def get_model(self):
        return Ad

    def index_queryset(self, using=None):
        return (
            self.get_model()
            .objects.filter(status=AdStatus.PUBLISHED, expires_at__gt=timezone.now())
            .select_related("organisation")
        )

    def prepare_title(self, obj):
        return obj.title

    def prepare_organisation(self, obj):
        return obj.organisation.slug

    def prepare_date(self, obj):
        return obj.published_at

    def expiry_of(self, obj):
        return obj.expires_at

    def prepare_visibility(self, obj):
        return [PUBLIC]
