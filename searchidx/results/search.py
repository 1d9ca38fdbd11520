"""Runs a query against an open index and shapes the results.

One search does four things over the same matches:
1. the page of hits, ranked by BM25F over whole posting lists
   (searchidx.rank.ranker), or by date, or with recency;
2. the total: every match, from the same ranking;
3. facets over that same set (searchidx.results.facets);
4. a "did you mean" when the query finds little (searchidx.results.suggest).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from whoosh import query as wq

from searchidx.codec.formats import decode_starts
from searchidx.index.column_cache import ColumnCache
from searchidx.index.doctable import DocTable
from searchidx.index.entities import Signatures, article_entities
from searchidx.index.postings import PostingReader
from searchidx.query.builder import BuildContext, build_query, existing_terms
from searchidx.query.filters import Filter, as_filters, filter_docs
from searchidx.query.parser import Group, parse_tree, plain_tree, query_filters, query_words
from searchidx.rank.nearforms import credited_near_forms
from searchidx.rank.ranker import RELEVANCE, SORTS, rank
from searchidx.rank.rerank import rerank, worth_reranking
from searchidx.rank.settings import DEFAULT_RANKING, Ranking
from searchidx.results.facets import Facets, count_facets, facet_names
from searchidx.results.snippets import Snippet, matched_positions, snippet_at

if TYPE_CHECKING:
    from whoosh.searching import Searcher

    from searchidx.results.suggest import Suggester

# Below this many matches a query "finds little" and a suggestion is sought.
SUGGEST_BELOW = 3
# ... or when one of this many words or fewer is in no article. A pasted
# headline nearly always holds such a word (a name, a number), and looking
# for a correction costs a second search, which a short query is worth and
# a long one is not.
SUGGEST_UNKNOWN_UP_TO = 4


@dataclass(frozen=True)
class Hit:
    """One matching article."""

    path: str
    date: str | None  # in the precision it has: "2023", "2023-10" or "2023-10-17"
    date_precision: str | None  # "year", "month", "day", or None when undated
    title: str
    score: float
    snippet: Snippet
    entities: dict[str, list[str]] = field(default_factory=dict)
    key: str = ""  # unique in the index (the file's absolute path): Index.article(hit.key) finds it
    record: str | None = None  # the record's id (or position) in a file of records (path); None for a file
    url: str | None = None  # where the article was published, when its source says

    @property
    def address(self) -> str:
        """The article's name relative to its folder: the path, and `#id` for a record."""
        return self.path if self.record is None else f"{self.path}#{self.record}"

    @property
    def file(self) -> str:
        """The absolute path of the article's file (for a record, of its file of records)."""
        suffix = f"#{self.record}"
        return self.key[: -len(suffix)] if self.record is not None and self.key.endswith(suffix) else self.key


@dataclass(frozen=True)
class SearchResults:
    """One page of hits, the total number of matches, and what narrows them."""

    query: str
    total: int
    page: int
    limit: int
    hits: list[Hit]
    facets: Facets | None = None  # None unless asked for
    suggestion: str | None = None  # "did you mean", when the query finds little
    filters: list[Filter] = field(default_factory=list)  # given with filters=
    query_filters: list[Filter] = field(default_factory=list)  # written in the query
    sort: str = RELEVANCE

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.limit)) if self.limit else 1

    def __iter__(self) -> Iterator[Hit]:
        """The page's hits: `for hit in results`."""
        return iter(self.hits)


def run_search(
    searcher,
    table: DocTable,
    query_text: str,
    *,
    filters: Iterable[Filter | str] = (),
    facets: bool | Sequence[str] = False,
    page: int = 1,
    limit: int = 10,
    sort: str = RELEVANCE,
    syntax: bool = True,
    recency: float = 0.0,
    ranking: Ranking = DEFAULT_RANKING,
    suggester=None,
    snippets: bool = True,
    postings: PostingReader | None = None,
) -> SearchResults:
    """Searches title and body; raises QuerySyntaxError for a broken query or filter."""
    if page < 1 or limit < 1:
        raise ValueError("page and limit must be at least 1")
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {SORTS}, not {sort!r}")
    given_filters = as_filters(filters)
    wanted_facets = facet_names(facets)
    tree = _parse(query_text, syntax, given_filters)
    context = BuildContext(
        schema=searcher.schema,
        field_weights=searched_fields(ranking, searcher.reader()),
        near_forms=ranking.near_forms(),
        filter_docs=lambda f: f.docs(table),
        query_docs=lambda q: set(searcher.docs_for_query(q)),
        live_docs=lambda: table.live,
    )
    built = build_query(tree, context)
    allowed = built.allowed
    option_docs = filter_docs(given_filters, table)
    if option_docs is not None:
        allowed = option_docs if allowed is None else allowed & option_docs
    if allowed is None and not query_text.strip():
        allowed = set(table.live)  # no query and no filter: every article

    if postings is None:
        postings = PostingReader(searcher.reader())
    top = page * limit
    words = query_words(tree) if sort == RELEVANCE and ranking.ngram_weight > 0 else []
    depth = ranking.ngram_depth if worth_reranking(words) else 0
    with postings.one_search():
        found = rank(searcher, table, postings, built.query, allowed, max(top, depth), sort, recency)
        ranked, matches = found.hits, found.matches
        # Stored fields read once a search: the re-ranking reads the bodies of
        # its first hits, and the page's hits are among them.
        stored: dict[int, dict] = {}

        def fields_of(docnum: int) -> dict:
            if docnum not in stored:
                stored[docnum] = searcher.stored_fields(docnum)
            return stored[docnum]

        if depth:
            ranked = rerank(ranked, words, lambda d: fields_of(d)["body"], depth, ranking.ngram_weight)[:top]
        page_docs = ranked[(page - 1) * limit : page * limit]
        held = _highlight_terms(searcher, built.query)  # the query's terms the index has
        terms = held - (built.stop_terms - set(built.terms))
        if not snippets:
            terms = frozenset()  # no highlighting: each hit opens with its start
        # Near forms the scorer credited are marked too.
        page_numbers = [docnum for docnum, _ in page_docs]
        credited = (
            credited_near_forms(built.query, page_numbers, searcher, postings)
            if terms and built.query is not None
            else [frozenset()] * len(page_docs)
        )
        matched = matched_positions(postings, page_numbers, [terms | near for near in credited])
    reader = searcher.reader()
    hits = [
        _hit(fields_of(docnum), score, at, reader, table.signatures) for (docnum, score), at in zip(page_docs, matched)
    ]

    suggestion = None
    if (
        suggester is not None
        and query_text.strip()
        and (
            len(matches) < SUGGEST_BELOW
            # a short query with a word in no article (`nafts` in `çmimi i nafts`):
            # the other words find plenty and the misspelt one is silently ignored
            or (len(built.terms) <= SUGGEST_UNKNOWN_UP_TO and any(t not in held for t in built.terms))
        )
    ):
        candidate = suggester.candidate(query_text, syntax)
        # Offered only if it finds at least as much (a diacritic restored
        # finds the same articles; a typo fixed finds more).
        if candidate and _count(candidate, syntax, context, allowed, searcher) >= max(1, len(matches)):
            suggestion = candidate
    return SearchResults(
        query=query_text,
        total=len(matches),
        page=page,
        limit=limit,
        hits=hits,
        facets=count_facets(matches, table, wanted_facets) if wanted_facets else None,
        suggestion=suggestion,
        filters=given_filters,
        query_filters=query_filters(tree) if syntax and isinstance(tree, Group) else [],
        sort=sort,
    )


def searched_fields(ranking: Ranking, reader) -> dict[str, float]:
    """The ranking's weighted fields that hold any text in this index: an
    index of text files alone has no titles of their own (searchidx.index.schema),
    and its queries then read the body's postings only, as before titles were
    indexed."""
    weights = ranking.field_weights()
    return {
        name: weight for name, weight in weights.items() if name == "body" or reader.field_length(name) > 0
    } or weights


def _count(query_text, syntax, context, allowed, searcher) -> int:
    built = build_query(_parse(query_text, syntax, []), context)
    if built.query is None:
        return 0
    docs = matching_docs(searcher, built.query)
    for narrowing in (built.allowed, allowed):
        if narrowing is not None:
            docs &= narrowing
    return len(docs)


def _parse(query_text: str, syntax: bool, given_filters: list[Filter]) -> Group:
    if not query_text.strip():
        return Group(())  # browsing: by the filters, or the whole index
    return parse_tree(query_text) if syntax else plain_tree(query_text)


def matching_docs(searcher, query) -> set[int]:
    """Numbers of all documents a query matches, without scoring them.

    Whoosh's docs_for_query walks the query's matcher tree document by
    document in Python; for the usual OR of words, set operations over each
    term's posting list do the same work in C, several times faster.
    """
    if isinstance(query, wq.Term):
        reader = searcher.reader()
        if (query.fieldname, query.text) not in reader:
            return set()
        return set(reader.postings(query.fieldname, query.text).all_ids())
    if isinstance(query, wq.Or):
        docs: set[int] = set()
        for sub in query.subqueries:
            docs |= matching_docs(searcher, sub)
        return docs
    if isinstance(query, wq.And):
        parts = sorted((matching_docs(searcher, sub) for sub in query.subqueries), key=len)
        return set.intersection(*parts) if parts else set()
    if isinstance(query, wq.AndNot):
        return matching_docs(searcher, query.a) - matching_docs(searcher, query.b)
    if isinstance(query, wq.AndMaybe):
        return matching_docs(searcher, query.a)
    return set(searcher.docs_for_query(query))


def _highlight_terms(searcher, query) -> frozenset[str]:
    return frozenset() if query is None else existing_terms(query, searcher.reader())


def _starts(fields: dict):
    value = fields.get("token_starts")
    return decode_starts(value) if value else None


def _hit(fields: dict, score: float, matched: dict[int, str], reader, signatures: Signatures) -> Hit:
    return Hit(
        path=fields["path"],
        date=fields.get("date_text"),
        date_precision=fields.get("date_precision"),
        title=fields["title"],
        score=round(score, 4),
        snippet=snippet_at(fields["body"], matched, _starts(fields)),
        entities=article_entities(fields, reader, signatures),
        key=fields["key"],
        record=fields.get("record"),
        url=fields.get("url"),
    )


class SearchSession:
    """A searcher kept open between searches, with the document table its
    filters and facets read; both are renewed when the index changes.

    Opening a searcher and reading the columns cost more than most queries,
    so a script or the full-screen app running many queries pays them once.
    """

    def __init__(self, whoosh_index, ranking: Ranking = DEFAULT_RANKING):
        self.ix = whoosh_index
        self.ranking = ranking
        self._lock = threading.RLock()
        self._searcher: Searcher | None = None
        self._table: DocTable | None = None
        self._postings: PostingReader | None = None
        self._suggester: Suggester | None = None

    def _current(self):
        if self._searcher is None:
            self._searcher = self.ix.searcher(weighting=self.ranking.weighting())
        elif not self._searcher.up_to_date():
            # A new searcher, not Whoosh's refresh(): refresh reuses the
            # readers of segments it had open, with their deletions as they
            # were, so documents a commit deleted (the old versions of
            # changed files) still matched: 40 hits where 30 were live.
            self._searcher.close()
            self._searcher = None
            self._searcher = self.ix.searcher(weighting=self.ranking.weighting())
            self._drop_reader_state()
        if self._table is None:
            reader = self._searcher.reader()
            self._table = DocTable(reader, ColumnCache.for_reader(self.ix, reader))
        if self._postings is None:
            self._postings = PostingReader(self._searcher.reader())
        if self._suggester is None:
            from searchidx.results.suggest import Suggester

            self._suggester = Suggester(self._searcher, self.ranking)
        return self._searcher, self._table, self._postings, self._suggester

    def _drop_reader_state(self) -> None:
        if self._postings is not None:
            self._postings.close()
        self._table = self._postings = self._suggester = None

    def search(self, query: str, **options) -> SearchResults:
        """See run_search for the options."""
        with self._lock:
            searcher, table, postings, suggester = self._current()
            if not options.pop("suggest", True):
                suggester = None
            return run_search(
                searcher, table, query, ranking=self.ranking, suggester=suggester, postings=postings, **options
            )

    def article(self, path: str, query_text: str | None = None):
        """The whole article at path (searchidx.results.reading.read_article),
        read with this session's searcher, postings and signatures."""
        from searchidx.results.reading import read_article

        with self._lock:
            searcher, table, postings, _ = self._current()
            return read_article(
                searcher,
                path,
                query_text,
                self.ranking.near_forms(),
                postings=postings,
                signatures=table.signatures,
            )

    def forget_postings(self) -> None:
        """Drops the values built from posting lists that the reader keeps
        (benchmarks/latency.py --cold measures searches that build them anew)."""
        with self._lock:
            if self._postings is not None:
                self._postings.forget()

    def close(self) -> None:
        with self._lock:
            self._drop_reader_state()
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
