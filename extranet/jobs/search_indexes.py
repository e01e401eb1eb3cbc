from django.utils import timezone
from haystack import indexes

from .pages import JobOfferPage


class JobOfferPageIndex(indexes.SearchIndex, indexes.Indexable):
    """Live public offers still open: an expired offer leaves the index at the next `update_index --remove`,
    and search results never load one meanwhile (read_queryset)."""

    text = indexes.CharField(document=True, use_template=True)
    title = indexes.CharField(model_attr="title")
    organisation = indexes.CharField(model_attr="organisation__slug", faceted=True)
    published = indexes.DateTimeField(model_attr="first_published_at")
    application_deadline = indexes.DateField(model_attr="application_deadline")
    visibility = indexes.MultiValueField(indexed=True, stored=True)

    def get_model(self):
        return JobOfferPage

    def index_queryset(self, using=None):
        return (
            self.get_model()
            .objects.live()
            .public()
            .filter(application_deadline__gte=timezone.localdate())
            .select_related("organisation")
        )

    def read_queryset(self, using=None):
        return self.index_queryset(using=using)

    def prepare_visibility(self, obj):
        return ["public"]
