from django.utils.translation import gettext_lazy as _
from haystack import indexes

from extranet.search.audiences import MEMBERS, PUBLIC, organisation_audience
from extranet.search.indexes import SearchDocument

from .models import CalendarKind, EventDetails


class EventIndex(SearchDocument, indexes.Indexable):
    """Agenda events, found by their title, description and place, by whoever may read their calendar."""

    search_kind = "event"
    search_kind_label = _("Event")
    # Training sessions are agenda events with a kind of their own in results and facets.
    training_kind = "training"

    text = indexes.CharField(document=True)

    def get_model(self):
        return EventDetails

    def index_queryset(self, using=None):
        return EventDetails.objects.select_related(
            "event", "event__calendar__agenda", "event__training", "organisation"
        )

    def prepare_text(self, obj):
        event = obj.event
        # A training session is found by the word "formation" too (the index is built in French).
        kind = [str(_("Training session")), event.training.prerequisites] if hasattr(event, "training") else []
        return "\n".join([event.title, event.description, obj.place, obj.organisation.name, *kind])

    def prepare_kind(self, obj):
        return self.training_kind if hasattr(obj.event, "training") else self.search_kind

    def kind_labels(self):
        return {**super().kind_labels(), self.training_kind: _("Training session")}

    def prepare_title(self, obj):
        return obj.event.title

    def prepare_organisation(self, obj):
        return obj.organisation.slug

    def prepare_date(self, obj):
        return obj.event.start

    def prepare_visibility(self, obj):
        """A private calendar's members, every member for a shared calendar, everyone for the public one."""
        calendar = obj.event.calendar.agenda
        if calendar.kind == CalendarKind.PUBLIC:
            return [PUBLIC]
        if calendar.kind == CalendarKind.SHARED:
            return [MEMBERS]
        return [organisation_audience(calendar.organisation_id)]
