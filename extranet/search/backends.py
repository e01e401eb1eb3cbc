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

import heapq
import threading
import warnings
from bisect import bisect_right, insort
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from itertools import accumulate, repeat
from operator import add, itemgetter, mul, neg

from django.conf import settings
from django.utils.encoding import force_str
from haystack.backends import log_query
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.constants import DJANGO_CT
from haystack.exceptions import SearchBackendError
from haystack.fields import FacetField
from haystack.utils import get_model_ct
from whoosh import query as whoosh_query
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.columns import FixedBytesColumn
from whoosh.fields import BOOLEAN, DATETIME, ID, KEYWORD, NGRAMWORDS, NUMERIC, TEXT
from whoosh.filedb.filestore import FileStorage
from whoosh.index import _DEF_INDEX_NAME as DEFAULT_INDEX_NAME
from whoosh.index import TOC
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import WeightLengthScorer
from whoosh.searching import Results, ResultsPage
from whoosh.sorting import DateRangeFacet
from whoosh.support.relativedelta import relativedelta
from whoosh.util.numeric import byte_to_length

from .analysis import french_analyzer, prefix_analyzer
from .lending import Lender

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
# Cached document sets of compound filter clauses (audiences, model restriction, date ranges): beyond this
# many documents in all (~30 MB), that cache starts afresh (each user's audiences make a set of their own).
MAX_COMPOUND_DOCS = 1_000_000
# Sets of number and date ranges kept per field (each may hold most of the index).
MAX_RANGES_PER_FIELD = 4
# Postings whose scores are kept with the searcher (a dict per term, ~70 bytes a posting): beyond this many,
# that cache starts afresh.
MAX_SCORED_POSTINGS = 1_000_000
# Searchers kept idle per index and process, with their caches (each may hold tens of MB on 100,000 items).
MAX_IDLE_SEARCHERS = 4
SEARCHERS: dict[str, Lender] = {}
SEARCHERS_LOCK = threading.Lock()
# A search keeps at least this many top documents, so that the page asked for right after the count (the
# paginator's two calls) reuses the same search.
MIN_COLLECTED = 100


class SearcherCache:
    """The searcher of one index generation, with the document sets and facet tables computed on it."""

    def __init__(self, index):
        self.index = index
        # Read before the searcher opens (an empty index's reader has no generation): a commit in between makes
        # the searcher look stale, never current.
        try:
            self.version = self.index_version(index, index.latest_generation())
        except OSError:  # a commit removed the table of contents just listed: this searcher will not be kept
            self.version = None
        self.searcher = index.searcher()
        self.sets: dict = {}
        self.tables: dict = {}
        self.scores: dict = {}
        self.scored_postings = 0
        self.compound: dict = {}
        self.compound_size = 0
        self.last_ranges: dict = {}
        self.last_intersection: tuple = ((), None)
        self.last_search: tuple | None = None
        # Where each segment's documents start, to find the segment of a document number.
        self.leaves = list(self.searcher.leaf_searchers())
        self.offsets = [offset for _leaf, offset in self.leaves]

    @staticmethod
    def index_version(index, generation: int) -> tuple:
        """The index's generation and when its table of contents was written: a cleared and rebuilt index may
        reach the same generation again, not at the same moment."""
        return generation, index.storage.file_modified(TOC._filename(index.indexname, generation))

    def is_current(self) -> bool:
        """Whether the searcher still reads the index as it is (no commit, no clear since it was opened, in any
        process). A stale one is closed, not refreshed: `Searcher.refresh()` reuses the readers of segments
        whose deletions changed."""
        try:
            return self.version == self.index_version(self.index, self.index.latest_generation())
        except OSError:  # a commit removed the table of contents just listed
            return False

    def close(self) -> None:
        self.searcher.close()

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
            # The last few ranges of each field: the expiry range changes every second (a new set of most of
            # the index each time), the year filter's two bounds stay the same.
            key = repr(query)
            ranges = self.last_ranges.setdefault(query.fieldname, {})
            docs = ranges.get(key)
            if docs is None:
                if len(ranges) >= MAX_RANGES_PER_FIELD:
                    ranges.clear()
                docs = ranges[key] = self.compound_docs(query)
            return docs
        if isinstance(query, whoosh_query.Or | whoosh_query.And | whoosh_query.TermRange):
            # The audiences' Or and the model restriction come back with every search: their (large) unions
            # are kept too, and the term ranges of date ranges, whose coarse ones stay the same while the
            # finest move with the clock, hence the bound on the cache's size.
            key = repr(query)
            docs = self.compound.get(key)
            if docs is None:
                docs = self.compound_docs(query)
                if self.compound_size + len(docs) > MAX_COMPOUND_DOCS:
                    self.compound.clear()
                    self.compound_size = 0
                self.compound[key] = docs
                self.compound_size += len(docs)
            return docs
        return self.compound_docs(query)

    def compound_docs(self, query) -> set:
        if isinstance(query, whoosh_query.ConstantScoreQuery):
            return self.compound_docs(query.child)
        if isinstance(query, whoosh_query.NumericRange):
            # A date or number range is an Or of term ranges on the field's trie terms (Whoosh's own matcher
            # does the same; `simplify()` cannot, it reads trie terms back as dates). The Or itself is not
            # cached: its repr would be one more key for the same set.
            return self.compound_docs(query._compile_query(self.searcher.reader()))
        if isinstance(query, whoosh_query.TermRange):
            # Its terms' sets are not kept one by one: a range's trie terms change with its bounds (the
            # expiry range's every second), and would soon fill the term-set cache; the coarse term ranges
            # of a date range stay the same from one second to the next, and are kept whole.
            terms = sorted(set(query._btexts(self.searcher.reader())))
            docs_for = self.searcher.docs_for_query
            return set().union(*(docs_for(whoosh_query.Term(query.fieldname, term)) for term in terms))
        if isinstance(query, whoosh_query.Or):
            return set().union(*(self.docs(child) for child in query.subqueries))
        if isinstance(query, whoosh_query.And):
            sets = sorted((self.docs(child) for child in query.subqueries), key=len)
            return sets[0].intersection(*sets[1:]) if sets else set()
        if query is whoosh_query.NullQuery:
            return set()
        return set(self.searcher.docs_for_query(query))

    def intersection(self, sets: list) -> set:
        """The documents in every one of the sets; the last answer is kept, as the same filters (the same
        cached sets) come back search after search."""
        last_sets, last = self.last_intersection
        if len(last_sets) == len(sets) and all(a is b for a, b in zip(last_sets, sets, strict=True)):
            return last
        ordered = sorted(sets, key=len)
        result = ordered[0].intersection(*ordered[1:])
        self.last_intersection = (tuple(sets), result)
        return result

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

    def facet_counts(self, fields: list, ranges: dict, docs: set) -> tuple[dict, dict]:
        """How many of the documents hold each value of each facet field (None for those with none, a
        document with several values counting for each, as Whoosh's overlapping facets), and fall in each
        range of each date facet (None: in none).

        One pass over the documents: each document's combination of facet values is numbered once per
        searcher, the documents are counted by combination, and the few combinations are spread to values.
        """
        key = (
            "facets",
            tuple(fields),
            tuple((name, facet.fieldname, tuple(facet.querydict)) for name, facet in ranges.items()),
        )
        if key not in self.tables:
            columns = [self.value_table(name) for name in fields]
            columns += [self.range_table(facet) for facet in ranges.values()]
            numbers: dict = {}
            codes = [numbers.setdefault(combination, len(numbers)) for combination in zip(*columns, strict=True)]
            self.tables[key] = (codes, list(numbers))
        codes, combinations = self.tables[key]
        field_counts = {name: {} for name in fields}
        date_counts = {name: {} for name in ranges}
        targets = [field_counts[name] for name in fields]
        for code, count in Counter(map(codes.__getitem__, docs)).items():
            combination = combinations[code]
            for counts, values in zip(targets, combination, strict=False):
                for value in values or (None,):
                    counts[value] = counts.get(value, 0) + count
            for name, value in zip(ranges, combination[len(fields) :], strict=True):
                date_counts[name][value] = date_counts[name].get(value, 0) + count
        return field_counts, date_counts

    def term_scores(self, leaf: int, term) -> dict:
        """Whoosh's own score of every posting of a term in one segment, by document number (global).

        Read once per term and searcher from the term's matcher, with its scorer (same idf, lengths and
        formula as Whoosh's collector), so that ranking needs no posting list walk at each search.
        """
        key = (leaf, term.fieldname, term.text)
        scores = self.scores.get(key)
        if scores is None:
            subsearcher, offset = self.leaves[leaf]
            # The top searcher's context, as its collector passes to every segment (the same weighting);
            # the matcher leaves out deleted documents and applies the term's boost.
            scores = self.block_scores(leaf, term.fieldname, term.matcher(subsearcher, self.searcher.context()))
            if scores is None:
                matcher = term.matcher(subsearcher, self.searcher.context())
                scores = {}
                while matcher.is_active():
                    scores[matcher.id() + offset] = matcher.score()
                    matcher.next()
            self.keep_scores(key, scores)
        return scores

    def keep_scores(self, key, value) -> None:
        if self.scored_postings + len(value) > MAX_SCORED_POSTINGS:
            self.scores.clear()
            self.scored_postings = 0
        self.scores[key] = value
        self.scored_postings += len(value)

    def block_scores(self, leaf: int, fieldname: str, matcher) -> dict | None:
        """The same scores read a block of postings at a time (None where that cannot be done).

        The matcher's score is its scorer's function of the posting's weight and the document's field
        length (stored as one byte): computed once per (weight, length byte), then looked up. Reading a
        document's length through the searcher costs more than the rest of the work, so the segment's
        length bytes are read at once, from Whoosh's per-document reader (its internals: any surprise there
        falls back to the matcher).
        """
        deleted = ()
        if isinstance(matcher, FilterMatcher) and matcher._exclude:
            deleted, matcher = matcher._ids, matcher.child
        if type(matcher) is not W3LeafMatcher or not isinstance(matcher.scorer, WeightLengthScorer):
            return None
        lengths = self.length_bytes(leaf, fieldname)
        if lengths is None:
            return None
        scorer = matcher.scorer
        offset = self.leaves[leaf][1]

        score_of: dict = {}  # (weight, length byte) -> score
        scores: dict = {}
        try:
            while not matcher._atend:
                if matcher._data is None:
                    matcher._read_data()
                deltas = matcher._data[0]
                # The block's document numbers (`_read_ids` decodes them the same way, one at a time).
                ids = deltas if matcher._byteids else list(accumulate(deltas))
                matcher._read_weights()
                weights = matcher._weights
                for weight in set(weights):
                    if (weight, 255) not in score_of:
                        score_of.update(
                            ((weight, byte), scorer._score(weight, byte_to_length(byte))) for byte in range(1, 256)
                        )
                docnums = map(add, ids, repeat(offset)) if offset else ids
                found = map(score_of.__getitem__, zip(weights, map(lengths.__getitem__, ids), strict=True))
                if deleted:
                    scores.update(
                        (docnum, score)
                        for docnum, score, local in zip(docnums, found, ids, strict=True)
                        if local not in deleted
                    )
                else:
                    scores.update(zip(docnums, found, strict=True))
                matcher._next_block()
        except (AttributeError, TypeError, KeyError):
            # KeyError: a zero length byte (a document without that field: no length to score with).
            return None
        return scores

    def length_bytes(self, leaf: int, fieldname: str):
        """The field's length byte of each document of a segment, or None where it cannot be read at once."""
        key = ("lengths", leaf, fieldname)
        if key not in self.tables:
            lengths = None
            try:
                column = self.leaves[leaf][0].reader()._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
                if isinstance(column, FixedBytesColumn.Reader) and column._fixedlen == 1:
                    lengths = column._dbfile.get(column._basepos, column._count)
            except AttributeError:
                pass
            self.tables[key] = lengths
        return self.tables[key]

    def scored_docs(self, query) -> set:
        """The documents matching the words typed: for words alone, the documents of their cached scores."""
        schema = self.searcher.schema
        if isinstance(query, whoosh_query.Term) and query.fieldname in schema and schema[query.fieldname].scorable:
            key = ("scored", query.fieldname, query.text)
            if key not in self.sets:
                if len(self.sets) >= MAX_CACHED_SETS:
                    self.sets.clear()
                self.sets[key] = set().union(*(self.term_scores(leaf, query) for leaf in range(len(self.leaves))))
            return self.sets[key]
        if isinstance(query, whoosh_query.And) and query.subqueries:
            sets = sorted((self.scored_docs(child) for child in query.subqueries), key=len)
            return sets[0].intersection(*sets[1:])
        return self.docs(query)

    def ranked_term(self, leaf: int, term) -> list:
        """A term's documents in one segment, best score first (ties: lowest document number first)."""
        key = ("ranked", leaf, term.fieldname, term.text)
        ranked = self.scores.get(key)
        if ranked is None:
            scores = self.term_scores(leaf, term)
            # The scores are in document order: a stable sort keeps the lowest document first on ties.
            ranked = sorted(scores, key=scores.__getitem__, reverse=True)
            self.keep_scores(key, ranked)
        return ranked

    def scorer(self, leaf: int, query):
        """A function giving the scores of a list of documents of one segment for a Term or an And of Terms,
        adding the terms' scores in the order Whoosh's matcher tree adds them (so that equal scores stay
        equal to the last bit). Whole lists at a time: `map` keeps the loop out of the interpreter."""
        if isinstance(query, whoosh_query.Term):
            # The term's matcher applied its boost already.
            get = self.term_scores(leaf, query).__getitem__
            return lambda docs: list(map(get, docs))
        reader = self.leaves[leaf][0].reader()
        # Whoosh's And builds a Huffman-like tree of its children by their estimated sizes
        # (`whoosh.util.make_weighted_tree`), sorting and inserting stably where two weights are equal.
        nodes = sorted(
            ((0 - child.estimate_size(reader), self.scorer(leaf, child)) for child in query.subqueries),
            key=itemgetter(0),
        )
        while len(nodes) > 1:
            (weight_a, score_a), (weight_b, score_b) = nodes.pop(0), nodes.pop(0)
            insort(
                nodes,
                (weight_a + weight_b, lambda docs, a=score_a, b=score_b: list(map(add, a(docs), b(docs)))),
                key=itemgetter(0),
            )
        score = nodes[0][1]
        if query.boost != 1.0:
            return lambda docs: list(map(mul, score(docs), repeat(query.boost)))
        return score

    def leaf_of(self, docnum: int) -> int:
        return bisect_right(self.offsets, docnum) - 1

    def top(self, query, matched: set, limit: int) -> list:
        """The best `limit` of the matched documents as Whoosh's collector ranks them: (score, docnum),
        highest score first, ties broken by the lowest document number (the first one it met)."""
        if len(self.leaves) == 1:
            by_leaf = {0: matched}
        else:
            by_leaf: dict = {}
            for docnum in matched:
                by_leaf.setdefault(self.leaf_of(docnum), set()).add(docnum)
        best: list = []
        for leaf, docs in by_leaf.items():
            if isinstance(query, whoosh_query.Term) and len(docs) * 8 > len(self.term_scores(leaf, query)):
                # Most of the term's documents match: walk them best first until enough are allowed.
                candidates = []
                for docnum in self.ranked_term(leaf, query):
                    if docnum in docs:
                        candidates.append(docnum)
                        if len(candidates) == limit:
                            break
            else:
                candidates = list(docs)
            scores = self.scorer(leaf, query)(candidates)
            # (score, -docnum): the largest first are the best scores, then the lowest document numbers.
            best += heapq.nlargest(limit, zip(scores, map(neg, candidates), strict=True))
        return [(score, -negated) for score, negated in sorted(best, reverse=True)[:limit]]


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

    def searchers(self) -> Lender:
        """The process's idle searchers of this index (haystack makes a backend per thread, so per request)."""
        key = self.path if self.use_file_storage else "ram"
        with SEARCHERS_LOCK:
            return SEARCHERS.setdefault(
                key, Lender(keep=MAX_IDLE_SEARCHERS, is_current=SearcherCache.is_current, discard=SearcherCache.close)
            )

    def index_version(self) -> str | None:
        """The index's generation and when it was written, as the kept searchers check it (see `SearcherCache`);
        None if a commit removed the table of contents just listed, or if there is no index yet.

        Read from the index's folder without setting the backend up: haystack makes a backend per thread, so per
        request, and the setup (the schema of every indexed field, the parser) is what a cached page skips.
        """
        if self.use_file_storage and not self.setup_complete:
            # The table of contents' name alone: opening the index would read it and unpickle the schema (~0.4 ms).
            storage = FileStorage(self.path)
            try:
                generation = TOC._latest_generation(storage, DEFAULT_INDEX_NAME)
                if generation < 0:  # no index yet: the search that follows sets one up
                    return None
                written = storage.file_modified(TOC._filename(DEFAULT_INDEX_NAME, generation))
            except OSError:  # no folder, or a commit removed the table of contents just listed
                return None
            return f"{generation}:{written}"
        if not self.setup_complete:
            self.setup()
        try:
            generation, written = SearcherCache.index_version(self.index, self.index.latest_generation())
        except OSError:
            return None
        return f"{generation}:{written}"

    def holds_only(self, fieldname: str, value: str, *, without: list[str]) -> bool:
        """Whether some document holds `value` in the field and none of the values `without` (deleted documents
        count: the answer errs towards yes).

        On an idle searcher this reads cached sets only, without setting the backend up (see `index_version`).
        """

        def build() -> SearcherCache:
            if not self.setup_complete:
                self.setup()
            return SearcherCache(self.index)

        with self.searchers().lend(build=build) as cache:
            rest = cache.docs(whoosh_query.Term(fieldname, value))
            # Value by value, from the term sets the searches keep: a union of the others would be one more large
            # set (`public` holds most of the index) to cache per reader's audiences.
            for other in without:
                if not rest:
                    break
                rest = rest - cache.docs(whoosh_query.Term(fieldname, other))
            return bool(rest)

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

    def rankable(self, query) -> bool:
        """Whether the scored query is made of words alone (Terms and Ands of them on scored fields), so
        that its best documents can be ranked from the terms' cached scores."""
        if isinstance(query, whoosh_query.Term):
            return query.fieldname in self.schema and self.schema[query.fieldname].scorable
        if isinstance(query, whoosh_query.And):
            return bool(query.subqueries) and all(self.rankable(child) for child in query.subqueries)
        return False

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

        with self.searchers().lend(build=lambda: SearcherCache(self.index)) as cache:
            return self.search_with(
                cache,
                query_string,
                sort_by=sort_by,
                reverse=reverse,
                start_offset=start_offset,
                end_offset=end_offset,
                highlight=highlight,
                facets=facets,
                date_facets=date_facets,
                narrow_queries=narrow_queries,
                spelling_query=spelling_query,
                models=models,
                limit_to_registered_models=limit_to_registered_models,
                result_class=result_class,
            )

    def search_with(
        self,
        cache: SearcherCache,
        query_string: str,
        *,
        sort_by,
        reverse,
        start_offset,
        end_offset,
        highlight,
        facets,
        date_facets,
        narrow_queries,
        spelling_query,
        models,
        limit_to_registered_models,
        result_class,
    ):
        """`search()` on one searcher lent to this thread."""
        searcher = cache.searcher
        # haystack's narrowing queries (and its model restriction) must each match something, or nothing is found.
        narrowing = set(narrow_queries or ())
        model_query = self.model_narrowing(models, limit_to_registered_models)
        if model_query:
            narrowing.add(model_query)
        page_num, page_length = self.calculate_page(start_offset, end_offset)
        wanted = page_num * page_length
        # The same search but for the slice, on the same searcher, is the same result: haystack asks for
        # the count, then for the page. Checked before parsing: parsing is a good part of a search's time.
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
            allowed_sets = []
            for narrow_query in narrowing:
                docs = cache.docs(self.parser.parse(force_str(narrow_query)))
                if not docs:
                    return {"results": [], "hits": 0}
                allowed_sets.append(docs)

            if not searcher.doc_count():
                return {
                    "results": [],
                    "hits": 0,
                    "spelling_suggestion": self._suggestion(spelling_query, query_string),
                }
            parsed = self.parser.parse(query_string)
            if parsed is None:
                return {"results": [], "hits": 0}
            scored, filters = self.split_query(parsed)
            allowed_sets += [cache.docs(clause) for clause in filters]
            allowed = cache.intersection(allowed_sets) if allowed_sets else None
            if allowed is not None and not allowed:
                # Whoosh reads an empty filter as "no filter": match nothing instead.
                scored, allowed = whoosh_query.NullQuery, None
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
        matched = set() if scored is whoosh_query.NullQuery else cache.scored_docs(scored)
        if allowed is not None:
            matched = matched & allowed
        counts = {}
        if facets or date_facets:
            ranges = {}
            for name, value in (date_facets or {}).items():
                gap = relativedelta(**{f"{value['gap_by']}s": value.get("gap_amount", 1)})
                start, end = _as_datetime(value["start_date"]), _as_datetime(value["end_date"])
                ranges[name] = DateRangeFacet(name, start, end, gap)
            fields, dates = cache.facet_counts(list(facets or ()), ranges, matched)
            counts = {
                "fields": {name: haystack_facet_list(fields[name]) for name in facets or ()},
                "dates": {name: haystack_facet_list(dates[name]) for name in ranges},
                "queries": {},
            }
        results = None
        searcher = cache.searcher
        if matched and sort_by is None and not searcher.weighting.use_final and self.rankable(scored):
            # Words alone, by relevance: rank the matches from the terms' scores kept with the searcher
            # rather than walking the posting lists again (the same top documents, in the same order).
            results = Results(searcher, scored, cache.top(scored, matched, limit), docset=matched)
            results._total = len(matched)
        elif matched:
            results = searcher.search(scored, limit=limit, sortedby=sort_by, reverse=reverse, filter=matched)
            results._total = len(matched)
        return Found(key=key, limit=limit, results=results, hits=len(matched), facets=counts)

    def _suggestion(self, spelling_query, query_string):
        if not self.include_spelling:
            return None
        return self.create_spelling_suggestion(spelling_query or query_string)


class FrenchWhooshEngine(WhooshEngine):
    backend = FrenchWhooshSearchBackend
