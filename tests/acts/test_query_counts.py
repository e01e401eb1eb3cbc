"""The listings and the export run as many queries for 30 acts as for 5."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from extranet.acts.models import ActIndexPage
from tests.acts.factories import act, session

pytestmark = pytest.mark.django_db


def query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url_of", ["index", "section", "csv", "json", "feed", "session"])
def test_queries_do_not_grow_with_the_number_of_acts(client, section, url_of):
    """Adding 25 acts to the first 5 adds no query to the page, the feed or the export."""
    council = session(section)
    urls = {
        "index": ActIndexPage.objects.get().url,
        "section": section.url,
        "csv": section.url + "export.csv",
        "json": section.url + "export.json",
        "feed": section.url + "flux/",
        "session": council.url,
    }
    for _number in range(5):
        act(section, session=council)
    client.get(urls[url_of])  # Warm the caches (site root paths) that every later request shares.
    with_five = query_count(client, urls[url_of])

    for _number in range(25):
        act(section, session=council)
    with_thirty = query_count(client, urls[url_of])

    assert with_thirty == with_five
