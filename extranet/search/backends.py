"""haystack's Whoosh backend with French analysis (its own is English-only), fast enough for 100,000 items.

haystack's own `search()` hands Whoosh one query string in which the audience, expiry, kind, organisation and
date filters are scored clauses like the words typed, opens a new searcher for every query, and rebuilds the
facets' per-document tables at each search. On 100,000 items that costs seconds (docs/search.md,
"Performance"). Here the non-text clauses become a Whoosh *filter* (an unscored set of documents), the
searcher is kept while the index is unchanged, and the sets and facet tables are cached with it.
Results, counts and facets are the same. Relevance now comes from the words typed only: haystack's scored
audience clause also added each audience token's weight, so that items of a rare audience (one
organisation's) outranked better-matching public ones; for public items the order is unchanged.
"""

import threading
import warnings
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.utils.encoding import force_str
from haystack.backends import log_query
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.constants import DJANGO_CT
from haystack.exceptions import SearchBackendError
from haystack.fields import FacetField
from haystack.utils import get_model_ct
from whoosh import query as whoosh_query
from whoosh.fields import BOOLEAN, DATETIME, ID, KEYWORD, NGRAMWORDS, NUMERIC, TEXT
from whoosh.searching import ResultsPage
from whoosh.sorting import DateRangeFacet
from whoosh.support.relativedelta import relativedelta

from .analysis import french_analyzer, prefix_analyzer

# Fields matched as whole values (tokens, slugs, dates): clauses on them only say which documents may appear.
FILTER_FIELD_TYPES = (ID, KEYWORD, DATETIME, NUMERIC, BOOLEAN)
# Query nodes whose document sets are computed here from cached term postings.
SET_QUERY_TYPES = (
    whoosh_query.Term,
    whoosh_query.Or,
    whoosh_query.And,
    whoosh_query.NumericRange,
    whoosh_query.TermRange,
)
# Cached document sets of one searcher: beyond this many, the cache starts afresh (rare terms pile up).
MAX_CACHED_SETS = 4096
# A search keeps at least this many top documents, so that the page asked for right after the count (the
# paginator's two calls) reuses the same search.
MIN_COLLECTED = 100


class SearcherCache:
    """The searcher of one index generation, with the document sets and facet tables computed on it."""

    def __init__(self, index, searcher):
        self.index = index
        self.searcher = searcher
        self.sets: dict = {}
        self.tables: dict = {}
        self.last_search: tuple | None = None

    def docs(self, query) -> set:
        """The documents matching a filter clause (deleted ones included: the scored query never yields those).

        Sets, as Whoosh's filters must be; the cached ones are shared, so they are never changed in place.
        """
        if isinstance(query, whoosh_query.Term):
            key = (query.fieldname, query.text)
            if key not in self.sets:
                if len(self.sets) >= MAX_CACHED_SETS:
                    self.sets.clear()
                self.sets[key] = set(self.searcher.docs_for_query(query))
            return self.sets[key]
        if isinstance(query, whoosh_query.ConstantScoreQuery):
            return self.docs(query.child)
        if isinstance(query, whoosh_query.NumericRange):
            # A date or number range is an Or of term ranges on the field's trie terms (Whoosh's own matcher
            # does the same; `simplify()` cannot, it reads trie terms back as dates).
            return self.docs(query._compile_query(self.searcher.reader()))
        if isinstance(query, whoosh_query.TermRange):
            terms = sorted(set(query._btexts(self.searcher.reader())))
            return set().union(*(self.docs(whoosh_query.Term(query.fieldname, term)) for term in terms))
        if isinstance(query, whoosh_query.Or):
            return set().union(*(self.docs(child) for child in query.subqueries))
        if isinstance(query, whoosh_query.And):
            sets = sorted((self.docs(child) for child in query.subqueries), key=len)
            return sets[0].intersection(*sets[1:]) if sets else set()
        if query is whoosh_query.NullQuery:
            return set()
        return set(self.searcher.docs_for_query(query))

    def value_table(self, fieldname) -> list:
        """Each document's values of a facet field, as a tuple (empty for none), from the field's terms."""
        key = ("values", fieldname)
        if key not in self.tables:
            table: list = [()] * self.searcher.doc_count_all()
            for value in self.searcher.reader().field_terms(fieldname):
                for docnum in self.docs(whoosh_query.Term(fieldname, value)):
                    table[docnum] += (value,)
            self.tables[key] = table
        return self.tables[key]

    def range_table(self, facet: DateRangeFacet) -> list:
        """Each document's date range of a date facet: the first range holding it (start included), else None."""
        key = ("ranges", facet.fieldname, tuple(facet.querydict))
        if key not in self.tables:
            ranges = [None] * self.searcher.doc_count_all()
            for name, range_query in reversed(facet.querydict.items()):
                for docnum in self.docs(range_query):
                    ranges[docnum] = name
            self.tables[key] = ranges
        return self.tables[key]


def value_counts(table: list, docs: set) -> dict:
    """How many of the documents hold each value (None for those with none), as Whoosh's overlapping facets."""
    counts: dict = {}
    for values, count in Counter(map(table.__getitem__, docs)).items():
        for value in values or (None,):
            counts[value] = counts.get(value, 0) + count
    return counts


@dataclass(frozen=True)
class Found:
    """One search on a searcher: what was asked, how many were ranked, and what was found."""

    key: tuple
    limit: int
    results: object
    hits: int
    facets: dict


def haystack_facet_list(counts: dict) -> list:
    """Facet counts in haystack's order: most frequent first, then by value, and the missing value (None)
    placed by its count, as haystack's Whoosh backend lists them."""
    counts = dict(counts)
    none_count = counts.pop(None, None)
    listed = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if none_count is not None:
        position = next((i for i, (_value, count) in enumerate(listed) if count < none_count), len(listed))
        listed.insert(position, (None, none_count))
    return listed


def _as_datetime(value) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    raise ValueError(f"Not a date: {value!r}")


class FrenchWhooshSearchBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        # Whoosh searchers are not shared between threads; each thread keeps its own.
        self._local = threading.local()

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field_class in fields.values():
            name = field_class.index_fieldname
            field = schema[name]
            if isinstance(field_class, FacetField) and isinstance(field, TEXT):
                # Facet values are whole values (an organisation's slug), never analysed into words.
                schema.remove(name)
                schema.add(name, ID(stored=True, sortable=True))
            elif isinstance(field, NGRAMWORDS):
                field.analyzer = prefix_analyzer()
            elif isinstance(field, TEXT) and not field_class.analyzer:
                field.analyzer = french_analyzer()
        # Spelling suggestions are off (INCLUDE_SPELLING): no word graph to write at every save.
        schema[content_field_name].spelling = False
        spelling_field = f"spell_{content_field_name}"
        if spelling_field in schema:
            schema.remove(spelling_field)
        return content_field_name, schema

    def searcher_cache(self) -> SearcherCache:
        """This thread's searcher, replaced when the index changed (a commit, a clear), with its caches."""
        cache = getattr(self._local, "cache", None)
        if cache is not None and cache.index is self.index:
            if cache.searcher.reader().generation() == self.index.latest_generation():
                return cache
            # Not `Searcher.refresh()`: it reuses the readers of segments whose deletions changed.
            cache.searcher.close()
        cache = SearcherCache(self.index, self.index.searcher())
        self._local.cache = cache
        return cache

    def is_filter(self, query) -> bool:
        """Whether the clause only tests whole values (audiences, kind, dates), so it needs no score."""
        if not isinstance(query, SET_QUERY_TYPES):
            return False
        if isinstance(query, whoosh_query.Or | whoosh_query.And):
            return bool(query.subqueries) and all(self.is_filter(child) for child in query.subqueries)
        field = self.schema[query.fieldname] if query.fieldname in self.schema else None
        return query.fieldname != self.content_field_name and isinstance(field, FILTER_FIELD_TYPES)

    def split_query(self, parsed):
        """The scored part of a parsed query and its filter clauses."""
        clauses = list(parsed.subqueries) if isinstance(parsed, whoosh_query.And) else [parsed]
        filters = [clause for clause in clauses if self.is_filter(clause)]
        scored = [clause for clause in clauses if not self.is_filter(clause)]
        if not scored:
            return whoosh_query.Every(), filters
        return (scored[0] if len(scored) == 1 else whoosh_query.And(scored, boost=parsed.boost)), filters

    def sort_options(self, sort_by):
        """haystack's translation of `order_by()` for Whoosh: one direction for every field."""
        if sort_by is None:
            return None, False
        reversed_fields = [name for name in sort_by if name.startswith("-")]
        if reversed_fields and len(reversed_fields) != len(sort_by):
            raise SearchBackendError("Whoosh requires all order_by fields to use the same sort direction")
        return [name.removeprefix("-") for name in sort_by], bool(reversed_fields)

    def model_narrowing(self, models, limit_to_registered_models) -> str | None:
        if limit_to_registered_models is None:
            limit_to_registered_models = getattr(settings, "HAYSTACK_LIMIT_TO_REGISTERED_MODELS", True)
        if models:
            choices = sorted(get_model_ct(model) for model in models)
        elif limit_to_registered_models:
            choices = self.build_models_list()
        else:
            choices = []
        return " OR ".join(f"{DJANGO_CT}:{choice}" for choice in choices) or None

    @log_query
    def search(
        self,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        fields="",
        highlight=False,
        facets=None,
        date_facets=None,
        query_facets=None,
        narrow_queries=None,
        spelling_query=None,
        within=None,
        dwithin=None,
        distance_point=None,
        models=None,
        limit_to_registered_models=None,
        result_class=None,
        **kwargs,
    ):
        if not self.setup_complete:
            self.setup()
        query_string = force_str(query_string)
        # As haystack: an empty or one-character query (but "*") finds nothing.
        if not query_string or (len(query_string) <= 1 and query_string != "*"):
            return {"results": [], "hits": 0}
        sort_by, reverse = self.sort_options(sort_by)
        if query_facets is not None:
            warnings.warn("Whoosh does not handle query faceting.", Warning, stacklevel=2)

        cache = self.searcher_cache()
        searcher = cache.searcher
        # haystack's narrowing queries (and its model restriction) must each match something, or nothing is found.
        narrowing = set(narrow_queries or ())
        model_query = self.model_narrowing(models, limit_to_registered_models)
        if model_query:
            narrowing.add(model_query)
        allowed_sets = []
        for narrow_query in narrowing:
            docs = cache.docs(self.parser.parse(force_str(narrow_query)))
            if not docs:
                return {"results": [], "hits": 0}
            allowed_sets.append(docs)

        if not searcher.doc_count():
            return {"results": [], "hits": 0, "spelling_suggestion": self._suggestion(spelling_query, query_string)}
        parsed = self.parser.parse(query_string)
        if parsed is None:
            return {"results": [], "hits": 0}
        scored, filters = self.split_query(parsed)
        allowed_sets += [cache.docs(clause) for clause in filters]
        allowed = None
        if allowed_sets:
            allowed_sets.sort(key=len)
            allowed = allowed_sets[0].intersection(*allowed_sets[1:])
            if not allowed:
                # Whoosh reads an empty filter as "no filter": match nothing instead.
                scored, allowed = whoosh_query.NullQuery, None

        page_num, page_length = self.calculate_page(start_offset, end_offset)
        wanted = page_num * page_length
        # The same search but for the slice, on the same searcher, is the same result: haystack asks for
        # the count, then for the page.
        key = (
            query_string,
            tuple(sorted(narrowing)),
            sort_by and tuple(sort_by),
            reverse,
            tuple(facets or ()),
            repr(date_facets),
        )
        last = cache.last_search
        if last and last.key == key and last.limit >= wanted:
            found = last
        else:
            found = self.find(
                cache,
                key,
                scored,
                allowed,
                limit=max(wanted, MIN_COLLECTED),
                sort_by=sort_by,
                reverse=reverse,
                facets=facets,
                date_facets=date_facets,
            )
            cache.last_search = found
        if not found.hits:
            # As haystack: no facets without results.
            return {"results": [], "hits": 0, "spelling_suggestion": None}
        raw_page = ResultsPage(found.results, page_num, page_length)
        # As haystack: Whoosh answers a page past the end with the last page.
        if raw_page.pagenum < page_num:
            return {"results": [], "hits": 0, "spelling_suggestion": None}
        processed = self._process_results(
            raw_page,
            highlight=highlight,
            query_string=query_string,
            spelling_query=spelling_query,
            result_class=result_class,
        )
        # haystack's processing drops hits of models no longer indexed from the count, as it would have.
        processed["hits"] -= raw_page.pagelen - len(processed["results"])
        processed["facets"] = found.facets
        return processed

    def find(self, cache, key, scored, allowed, *, limit, sort_by, reverse, facets, date_facets) -> "Found":
        """The matching documents as a set, their count and facets from it, and the best `limit` of them ranked.

        Counting and faceting from sets keeps the engine's collector to ranking alone, where Whoosh skips
        the blocks of postings that cannot reach the top (it must score every match when asked to group).
        """
        matched = set() if scored is whoosh_query.NullQuery else cache.docs(scored)
        if allowed is not None:
            matched = matched & allowed
        counts = {}
        if facets or date_facets:
            counts = {"fields": {}, "dates": {}, "queries": {}}
            for name in facets or ():
                counts["fields"][name] = haystack_facet_list(value_counts(cache.value_table(name), matched))
            for name, value in (date_facets or {}).items():
                gap = relativedelta(**{f"{value['gap_by']}s": value.get("gap_amount", 1)})
                start, end = _as_datetime(value["start_date"]), _as_datetime(value["end_date"])
                ranges = cache.range_table(DateRangeFacet(name, start, end, gap))
                counts["dates"][name] = haystack_facet_list(Counter(map(ranges.__getitem__, matched)))
        results = None
        if matched:
            results = cache.searcher.search(scored, limit=limit, sortedby=sort_by, reverse=reverse, filter=matched)
            results._total = len(matched)
        return Found(key=key, limit=limit, results=results, hits=len(matched), facets=counts)

    def _suggestion(self, spelling_query, query_string):
        if not self.include_spelling:
            return None
        return self.create_spelling_suggestion(spelling_query or query_string)


class FrenchWhooshEngine(WhooshEngine):
    backend = FrenchWhooshSearchBackend
