from django.utils import timezone
from haystack import indexes

from .models import Ad, AdStatus


class AdIndex(indexes.SearchIndex, indexes.Indexable):
    """Published ads before their expiry date, as the public list shows them: visible to everyone."""

    text = indexes.CharField(document=True, use_template=True)
    title = indexes.CharField(model_attr="title")
    organisation = indexes.CharField(model_attr="organisation__slug", faceted=True)
    kind = indexes.CharField(model_attr="kind", faceted=True)
    category = indexes.CharField(model_attr="category", faceted=True)
    published = indexes.DateTimeField(model_attr="published_at")
    visibility = indexes.MultiValueField(indexed=True, stored=True)

    def get_model(self):
        return Ad

    def index_queryset(self, using=None):
        return (
            self.get_model()
            .objects.filter(status=AdStatus.PUBLISHED, expires_at__gt=timezone.now())
            .select_related("organisation")
        )

    def prepare_visibility(self, obj):
        return ["public"]
