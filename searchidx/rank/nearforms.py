"""Near forms: part of a query word's score for its relatives the analyzer keeps apart.

The analyzer gives one key to a word's inflected forms (`Kina`, `Kinës`)
but not to its derivations, which headlines trade freely with the article's
wording: `infektimi` (key infektim) against `u infektua` (infektoj),
`transferimi` against `transferohet`, `gjykatës` against `gjykatë`. A query
key that an article lacks is credited through the article's keys sharing
its first `prefix` letters, scored by BM25 as if they were one key (their
frequencies summed, the IDF of the articles holding any of them), times
`weight`.

The credit only ranks: it is never added where the key itself is, and it
never makes an article match (an article matching nothing else scores 0),
so totals, facets and filters are those of the words alone. 6 letters at
weight 1.0 were chosen on the development sets; what each setting scored
is in docs/ranking.md ("Near forms").

The array scorer (searchidx.rank.scorer) gives the credit, and every query
is ranked by it (searchidx.rank.ranker): Whoosh's own search would read a
NearFormTerm as the plain Term it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import log

import numpy as np
from whoosh import query as wq

from searchidx.index.postings import PostingReader
from searchidx.query.builder import NearFormTerm


def prefix_keys(fieldname: str, prefix: str, searcher, cache: PostingReader) -> tuple[bytes, ...]:
    """The index's keys starting with `prefix` (kept per reader)."""
    return cache.remembered(
        ("near keys", fieldname, prefix), lambda: tuple(searcher.reader().expand_prefix(fieldname, prefix))
    )


def prefix_frequencies(fieldname: str, prefix: str, searcher, cache: PostingReader) -> tuple[np.ndarray, np.ndarray]:
    """The articles holding a key that starts with `prefix` (ascending), and
    each one's summed frequency of those keys (kept per reader)."""

    def read() -> tuple[np.ndarray, np.ndarray]:
        found = [cache.postings(fieldname, text) for text in prefix_keys(fieldname, prefix, searcher, cache)]
        if not found:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        docs, where = np.unique(np.concatenate([d for d, _ in found]), return_inverse=True)
        return docs, np.bincount(where, weights=np.concatenate([w for _, w in found]), minlength=len(docs))

    return cache.remembered(("near forms", fieldname, prefix), read)


def prefix_idf(weighting, df: int, n: int) -> float:
    """The IDF of the `df` articles holding a key with the prefix, by the
    weighting's own formula (searchidx.rank.settings's sharp IDF), else Whoosh's."""
    idf_of = getattr(weighting, "idf_of", None)
    return idf_of(df, n) if idf_of is not None else log(n / (df + 1)) + 1


def credited_near_forms(query, docnums: Sequence[int], searcher, cache: PostingReader) -> list[frozenset[str]]:
    """The near forms each article was credited for, to highlight: for each
    NearFormTerm of the query whose key the article lacks, the article's keys
    sharing the key's first letters. One set per document number given;
    each key's postings are read once for them all."""
    docs = np.asarray(docnums, dtype=np.int64)
    found: list[set[str]] = [set() for _ in docnums]
    for leaf in _scored_terms(query):
        if leaf.weight <= 0 or len(leaf.text) < leaf.prefix or not len(docs):
            continue
        lacking = ~_held(docs, cache.docs(leaf.fieldname, leaf.text.encode("utf-8")))
        if not lacking.any():
            continue
        for text in prefix_keys(leaf.fieldname, leaf.text[: leaf.prefix], searcher, cache):
            for i in np.flatnonzero(lacking & _held(docs, cache.docs(leaf.fieldname, text))):
                found[i].add(text.decode("utf-8"))
    return [frozenset(f) for f in found]


def _scored_terms(query):
    """The query's NearFormTerms that add to scores: not those of excluded words."""
    if isinstance(query, NearFormTerm):
        yield query
    elif isinstance(query, wq.AndNot):
        yield from _scored_terms(query.a)
    elif query.is_leaf():
        return
    else:
        for child in query.children():
            yield from _scored_terms(child)


def _held(docs: np.ndarray, term_docs: np.ndarray) -> np.ndarray:
    """Which of `docs` are among a term's documents (ascending)."""
    if not len(term_docs):
        return np.zeros(len(docs), dtype=bool)
    at = np.minimum(np.searchsorted(term_docs, docs), len(term_docs) - 1)
    return term_docs[at] == docs
