from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from haystack import indexes

from extranet.search.audiences import PUBLIC
from extranet.search.indexes import PageSearchDocument

from .pages import JobOfferPage


class JobOfferPageIndex(PageSearchDocument, indexes.Indexable):
    """Live public offers still open; an offer leaves the results once its application deadline has passed."""

    search_kind = "job"
    search_kind_label = _("Job offer")

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

    def prepare_organisation(self, obj):
        return obj.organisation.slug

    def expiry_of(self, obj):
        return timezone.make_aware(datetime.combine(obj.application_deadline, time.max))

    def prepare_visibility(self, obj):
        return [PUBLIC]
