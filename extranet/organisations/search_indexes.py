from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from haystack import indexes
from wagtail.models import Page

from extranet.search.audiences import PUBLIC, organisation_audience
from extranet.search.indexes import PageSearchDocument, SearchDocument

from .models import Organisation
from .pages import OrganisationSpacePage, SpaceArticlePage


def _space_field(field: str) -> Subquery:
    """A field of the article's space (its parent page), read in the same query as the article."""
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    return Subquery(OrganisationSpacePage.objects.filter(path=parent_path).values(field)[:1])


class OrganisationIndex(SearchDocument, indexes.Indexable):
    """Organisations as the public directory shows them: public fields only (never the internal lines)."""

    search_kind = "organisation"
    search_kind_label = _("Organisation")

    def get_model(self):
        return Organisation

    def index_queryset(self, using=None):
        return self.get_model().objects.select_related("parent", "directory_profile")

    def prepare_title(self, obj):
        return obj.name

    def prepare_organisation(self, obj):
        return obj.slug

    def prepare_url(self, obj):
        return reverse("annuaire:organisation_detail", args=[obj.slug])

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
        return (
            self.get_model()
            .objects.live()
            .annotate(
                space_organisation_id=_space_field("organisation_id"),
                space_organisation_slug=_space_field("organisation__slug"),
            )
        )

    def _space_organisation(self, obj) -> tuple[int, str]:
        if hasattr(obj, "space_organisation_id"):
            return obj.space_organisation_id, obj.space_organisation_slug
        space = OrganisationSpacePage.objects.select_related("organisation").get(path=obj.path[: -Page.steplen])
        return space.organisation_id, space.organisation.slug

    def prepare_organisation(self, obj):
        return self._space_organisation(obj)[1]

    def prepare_visibility(self, obj):
        return [organisation_audience(self._space_organisation(obj)[0])]
