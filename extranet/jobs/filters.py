"""The job listing's filters: a GET form (django-filter) that works without JavaScript."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .choices import Category, ContractType, JobFamily, WorkingTime
from .pages import JobOfferPage

ANY = pgettext_lazy("job filter", "Any")


class JobOfferFilter(django_filters.FilterSet):
    """Filters by employer (on the index only), category, job family, contract type and working time."""

    organisation = django_filters.ChoiceFilter(field_name="organisation__slug", label=_("Employer"), empty_label=ANY)
    categorie = django_filters.ChoiceFilter(
        field_name="category", label=_("Category"), choices=Category.choices, empty_label=ANY
    )
    famille = django_filters.ChoiceFilter(
        field_name="job_family", label=_("Job family"), choices=JobFamily.choices, empty_label=ANY
    )
    contrat = django_filters.ChoiceFilter(
        field_name="contract_type",
        label=_("Contract type"),
        choices=ContractType.choices,
        empty_label=ANY,
    )
    temps = django_filters.ChoiceFilter(
        field_name="working_time",
        label=_("Working time"),
        choices=WorkingTime.choices,
        empty_label=ANY,
    )

    class Meta:
        model = JobOfferPage
        fields = []

    def __init__(self, *args, organisations=None, **kwargs):
        """`organisations` are the (slug, name) pairs to offer; None leaves the employer filter out (a section)."""
        super().__init__(*args, **kwargs)
        if organisations is None:
            del self.filters["organisation"]
        else:
            self.filters["organisation"].extra["choices"] = organisations
