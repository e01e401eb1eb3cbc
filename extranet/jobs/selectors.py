"""Reads of the job board: live, public offers; the listings and feeds show only those still open."""

from django.db.models import QuerySet
from django.utils import timezone

from extranet.public.feeds import FEED_SIZE


def job_offer_list_public(*, section=None) -> QuerySet:
    """Every live offer visitors may see (expired ones included), or those of one organisation's section."""
    from .pages import JobOfferPage

    offers = JobOfferPage.objects.live().public()
    return offers.child_of(section) if section is not None else offers


def job_offer_list_open(*, offers: QuerySet, today=None) -> QuerySet:
    """The offers whose application deadline has not passed, newest first, ready for a listing."""
    today = today or timezone.localdate()
    return (
        offers.filter(application_deadline__gte=today)
        .select_related("organisation")
        .order_by("-first_published_at", "title")
    )


def job_offer_feed_items(*, offers: QuerySet) -> QuerySet:
    return job_offer_list_open(offers=offers)[:FEED_SIZE]
