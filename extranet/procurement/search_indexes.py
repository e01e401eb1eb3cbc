from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from haystack import indexes

from extranet.search.audiences import PUBLIC
from extranet.search.indexes import PageSearchDocument

from .pages import ProcurementNoticePage
from .selectors import procurement_notice_open_q


class ProcurementNoticePageIndex(PageSearchDocument, indexes.Indexable):
    """Live public notices still open; a notice leaves the results once its deadline for offers has passed."""

    search_kind = "procurement"
    search_kind_label = _("Procurement notice")

    def get_model(self):
        return ProcurementNoticePage

    def index_queryset(self, using=None):
        return (
            self.get_model()
            .objects.live()
            .public()
            .filter(procurement_notice_open_q(now=timezone.now()))
            .select_related("organisation")
        )

    def read_queryset(self, using=None):
        return self.index_queryset(using=using)

    def prepare_organisation(self, obj):
        return obj.organisation.slug

    def expiry_of(self, obj):
        return obj.offers_deadline

    def prepare_visibility(self, obj):
        return [PUBLIC]
