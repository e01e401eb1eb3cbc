"""Reads of the aid directory: live, public aids only.

The listing runs a fixed number of queries whatever the number of aids: one aggregate query per facet (its
counts take every other facet's selection into account, so each count is the number of results that choosing
that value alone in its facet would give), one count per status, then the page of results with its lists
prefetched.
"""

from dataclasses import dataclass, replace
from datetime import date

from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.utils import timezone

from extranet.public.feeds import FEED_SIZE

from .filters import (
    CHOICE_FACETS,
    CLOSED_PARAM,
    OPEN_PARAM,
    PROVIDER_LEGEND,
    PROVIDER_PARAM,
    AidFilters,
    ChoiceFacetSpec,
)


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    param: str
    legend: str
    options: list[FacetOption]


@dataclass(frozen=True)
class AidListing:
    results: QuerySet
    facets: list[Facet]
    open_count: int | None = None
    closed_count: int | None = None


def aid_list_public(*, section=None) -> QuerySet:
    """Every live aid visitors may see, or those of one provider's section."""
    from .pages import AidPage

    aids = AidPage.objects.live().public()
    return aids.child_of(section) if section is not None else aids


def open_on_q(day: date) -> Q:
    """Aids one can apply for on that day: opened (or no opening date) and not yet closed."""
    return (Q(start_date=None) | Q(start_date__lte=day)) & (
        Q(submission_deadline=None) | Q(submission_deadline__gte=day)
    )


def not_closed_q(day: date) -> Q:
    return Q(submission_deadline=None) | Q(submission_deadline__gte=day)


def aid_listing(
    *, aids: QuerySet, filters: AidFilters, with_providers: bool = False, with_facets: bool = True, today=None
) -> AidListing:
    """Filter `aids` as asked and, unless told otherwise, count the results of each facet value."""
    today = today or timezone.localdate()
    results = (
        _filtered(aids, filters, today)
        .select_related("organisation")
        .prefetch_related("targeted_audiences", "aid_types", "themes", "co_financers__organisation")
        .order_by(
            Case(When(submission_deadline__lt=today, then=Value(1)), default=Value(0)),
            F("submission_deadline").asc(nulls_last=True),
            "title",
        )
    )
    if not with_facets:
        return AidListing(results=results, facets=[])
    facets = [_choice_facet(aids, filters, today, spec) for spec in CHOICE_FACETS]
    if with_providers:
        facets.append(_provider_facet(aids, filters, today))
    return AidListing(
        results=results,
        facets=facets,
        open_count=_filtered(aids, filters, today, ignore=OPEN_PARAM).filter(open_on_q(today)).count(),
        closed_count=_filtered(aids, replace(filters, include_closed=True), today)
        .filter(submission_deadline__lt=today)
        .count(),
    )


def aid_feed_items(*, aids: QuerySet, today=None) -> QuerySet:
    """The latest aids still open to applications, newest first."""
    today = today or timezone.localdate()
    return (
        aids.filter(not_closed_q(today))
        .select_related("organisation")
        .prefetch_related("themes")
        .order_by("-first_published_at")[:FEED_SIZE]
    )


def _link_table(model, field_name: str):
    """The link table of a many-to-many field, with the names of its aid and code columns."""
    field = model._meta.get_field(field_name)
    return field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()


def _filtered(aids: QuerySet, filters: AidFilters, today: date, *, ignore: str | None = None) -> QuerySet:
    """Apply every filter but the `ignore`d one (a facet counts its values as if none of them was chosen)."""
    if not filters.include_closed and ignore != CLOSED_PARAM:
        aids = aids.filter(not_closed_q(today))
    if filters.open_today and ignore != OPEN_PARAM:
        aids = aids.filter(open_on_q(today))
    for spec in CHOICE_FACETS:
        codes = filters.selected(spec.param)
        if codes and ignore != spec.param:
            through, aid_column, code_column = _link_table(aids.model, spec.field_name)
            aids = aids.filter(pk__in=through.objects.filter(**{f"{code_column}__in": codes}).values(aid_column))
    if filters.providers and ignore != PROVIDER_PARAM:
        aids = aids.filter(organisation__slug__in=filters.providers)
    return aids


def _choice_facet(aids: QuerySet, filters: AidFilters, today: date, spec: ChoiceFacetSpec) -> Facet:
    """One GROUP BY over the link table gives the count of every value of the facet."""
    through, aid_column, code_column = _link_table(aids.model, spec.field_name)
    matching = _filtered(aids, filters, today, ignore=spec.param)
    counts = dict(
        through.objects.filter(**{f"{aid_column}__in": matching.values("pk")})
        .values_list(code_column)
        .annotate(count=Count(aid_column))
        .order_by()
    )
    selected = filters.selected(spec.param)
    options = [
        FacetOption(value=code, label=label, count=counts.get(code, 0), selected=code in selected)
        for code, label in spec.choices.choices
        if counts.get(code) or code in selected
    ]
    return Facet(param=spec.param, legend=spec.legend, options=options)


def _provider_facet(aids: QuerySet, filters: AidFilters, today: date) -> Facet:
    """One GROUP BY over every provider, so that a chosen provider without results can still be unchosen."""
    matching = _filtered(aids, filters, today, ignore=PROVIDER_PARAM)
    rows = (
        aids.values_list("organisation__slug", "organisation__name")
        .annotate(count=Count("pk", filter=Q(pk__in=matching.values("pk"))))
        .order_by("organisation__name")
    )
    options = [
        FacetOption(value=slug, label=name, count=count, selected=slug in filters.providers)
        for slug, name, count in rows
        if count or slug in filters.providers
    ]
    return Facet(param=PROVIDER_PARAM, legend=PROVIDER_LEGEND, options=options)
