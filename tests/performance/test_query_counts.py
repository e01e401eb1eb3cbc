"""The five busiest member pages run the same SQL queries with ten times the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.performance.world import world_create, world_grow

pytestmark = pytest.mark.django_db


def query_counts(client, urls: dict) -> dict:
    """Each page's number of queries, measured on its second request (the first fills the caches)."""
    counts = {}
    for name, url in urls.items():
        assert client.get(url).status_code == 200, name
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(captured)
    return counts


def test_pages_run_the_same_queries_with_ten_times_the_data(client, commune, search_index):
    """Dashboard, forum topic, agenda month, document folder and search results: as many queries at 10× as at 1×."""
    world = world_grow(world_create(organisation=commune), units=1)
    client.force_login(world.member)
    once = query_counts(client, world.urls)
    page = client.get(world.urls["search results"]).content.decode()
    assert "Travaux de voirie 0.1" in page

    world_grow(world, units=9)
    tenfold = query_counts(client, world.urls)

    assert tenfold == once
    assert "voirie-9.pdf" in client.get(world.urls["document folder"]).content.decode()
    assert client.get(world.urls["forum topic"]).content.decode().count("Réponse 6 :") == 2
