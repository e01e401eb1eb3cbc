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
from whoosh.sorting import Categorizer, Count, DateRangeFacet, FieldFacet, OverlappingCategorizer
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


class CachedFieldFacet(FieldFacet):
    """haystack's field facet (overlapping values), its document → values table kept with the searcher."""

    def __init__(self, fieldname, cache: SearcherCache):
        super().__init__(fieldname, allow_overlap=True, maptype=Count)
        self.cache = cache

    def categorizer(self, global_searcher):
        return CachedOverlappingCategorizer(global_searcher, self.fieldname, self.cache)


class CachedOverlappingCategorizer(OverlappingCategorizer):
    def __init__(self, global_searcher, fieldname, cache: SearcherCache):
        super().__init__(global_searcher, fieldname)
        self.cache = cache

    def set_searcher(self, segment_searcher, docoffset):
        if self._use_vectors or self._use_column:
            super().set_searcher(segment_searcher, docoffset)
            return
        key = ("values", self._fieldname, docoffset)
        if key not in self.cache.tables:
            super().set_searcher(segment_searcher, docoffset)
            # One shared list per distinct combination of values keeps the table small.
            shared: dict = {}
            self.cache.tables[key] = [shared.setdefault(tuple(values), values) for values in self._lists]
        self._segment_searcher = segment_searcher
        self._lists = self.cache.tables[key]


class CachedDateRangeFacet(DateRangeFacet):
    """haystack's date facet (ranges, start included, end excluded), each document's range kept with the searcher."""

    def __init__(self, fieldname, start, end, gap, cache: SearcherCache):
        super().__init__(fieldname, start, end, gap, maptype=Count)
        self.cache = cache

    def categorizer(self, global_searcher):
        key = ("ranges", self.fieldname, tuple(self.querydict))
        if key not in self.cache.tables:
            # Like Whoosh's QueryCategorizer: a document falls in the first range holding it, else in None.
            ranges = [None] * global_searcher.doc_count_all()
            for name, range_query in reversed(self.querydict.items()):
                for docnum in self.cache.docs(range_query):
                    ranges[docnum] = name
            self.cache.tables[key] = ranges
        return RangeTableCategorizer(self.cache.tables[key])


class RangeTableCategorizer(Categorizer):
    def __init__(self, ranges: list):
        self.ranges = ranges
        self.offset = 0

    def set_searcher(self, segment_searcher, docoffset):
        self.offset = docoffset

    def key_for(self, matcher, segment_docnum):
        return self.ranges[segment_docnum + self.offset]


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

        group_by, facet_types = [], {}
        for name in facets or ():
            group_by.append(CachedFieldFacet(name, cache))
            facet_types[name] = "fields"
        for name, value in (date_facets or {}).items():
            gap = relativedelta(**{f"{value['gap_by']}s": value.get("gap_amount", 1)})
            start, end = _as_datetime(value["start_date"]), _as_datetime(value["end_date"])
            group_by.append(CachedDateRangeFacet(name, start, end, gap, cache))
            facet_types[name] = "dates"

        page_num, page_length = self.calculate_page(start_offset, end_offset)
        # The same search but for the slice, on the same searcher, is the same result: haystack asks for
        # the count, then for the page.
        key = (query_string, sort_by and tuple(sort_by), reverse, tuple(facets or ()), repr(date_facets), allowed)
        wanted = page_num * page_length
        last = cache.last_search
        try:
            if last and last[0] == key and last[1] >= wanted:
                results = last[2]
            else:
                limit = max(wanted, MIN_COLLECTED)
                results = searcher.search(
                    scored, limit=limit, sortedby=sort_by, reverse=reverse, groupedby=group_by, filter=allowed
                )
                cache.last_search = (key, limit, results)
            raw_page = ResultsPage(results, page_num, page_length)
        except ValueError:
            if not self.silently_fail:
                raise
            return {"results": [], "hits": 0, "spelling_suggestion": None}
        # As haystack: Whoosh answers a page past the end with the last page.
        if raw_page.pagenum < page_num:
            return {"results": [], "hits": 0, "spelling_suggestion": None}
        return self._process_results(
            raw_page,
            highlight=highlight,
            query_string=query_string,
            spelling_query=spelling_query,
            result_class=result_class,
            facet_types=facet_types,
        )

    def _suggestion(self, spelling_query, query_string):
        if not self.include_spelling:
            return None
        return self.create_spelling_suggestion(spelling_query or query_string)


class FrenchWhooshEngine(WhooshEngine):
    backend = FrenchWhooshSearchBackend
