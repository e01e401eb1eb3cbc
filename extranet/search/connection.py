"""Turn `SEARCH_URL` into haystack's connection settings: Whoosh embedded, Elasticsearch 7 or Solr to scale out."""

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

SCHEMES = {
    "whoosh": "extranet.search.backends.FrenchWhooshEngine",
    "elasticsearch7": "extranet.search.elasticsearch.FrenchElasticsearch7Engine",
    "elasticsearch7s": "extranet.search.elasticsearch.FrenchElasticsearch7Engine",
    "solr": "haystack.backends.solr_backend.SolrEngine",
    "solrs": "haystack.backends.solr_backend.SolrEngine",
}


def haystack_connection(url: str) -> dict:
    """`whoosh:///path`, `elasticsearch7://host:9200/index` or `solr://host:8983/solr/core` (a final `s` for https)."""
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise ImproperlyConfigured(f"Unsupported SEARCH_URL scheme: {parts.scheme or url!r}")
    connection = {"ENGINE": SCHEMES[parts.scheme], "INCLUDE_SPELLING": False}
    if parts.scheme == "whoosh":
        connection["PATH"] = url.removeprefix("whoosh://")
        return connection
    http = "https" if parts.scheme.endswith("s") else "http"
    path = parts.path.strip("/")
    if not path:
        raise ImproperlyConfigured(f"SEARCH_URL needs an index or core name: {url}")
    if parts.scheme.startswith("elasticsearch7"):
        connection["URL"] = urlunsplit((http, parts.netloc, "", "", ""))
        connection["INDEX_NAME"] = path
    else:
        connection["URL"] = urlunsplit((http, parts.netloc, "/" + path, "", ""))
    return connection
