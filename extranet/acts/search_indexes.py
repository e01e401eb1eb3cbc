from haystack import indexes

from .models import ActPage


class ActPageIndex(indexes.SearchIndex, indexes.Indexable):
    """Live, unrestricted acts, as the public pages show them."""

    text = indexes.CharField(document=True, use_template=True)
    title = indexes.CharField(model_attr="title")
    organisation = indexes.CharField(model_attr="organisation__slug", faceted=True)
    published = indexes.DateTimeField(model_attr="first_published_at")
    visibility = indexes.MultiValueField(indexed=True, stored=True)

    def get_model(self):
        return ActPage

    def index_queryset(self, using=None):
        return self.get_model().objects.live().public().select_related("organisation")

    def prepare_visibility(self, obj):
        return ["public"]
