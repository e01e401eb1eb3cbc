from django.db.models import BooleanField, ExpressionWrapper
from django.utils.translation import gettext_lazy as _
from haystack import indexes

from extranet.search.audiences import PUBLIC, organisation_audience
from extranet.search.indexes import SearchDocument

from .models import Document
from .selectors import document_public_q, visible_organisation_ids


class DocumentIndex(SearchDocument, indexes.Indexable):
    """Library documents, found by the words inside their current version, by whoever may read them."""

    search_kind = "document"
    search_kind_label = _("Document")

    text = indexes.CharField(document=True)

    def get_model(self):
        return Document

    def index_queryset(self, using=None):
        return (
            Document.objects.filter(deleted_at=None, current_version__isnull=False)
            .select_related("organisation", "folder", "current_version")
            .defer("current_version__thumbnail")
            .annotate(visible_to_public=ExpressionWrapper(document_public_q(), output_field=BooleanField()))
        )

    def prepare_text(self, obj):
        version = obj.current_version
        # The uploaded name is most often the title itself: the snippet would start with it twice.
        names = [obj.title] if version.original_name == obj.title else [obj.title, version.original_name]
        return "\n".join([*names, version.comment, version.text])

    def prepare_title(self, obj):
        return obj.title

    def prepare_organisation(self, obj):
        return obj.organisation.slug

    def prepare_date(self, obj):
        return obj.updated_at

    def prepare_visibility(self, obj):
        # One query per document remains: the shares of the document and of its ancestor folders.
        public, organisation_ids = visible_organisation_ids(
            document=obj, public=getattr(obj, "visible_to_public", None)
        )
        return [PUBLIC] * public + [organisation_audience(pk) for pk in organisation_ids]
