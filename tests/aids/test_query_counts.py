"""The directory's pages run as many queries for 30 aids as for 5, with or without facets chosen."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.aids.factories import aid, days, provider

pytestmark = pytest.mark.django_db

FACETED = {
    "theme": ["numerique", "energie"],
    "beneficiaire": "commune",
    "type": "grant",
    "porteur": ["loiret", "loiret-numerique"],
    "ouvertes": "1",
    "cloturees": "1",
}


def add_aids(count, providers, cofinancer):
    for number in range(count):
        aid(
            providers[number % len(providers)],
            themes=["numerique", "energie"][: 1 + number % 2],
            targeted_audiences=["commune", "epci"],
            aid_types=["grant", "technical_engineering"],
            co_financers=[cofinancer],
            submission_deadline=days(-1) if number % 5 == 0 else days(30),
        )


def queries(client, url, query=None):
    """The number of queries of a second visit (the first one fills Wagtail's site caches)."""
    client.get(url, query)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, query)
    assert response.status_code == 200
    return len(captured), response.context["page_obj"].paginator.count


@pytest.mark.parametrize(
    ("url", "query"),
    [("/aides/", None), ("/aides/", FACETED), ("/aides/loiret/", None), ("/aides/loiret/", FACETED)],
)
def test_listing_queries_do_not_grow_with_the_number_of_aids(client, departement, syndicat, url, query):
    """Going from 5 to 30 aids adds no query to the listing, its facets and its prefetched lists."""
    cofinancer = provider(kind="epci", name="Orléans Métropole", slug="orleans-metropole")
    add_aids(5, [departement, syndicat], cofinancer)
    few, few_results = queries(client, url, query)

    add_aids(25, [departement, syndicat], cofinancer)
    many, many_results = queries(client, url, query)

    assert many_results > few_results > 0
    assert many == few


@pytest.mark.parametrize("url", ["/aides/flux/", "/aides/export.csv", "/aides/export.json"])
def test_feed_and_exports_queries_do_not_grow(client, departement, syndicat, url):
    """The feed and the exports too run a fixed number of queries."""
    cofinancer = provider(kind="epci", name="Orléans Métropole", slug="orleans-metropole")
    add_aids(5, [departement, syndicat], cofinancer)
    b"".join(client.get(url))
    with CaptureQueriesContext(connection) as few:
        b"".join(client.get(url))

    add_aids(25, [departement, syndicat], cofinancer)
    with CaptureQueriesContext(connection) as many:
        b"".join(client.get(url))

    assert len(many) == len(few)
