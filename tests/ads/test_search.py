"""The search index holds the public ads only, and follows moderation and the author's actions."""

from datetime import timedelta

import pytest
from django.utils import timezone
from haystack import connections
from haystack.query import SearchQuerySet

from extranet.ads import services
from extranet.ads.models import Ad
from extranet.ads.search_indexes import AdIndex
from tests.ads.factories import ad, published_ad

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_index():
    backend = connections["default"].get_backend()
    backend.clear()
    yield
    backend.clear()


def found(query):
    return [int(result.pk) for result in SearchQuerySet().models(Ad).auto_query(query)]


def test_only_published_unexpired_ads_are_indexable(jargeau):
    """Pending, done and expired ads are left out of the index's queryset."""
    public = published_ad(jargeau)
    ad(jargeau)
    services.ad_mark_done(ad=published_ad(jargeau))
    expired = published_ad(jargeau)
    Ad.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    assert list(AdIndex().index_queryset()) == [public]


def test_an_approved_ad_becomes_searchable_and_leaves_when_done(jargeau, moderator, django_capture_on_commit_callbacks):
    """Approval indexes the ad (public visibility, organisation facet); marking it done removes it."""
    pending = ad(jargeau, title="Prêt d'une nacelle élévatrice", description="Révisée, avec panier de 200 kg.")
    assert found("nacelle") == []

    with django_capture_on_commit_callbacks(execute=True):
        services.ad_approve(ad=pending, moderator=moderator)

    [result] = SearchQuerySet().models(Ad).auto_query("nacelles elevatrices")
    assert (int(result.pk), result.organisation, result.visibility) == (pending.pk, "jargeau", ["public"])
    assert found("panier") == [pending.pk]

    with django_capture_on_commit_callbacks(execute=True):
        services.ad_mark_done(ad=pending)

    assert found("nacelle") == []
