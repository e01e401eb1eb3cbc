"""The five busiest member pages run the same SQL queries and cache operations with ten times the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.performance.world import world_create, world_grow

pytestmark = pytest.mark.django_db


def query_counts(client, urls: dict, cache_operations=None) -> dict:
    """Each page's number of queries (and of cache operations, if counted), on its second request.

    The first request fills the caches.
    """
    counts = {}
    for name, url in urls.items():
        assert client.get(url).status_code == 200, name
        if cache_operations is not None:
            cache_operations.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(captured) if cache_operations is None else (len(captured), len(cache_operations))
    return counts


def test_pages_run_the_same_queries_with_ten_times_the_data(client, commune, search_index, cache_operations, settings):
    """The five pages run as many SQL queries and cache operations at 10× as at 1×.

    The pages are the dashboard, the forum topic, the agenda month, the document folder and the search results.
    machina's permission answers are kept, as production keeps them in Redis.
    """
    settings.FORUM_PERMISSIONS_CACHE_SECONDS = 600
    world = world_grow(world_create(organisation=commune), units=1)
    client.force_login(world.member)
    once = query_counts(client, world.urls, cache_operations)
    page = client.get(world.urls["search results"]).content.decode()
    assert "Travaux de voirie 0.1" in page

    world_grow(world, units=9)
    tenfold = query_counts(client, world.urls, cache_operations)

    assert tenfold == once
    assert all(operations > 0 for _queries, operations in once.values())
    assert "voirie-9.pdf" in client.get(world.urls["document folder"]).content.decode()
    assert client.get(world.urls["forum topic"]).content.decode().count("Réponse 6 :") == 2
