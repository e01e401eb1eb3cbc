from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from haystack import indexes

from extranet.search.audiences import PUBLIC
from extranet.search.indexes import PageSearchDocument

from .models import ActPage


class ActPageIndex(PageSearchDocument, indexes.Indexable):
    """Live, unrestricted acts, as the public pages show them, dated by their adoption."""

    search_kind = "act"
    search_kind_label = _("Act")

    def get_model(self):
        return ActPage

    def index_queryset(self, using=None):
        return self.get_model().objects.live().public().select_related("organisation")

    def prepare_organisation(self, obj):
        return obj.organisation.slug

    def prepare_date(self, obj):
        return timezone.make_aware(datetime.combine(obj.adoption_date, time(12)))

    def prepare_visibility(self, obj):
        return [PUBLIC]
