from django.utils.translation import gettext_lazy as _
from haystack import indexes

from extranet.search.audiences import PUBLIC, organisation_audience
from extranet.search.indexes import PageSearchDocument, SearchDocument

from .models import Organisation
from .pages import OrganisationSpacePage, SpaceArticlePage


class OrganisationIndex(SearchDocument, indexes.Indexable):
    """Organisations as the public directory shows them: public fields only, visible to everyone."""

    search_kind = "organisation"
    search_kind_label = _("Organisation")

    def get_model(self):
        return Organisation

    def index_queryset(self, using=None):
        return self.get_model().objects.select_related("parent")

    def prepare_title(self, obj):
        return obj.name

    def prepare_organisation(self, obj):
        return obj.slug

    def prepare_url(self, obj):
        return f"/#organisation-{obj.slug}"

    def prepare_visibility(self, obj):
        return [PUBLIC]


class OrganisationSpacePageIndex(PageSearchDocument, indexes.Indexable):
    """An organisation's private space home: its members only."""

    search_kind = "space"
    search_kind_label = _("Private space")

    def get_model(self):
        return OrganisationSpacePage

    def index_queryset(self, using=None):
        return self.get_model().objects.live().select_related("organisation")

    def prepare_organisation(self, obj):
        return obj.organisation.slug

    def prepare_visibility(self, obj):
        return [organisation_audience(obj.organisation_id)]


class SpaceArticlePageIndex(PageSearchDocument, indexes.Indexable):
    """A page of an organisation's private space: the members of the space's organisation only."""

    search_kind = "space"
    search_kind_label = _("Private space")

    def get_model(self):
        return SpaceArticlePage

    def index_queryset(self, using=None):
        return self.get_model().objects.live()

    def _space(self, obj):
        return OrganisationSpacePage.objects.select_related("organisation").get(
            path=obj.path[: -SpaceArticlePage.steplen]
        )

    def prepare_organisation(self, obj):
        return self._space(obj).organisation.slug

    def prepare_visibility(self, obj):
        return [organisation_audience(self._space(obj).organisation_id)]
