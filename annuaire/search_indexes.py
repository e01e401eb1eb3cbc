from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from haystack import indexes

from extranet.search.audiences import MEMBERS, PUBLIC, organisation_audience, user_audience
from extranet.search.indexes import SearchDocument

from .models import PersonCard, Visibility
from .selectors import person_memberships_prefetch
from .visibility import (
    person_card_fields_for_audience,
    person_display_name,
    person_field_visibility,
    person_organisation_ids,
)


class PersonCardIndex(SearchDocument, indexes.Indexable):
    """A person's card, readable by the card's audience, carrying only the fields that whole audience may read.

    A field narrower than the card (a mobile shown to the own organisation on a public card) is left out of
    the document entirely, so no search result, snippet or highlight can reveal it.
    """

    search_kind = "person"
    search_kind_label = _("Person")

    text = indexes.CharField(document=True)

    def get_model(self):
        return PersonCard

    def index_queryset(self, using=None):
        return (
            self.get_model()
            .objects.filter(user__is_active=True, user__memberships__organisation=F("organisation"))
            .select_related("user", "organisation", "organisation__directory_profile", "service")
            .prefetch_related(person_memberships_prefetch())
        )

    def _audience(self, obj) -> Visibility:
        return person_field_visibility(obj, "card")

    def _fields(self, obj) -> dict:
        return person_card_fields_for_audience(card=obj, audience=self._audience(obj)) or {}

    def prepare_text(self, obj) -> str:
        fields = self._fields(obj)
        values = [fields.get(name, "") for name in ("name", "function", "service", "phone", "mobile", "email")]
        return "\n".join([*values, obj.organisation.name])

    def prepare_title(self, obj) -> str:
        return person_display_name(obj.user)

    def prepare_date(self, obj):
        return None

    def prepare_organisation(self, obj) -> str:
        return obj.organisation.slug

    def prepare_url(self, obj) -> str:
        return reverse("annuaire:person_detail", args=[obj.pk])

    def prepare_visibility(self, obj) -> list[str]:
        audience = self._audience(obj)
        # Own-organisation fields are for members of any of the person's organisations.
        tokens = [organisation_audience(pk) for pk in sorted(person_organisation_ids(obj))]
        tokens.append(user_audience(obj.user_id))
        if audience == Visibility.PUBLIC:
            tokens.append(PUBLIC)
        elif audience == Visibility.MEMBERS:
            tokens.append(MEMBERS)
        return tokens
