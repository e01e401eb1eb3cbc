"""Filters of the public lists of acts (django-filter): organisation, year, matter, kind and words of the object."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import ActKind, ActPage
from .nomenclature import matter_level_one_names, matters


def matter_filter_choices():
    """One group per level-1 matter: the whole matter first ("7"), then each of its level-2 matters ("7.5")."""
    groups = {}
    for matter in matters().values():
        groups.setdefault(matter.level_one, []).append((matter.code, f"{matter.code} — {matter.sub_matter}"))
    return [
        (
            f"{level_one} — {name}",
            [(level_one, _("%(code)s — all of %(name)s") % {"code": level_one, "name": name}), *groups[level_one]],
        )
        for level_one, name in matter_level_one_names().items()
    ]


class ActFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Words of the object or number"), method="filter_text")
    organisation = django_filters.ChoiceFilter(
        label=_("Organisation"), field_name="organisation__slug", empty_label=_("All organisations")
    )
    year = django_filters.ChoiceFilter(
        label=_("Year of adoption"), field_name="adoption_date", lookup_expr="year", empty_label=_("All years")
    )
    matter = django_filters.ChoiceFilter(
        label=_("Matter"), method="filter_matter", choices=matter_filter_choices, empty_label=_("All matters")
    )
    kind = django_filters.ChoiceFilter(label=_("Kind of act"), choices=ActKind.choices, empty_label=_("All kinds"))

    class Meta:
        model = ActPage
        fields = []

    def __init__(self, data=None, queryset=None, *, years, organisations=None, **kwargs):
        """`years` and `organisations` are the choices worth offering; no `organisations` hides that filter."""
        super().__init__(data, queryset, **kwargs)
        self.filters["year"].extra["choices"] = [(year, str(year)) for year in years]
        if organisations is None:
            del self.filters["organisation"]
        else:
            self.filters["organisation"].extra["choices"] = organisations

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(internal_id__icontains=value))

    def filter_matter(self, queryset, name, value):
        if "." in value:
            return queryset.filter(matter_code=value)
        return queryset.filter(matter_code__startswith=f"{value}.")
