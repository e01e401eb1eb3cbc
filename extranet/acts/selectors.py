"""Reads of the public acts: everything here is public, so there is nothing to hide but drafts and restrictions."""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils import timezone

from extranet.organisations.models import Organisation

from .models import ActIndexPage, ActPage, SessionPage
from .retention import published_since_cutoff


def act_index_get() -> ActIndexPage | None:
    return ActIndexPage.objects.first()


def act_list_public(*, section=None):
    """Live, unrestricted acts, newest first; one organisation's when `section` is given."""
    acts = ActPage.objects.live().public().select_related("organisation")
    if section is not None:
        acts = acts.child_of(section)
    return acts.order_by("-adoption_date", "-internal_id", "-pk")


def act_year_list(*, acts) -> list[int]:
    """The adoption years present in `acts`, most recent first."""
    return [moment.year for moment in acts.order_by().dates("adoption_date", "year", order="DESC")]


def act_organisation_choices() -> list[tuple[str, str]]:
    """(slug, name) of the organisations with at least one live act."""
    return list(Organisation.objects.filter(acts__live=True).distinct().order_by("name").values_list("slug", "name"))


def act_list_for_session(*, session):
    return act_list_public().filter(session=session).order_by("internal_id", "pk")


def session_list_public(*, section):
    return SessionPage.objects.child_of(section).live().public().order_by("-date")


def act_list_within(*, pages):
    """The acts among `pages` and their descendants."""
    if not pages:
        return ActPage.objects.none()
    return ActPage.objects.filter(reduce(or_, (Q(path__startswith=page.path) for page in pages)))


def act_list_still_protected(*, pages):
    """Live acts among `pages` and their descendants that went online less than two months ago."""
    cutoff = published_since_cutoff(timezone.now())
    return act_list_within(pages=pages).live().filter(first_published_at__gt=cutoff).order_by("first_published_at")
