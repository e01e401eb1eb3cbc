"""haystack's Elasticsearch 7 backend with French analysis (its own stems English), for multi-server sites.

Install the `elasticsearch>=7,<8` client on those servers and set `SEARCH_URL=elasticsearch7://host:9200/index`.
"""

import copy

from haystack.backends.elasticsearch7_backend import (
    Elasticsearch7SearchBackend,
    Elasticsearch7SearchEngine,
    Elasticsearch7SearchQuery,
)

FRENCH_SETTINGS = copy.deepcopy(Elasticsearch7SearchBackend.DEFAULT_SETTINGS)
FRENCH_SETTINGS["settings"]["analysis"]["analyzer"].update(
    {
        # Same chain as the Whoosh analyzer: French stop words, accent folding, then stemming.
        "french_folded": {
            "tokenizer": "standard",
            "filter": ["french_elision", "lowercase", "french_stop", "asciifolding", "french_stemmer"],
        },
        "edgengram_analyzer": {
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding", "haystack_edgengram"],
        },
    }
)
FRENCH_SETTINGS["settings"]["analysis"]["filter"].update(
    {
        "french_elision": {
            "type": "elision",
            "articles_case": True,
            "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
        },
        "french_stop": {"type": "stop", "stopwords": "_french_"},
        "french_stemmer": {"type": "stemmer", "language": "light_french"},
    }
)


class FrenchElasticsearch7SearchBackend(Elasticsearch7SearchBackend):
    DEFAULT_SETTINGS = FRENCH_SETTINGS
    DEFAULT_FIELD_MAPPING = {"type": "text", "analyzer": "french_folded"}


class FrenchElasticsearch7Engine(Elasticsearch7SearchEngine):
    backend = FrenchElasticsearch7SearchBackend
    query = Elasticsearch7SearchQuery
