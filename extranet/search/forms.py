"""The search form: what a visitor typed, checked before anything reaches the engine."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import FIRST_YEAR_SHOWN, SearchFilters, search_kind_labels

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, strip=True)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    organisation = forms.SlugField(label=_("Organisation"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=FIRST_YEAR_SHOWN, max_value=2100)
    sort = forms.ChoiceField(
        label=_("Sort by"), required=False, choices=[("relevance", _("relevance")), ("date", _("date, newest first"))]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All types")), *search_kind_labels().items()]
        self.truncated = False

    def clean_q(self) -> str:
        query = " ".join(self.cleaned_data["q"].split())
        if len(query) > MAX_QUERY_LENGTH:
            self.truncated = True
            query = query[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or query[:MAX_QUERY_LENGTH]
        return query

    def filters(self) -> SearchFilters:
        """The filters that passed validation; an invalid one is reported and ignored, not fatal."""
        data = {name: self.cleaned_data.get(name) for name in ("kind", "organisation", "year", "sort")}
        return SearchFilters(
            kind=data["kind"] or "",
            organisation=data["organisation"] or "",
            year=data["year"],
            sort=data["sort"] or "relevance",
        )
