from haystack import indexes

from .pages import AidPage


class AidPageIndex(indexes.SearchIndex, indexes.Indexable):
    """Live public aids, closed ones included (they stay useful as references)."""

    text = indexes.CharField(document=True, use_template=True)
    title = indexes.CharField(model_attr="title")
    organisation = indexes.CharField(model_attr="organisation__slug", faceted=True)
    published = indexes.DateTimeField(model_attr="first_published_at")
    visibility = indexes.MultiValueField(indexed=True, stored=True)

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

    def prepare_visibility(self, obj):
        return ["public"]
