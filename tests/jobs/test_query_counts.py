"""The job board's pages run as many queries for 30 offers as for 5."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.jobs.factories import expired_offer, offer

pytestmark = pytest.mark.django_db


def add_offers(count, organisations):
    for number in range(count):
        organisation = organisations[number % len(organisations)]
        if number % 6 == 0:
            expired_offer(organisation)
        else:
            offer(organisation, category="C" if number % 2 else "B")


def queries(client, url, query=None):
    """The number of queries of a second visit (the first one fills Wagtail's site caches)."""
    b"".join(client.get(url, query))
    with CaptureQueriesContext(connection) as captured:
        b"".join(client.get(url, query))
    return len(captured)


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/emplois/", None),
        ("/emplois/", {"categorie": "C", "organisation": "montargis", "temps": "complet"}),
        ("/emplois/montargis/", None),
        ("/emplois/montargis/", {"categorie": "C"}),
        ("/emplois/flux/", None),
        ("/emplois/montargis/flux/", None),
    ],
)
def test_queries_do_not_grow_with_the_number_of_offers(client, departement, montargis, url, query):
    """Going from 5 to 30 offers adds no query."""
    add_offers(5, [departement, montargis])
    few = queries(client, url, query)

    add_offers(25, [departement, montargis])

    assert queries(client, url, query) == few
