from haystack import indexes

from .models import Organisation


class OrganisationIndex(indexes.SearchIndex, indexes.Indexable):
    """Organisations as the public directory shows them: public fields only, visible to everyone."""

    text = indexes.CharField(document=True, use_template=True)
    name = indexes.CharField(model_attr="name")
    kind = indexes.CharField(model_attr="kind", faceted=True)
    visibility = indexes.MultiValueField(indexed=True, stored=True)

    def get_model(self):
        return Organisation

    def index_queryset(self, using=None):
        return self.get_model().objects.select_related("parent")

    def prepare_visibility(self, obj):
        return ["public"]
