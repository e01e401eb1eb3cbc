"""The procurement listing's filters: a GET form (django-filter) that works without JavaScript."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .choices import Nature, Procedure
from .pages import ProcurementNoticePage
from .selectors import procurement_notice_open_q

ANY = pgettext_lazy("procurement filter", "Any")
OPEN, CLOSED = "ouvert", "cloture"
STATUSES = [(OPEN, _("Open")), (CLOSED, pgettext_lazy("procurement notice", "Closed"))]


class ProcurementNoticeFilter(django_filters.FilterSet):
    """Filters by buyer (on the index only), nature, procedure and status (open or closed, at read time)."""

    organisation = django_filters.ChoiceFilter(field_name="organisation__slug", label=_("Buyer"), empty_label=ANY)
    nature = django_filters.ChoiceFilter(
        field_name="nature", label=_("Nature"), choices=Nature.choices, empty_label=ANY
    )
    procedure = django_filters.ChoiceFilter(
        field_name="procedure", label=_("Procedure"), choices=Procedure.choices, empty_label=ANY
    )
    etat = django_filters.ChoiceFilter(label=_("Status"), choices=STATUSES, empty_label=ANY, method="filter_status")

    class Meta:
        model = ProcurementNoticePage
        fields = []

    def __init__(self, *args, organisations=None, **kwargs):
        """`organisations` are the (slug, name) pairs to offer; None leaves the buyer filter out (a section)."""
        super().__init__(*args, **kwargs)
        if organisations is None:
            del self.filters["organisation"]
        else:
            self.filters["organisation"].extra["choices"] = organisations

    def filter_status(self, queryset, name, value):
        is_open = procurement_notice_open_q(now=timezone.now())
        return queryset.filter(is_open) if value == OPEN else queryset.exclude(is_open)
