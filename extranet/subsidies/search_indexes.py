from django.utils.translation import gettext_lazy as _
from haystack import indexes

from extranet.search.audiences import organisation_audience
from extranet.search.indexes import SearchDocument

from .models import Application, Status


class ApplicationIndex(SearchDocument, indexes.Indexable):
    """Subsidy applications, for the applicant organisation and, once submitted, the aid's provider."""

    search_kind = "subsidy_application"
    search_kind_label = _("Subsidy application")

    text = indexes.CharField(document=True)

    def get_model(self):
        return Application

    def index_queryset(self, using=None):
        return Application.objects.select_related("aid", "organisation")

    def prepare_text(self, obj):
        return "\n".join([obj.title, obj.description, obj.aid.title, obj.organisation.name, obj.receipt_number or ""])

    def prepare_title(self, obj):
        return obj.title

    def prepare_organisation(self, obj):
        return obj.organisation.slug

    def prepare_date(self, obj):
        return obj.submitted_at or obj.created_at

    def prepare_visibility(self, obj):
        """A draft is its organisation's alone; the provider reads the application once it is submitted."""
        if obj.status == Status.DRAFT:
            return [organisation_audience(obj.organisation_id)]
        return [organisation_audience(obj.organisation_id), organisation_audience(obj.aid.organisation_id)]
