"""SEARCH_URL chooses the engine: Whoosh on disk by default, Elasticsearch 7 or Solr for several servers."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from extranet.search.connection import haystack_connection


def test_whoosh_takes_a_path():
    """`whoosh:///var/lib/territoires/whoosh` is the French Whoosh engine on that directory."""
    assert haystack_connection("whoosh:///var/lib/territoires/whoosh") == {
        "ENGINE": "extranet.search.backends.FrenchWhooshEngine",
        "INCLUDE_SPELLING": False,
        "PATH": "/var/lib/territoires/whoosh",
    }


def test_elasticsearch_takes_a_server_and_an_index():
    """`elasticsearch7s://` is HTTPS; the path names the index."""
    assert haystack_connection("elasticsearch7s://search.internal:9200/territoires") == {
        "ENGINE": "extranet.search.elasticsearch.FrenchElasticsearch7Engine",
        "INCLUDE_SPELLING": False,
        "URL": "https://search.internal:9200",
        "INDEX_NAME": "territoires",
    }


def test_solr_takes_the_core_address():
    """`solr://host:8983/solr/core` is Solr's core URL over HTTP."""
    connection = haystack_connection("solr://127.0.0.1:8983/solr/territoires")

    assert connection["ENGINE"] == "haystack.backends.solr_backend.SolrEngine"
    assert connection["URL"] == "http://127.0.0.1:8983/solr/territoires"


@pytest.mark.parametrize("url", ["postgres://localhost/db", "elasticsearch7://localhost:9200", "nonsense"])
def test_unknown_schemes_and_missing_index_names_are_refused(url):
    """A wrong SEARCH_URL stops the start-up with a message naming the problem."""
    with pytest.raises(ImproperlyConfigured, match="SEARCH_URL"):
        haystack_connection(url)
