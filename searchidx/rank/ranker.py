"""Ranking a built query's matches: the first hits and every match, one way for every query.

Every query the builder makes (words, their near forms, phrases, prefixes,
AND, OR, NOT) is scored by the array scorer (searchidx.rank.scorer), so a
word gets its near-form credit whatever stands beside it: a query that sent
a prefix such as `ndërt*` to Whoosh's own scoring used to rank its other
words without that credit. Sorting by date and the recency boost reorder
the same scores.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from searchidx.index.doctable import NO_DATE, DocTable
from searchidx.index.postings import PostingReader
from searchidx.rank.scorer import all_docs, scorable, score_query, top_docs
from searchidx.rank.settings import recency_factor

RELEVANCE, DATE = "relevance", "date"
SORTS = (RELEVANCE, DATE)

_MICROSECONDS_PER_DAY = 86_400 * 1_000_000
_NO_DOCS = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class Ranked:
    """The first hits, best first, and every match."""

    hits: list[tuple[int, float]]  # (document number, score)
    matches: np.ndarray  # the numbers of every matching document, ascending


def rank(
    searcher,
    table: DocTable,
    postings: PostingReader,
    query,
    allowed: set[int] | None,
    top: int,
    sort: str = RELEVANCE,
    recency: float = 0.0,
) -> Ranked:
    """The first `top` hits of `query` among the `allowed` documents (None:
    any), by relevance or by date, with the recency boost if given."""
    if allowed is not None and not allowed:
        return Ranked([], _NO_DOCS)
    if query is None:
        # Filters alone (or only words the analyzer drops): nothing to score,
        # so newest first.
        matches = np.array(sorted(allowed), dtype=np.int64) if allowed else _NO_DOCS
        return Ranked(_by_date(table, [(d, 0.0) for d in matches.tolist()])[:top], matches)
    if not scorable(query, searcher.weighting):
        raise TypeError(f"{type(searcher.weighting).__name__} cannot rank {query!r}: searchidx ranks by BM25F")
    scored = score_query(query, searcher, postings)
    allowed_mask = _mask(allowed, postings.size) if allowed is not None else None
    matches = np.flatnonzero(scored.mask if allowed_mask is None else scored.mask & allowed_mask)
    if sort == RELEVANCE and not recency:
        hits = top_docs(scored, top, matches=matches)
    else:
        hits = all_docs(scored, allowed_mask)
        if recency:
            hits = _with_recency(table, hits, recency)
        if sort == DATE:
            hits = _by_date(table, hits)
        hits = hits[:top]
    return Ranked(hits, matches)


def _mask(docs: set[int], size: int) -> np.ndarray:
    mask = np.zeros(size, dtype=bool)
    if docs:
        mask[np.fromiter(docs, dtype=np.int64, count=len(docs))] = True
    return mask


def _by_date(table: DocTable, scored: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Newest first, relevance breaking ties, undated (NO_DATE, below any date) last."""
    starts = table.starts
    return sorted(scored, key=lambda item: (-int(starts[item[0]]), -item[1], item[0]))


def _with_recency(table: DocTable, scored: list[tuple[int, float]], recency: float) -> list[tuple[int, float]]:
    newest = table.newest()
    starts = table.starts
    boosted = []
    for docnum, score in scored:
        start = int(starts[docnum])
        age = None if start == NO_DATE or newest is None else (newest - start) / _MICROSECONDS_PER_DAY
        boosted.append((docnum, score * recency_factor(age, recency)))
    return sorted(boosted, key=lambda item: (-item[1], item[0]))
