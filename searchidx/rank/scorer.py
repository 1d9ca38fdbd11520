"""BM25F over whole posting lists at once, for queries made of words.

The usual query is an OR of words (or AND, AND NOT, required-and-optional
over words). Whoosh scores it by walking a tree of matcher objects document
by document in Python, slowest for the common words. Here
each term's posting list (searchidx.index.postings, decoded once per reader) is
scored in one vector expression and the query tree is combined as arrays
over all documents: a score array and a match mask. The formula, its
statistics (idf, average field length, Whoosh's one-byte field lengths) and
the way And/Or/AndNot/AndMaybe add scores are Whoosh's own, so scores agree
with `searcher.search` up to float rounding and rankings are the same (ties:
lower document number first, as Whoosh's collector orders them).

One addition is searchidx's own: a NearFormTerm's credit for the near forms
of a key an article lacks (searchidx.rank.nearforms), which Whoosh does not know;
with plain Terms the scores are Whoosh's.

Only Whoosh's BM25F weighting is computed here, with whatever k1, B per field
and field boosts the searcher's weighting and the query carry; any other
weighting or query kind (prefixes) is left to Whoosh
(`scorable` says which).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh import query as wq
from whoosh import scoring

from searchidx.codec.whoosh_support import field_b
from searchidx.index.postings import LENGTH_OF_CODE, POSITION_SPAN, PostingReader
from searchidx.query.builder import NearFormTerm
from searchidx.rank.nearforms import prefix_frequencies, prefix_idf


@dataclass
class Scored:
    """Scores (0 where unmatched) and the match mask, both over every document."""

    scores: np.ndarray
    mask: np.ndarray

    def docs(self) -> np.ndarray:
        """Numbers of the matching documents, ascending."""
        return np.flatnonzero(self.mask)


def scorable(query, weighting) -> bool:
    """Whether score_query can score this query exactly as Whoosh would."""
    return _bm25f_scores(weighting) and _words_only(query)


def _bm25f_scores(weighting) -> bool:
    """Whether a weighting scores documents as Whoosh's BM25F does.

    A subclass may change the statistics it reads through the searcher (its
    own `idf`, as searchidx.rank.settings's does: the scorer asks searcher.idf,
    which asks the weighting), but not the per-document formula or a final
    rescoring, which this module would not see.
    """
    return (
        isinstance(weighting, scoring.BM25F)
        and type(weighting).scorer is scoring.BM25F.scorer
        and type(weighting).final is scoring.BM25F.final
        and not getattr(weighting, "use_final", False)
    )


def _words_only(query) -> bool:
    if type(query) in (wq.Term, NearFormTerm, wq.Prefix):
        return True
    if type(query) is wq.Phrase:
        # Ordered, within `slop` (Whoosh's SpanNear2 with mindist 1).
        return query.char_ranges is None
    if type(query) in (wq.Or, wq.And):
        # Or(scale=...) would scale scores by the share of matching words.
        return getattr(query, "scale", None) is None and all(_words_only(sub) for sub in query.subqueries)
    if type(query) in (wq.AndNot, wq.AndMaybe):
        return _words_only(query.a) and _words_only(query.b)
    return False


def score_query(query, searcher, cache: PostingReader) -> Scored:
    """Scores and matches of a `scorable` query over all documents (deleted ones unmatched)."""
    scored = _score(query, searcher, cache)
    mask = scored.mask & cache.live
    scores = np.where(mask, scored.scores, 0.0)
    return Scored(scores, mask)


def _score(query, searcher, cache: PostingReader) -> Scored:
    if isinstance(query, wq.Term):
        return _dense(cache.size, [_term_parts(query, searcher, cache)])
    if isinstance(query, wq.Phrase):
        return _score_phrase(query, searcher, cache)
    if isinstance(query, wq.Prefix):
        return _score_prefix(query, searcher, cache)
    if isinstance(query, wq.Or):
        # Words are added where they occur, not as arrays over every article
        # (a headline OR-ed is a dozen words; the corpus, 200,000 articles).
        scores = np.zeros(cache.size, dtype=np.float64)
        mask = np.zeros(cache.size, dtype=bool)
        for sub in query.subqueries:
            if isinstance(sub, wq.Term):
                _add(scores, mask, _term_parts(sub, searcher, cache))
            else:
                part = _score(sub, searcher, cache)
                scores += part.scores
                mask |= part.mask
        return Scored(scores, mask)
    if isinstance(query, wq.And):
        parts = [_score(sub, searcher, cache) for sub in query.subqueries]
        mask = np.logical_and.reduce([p.mask for p in parts])
        return Scored(np.where(mask, _sum(p.scores for p in parts), 0.0), mask)
    if isinstance(query, wq.AndNot):
        a = _score(query.a, searcher, cache)
        b = _score(query.b, searcher, cache)
        mask = a.mask & ~b.mask
        return Scored(np.where(mask, a.scores, 0.0), mask)
    if isinstance(query, wq.AndMaybe):
        a = _score(query.a, searcher, cache)
        b = _score(query.b, searcher, cache)
        return Scored(np.where(a.mask, a.scores + b.scores, 0.0), a.mask)
    raise TypeError(f"not a query of words: {query!r}")


def _sum(arrays) -> np.ndarray:
    arrays = iter(arrays)
    total = next(arrays).copy()
    for array in arrays:
        total += array
    return total


# A term's scores where it counts: (documents ascending, scores, whether
# they match). A term's own documents match; the articles credited for its
# near forms get a score but do not match (searchidx.rank.nearforms).
Parts = list[tuple[np.ndarray, np.ndarray, bool]]


def _dense(size: int, parts_of_terms: list[Parts]) -> Scored:
    scores = np.zeros(size, dtype=np.float64)
    mask = np.zeros(size, dtype=bool)
    for parts in parts_of_terms:
        _add(scores, mask, parts)
    return Scored(scores, mask)


def _add(scores: np.ndarray, mask: np.ndarray, parts: Parts) -> None:
    for docs, term_scores, matches in parts:
        scores[docs] += term_scores  # a term's documents are distinct
        if matches:
            mask[docs] = True


def _term_parts(term: wq.Term, searcher, cache: PostingReader) -> Parts:
    field = searcher.schema[term.fieldname] if term.fieldname in searcher.schema else None
    if field is None:
        return []
    text = term.text if isinstance(term.text, bytes) else field.to_bytes(term.text)
    docs, weights = cache.postings(term.fieldname, text)
    parts = [(docs, _bm25(term, text, docs, weights, searcher, cache), True)] if len(docs) else []
    if isinstance(term, NearFormTerm):
        credit = _near_form_credit(term, text, docs, searcher, cache)
        if credit is not None:
            parts.append(credit + (False,))
    return parts


def _near_form_credit(term: NearFormTerm, text: bytes, key_docs: np.ndarray, searcher, cache: PostingReader):
    """(documents, scores): in each article lacking the key, `weight` times
    the BM25 of the article's keys sharing its first `prefix` letters, as
    one key; None if there is none."""
    key = text.decode("utf-8")
    if term.weight <= 0 or len(key) < term.prefix:
        return None
    held, frequencies = prefix_frequencies(term.fieldname, key[: term.prefix], searcher, cache)
    lacking = ~_among(held, key_docs)
    if not lacking.any():
        return None
    idf = prefix_idf(searcher.weighting, len(held), searcher.doc_count_all())
    docs = held[lacking]
    return docs, term.weight * _bm25(term, text, docs, frequencies[lacking], searcher, cache, idf)


def _among(docs: np.ndarray, ascending: np.ndarray) -> np.ndarray:
    """Which of `docs` are in `ascending`."""
    if not len(ascending) or not len(docs):
        return np.zeros(len(docs), dtype=bool)
    if 8 * len(docs) < len(ascending):
        at = np.minimum(np.searchsorted(ascending, docs), len(ascending) - 1)
        return ascending[at] == docs
    # Lists of common words, 100,000 articles each at 200,000: marking one
    # list's articles and reading the marks of the other's is linear, where
    # a binary search per article costs as many cache misses as its depth.
    held = np.zeros(max(int(ascending[-1]), int(docs.max())) + 1, dtype=bool)
    held[ascending] = True
    return held[docs]


def _bm25(
    term: wq.Term, text: bytes, docs, weights, searcher, cache: PostingReader, idf: float | None = None
) -> np.ndarray:
    """A term's score in each of its documents, as Whoosh's BM25FScorer computes it
    (with the term's own IDF unless another is given)."""
    weighting = searcher.weighting
    B = field_b(weighting, term.fieldname)
    K1 = weighting.K1
    # Whoosh's BM25FScorer: idf and average length from the searcher, the
    # document's length as its one-byte column gives it back.
    if idf is None:
        idf = searcher.idf(term.fieldname, text)
    avgfl = searcher.avg_field_length(term.fieldname) or 1
    # The same expression, in the same order, as whoosh.scoring.bm25. Its
    # length part is worked out for the 256 length codes and looked up by
    # each document's code: the same values as per document, without four
    # passes over a list of 200,000 articles.
    length_part = (K1 * ((1 - B) + B * LENGTH_OF_CODE / avgfl))[cache.length_codes(term.fieldname)[docs]]
    term_scores = idf * ((weights * (K1 + 1)) / (weights + length_part))
    if term.boost != 1.0:
        term_scores = term_scores * term.boost
    return term_scores


def _score_prefix(prefix: wq.Prefix, searcher, cache: PostingReader) -> Scored:
    """`ndërt*` as Whoosh's MultiTerm.matcher scores it: the index's words
    with the prefix, one alone as a plain Term (the prefix's boost left out),
    several as an Or of plain Terms, their sum times the boost. (Its
    "constant score" reaches the terms only as a weighting of None, which
    the searcher replaces with its own.)"""
    words = [word for word in prefix._btexts(searcher.reader()) if word]
    terms = [wq.Term(prefix.fieldname, word) for word in words]
    scored = _dense(cache.size, [_term_parts(term, searcher, cache) for term in terms])
    if len(terms) > 1 and prefix.boost != 1.0:
        scored.scores *= prefix.boost
    return scored


def _score_phrase(phrase: wq.Phrase, searcher, cache: PostingReader) -> Scored:
    """Whoosh scores a phrase as the sum of its words' scores (its SpanNear2
    matcher wraps their intersection), in the documents where the words stand
    in order, each within `slop` positions after the one before."""
    scores = np.zeros(cache.size, dtype=np.float64)
    mask = np.zeros(cache.size, dtype=bool)
    if phrase.fieldname not in searcher.schema:
        return Scored(scores, mask)
    field = searcher.schema[phrase.fieldname]
    texts = tuple(field.to_bytes(word) for word in phrase.words)

    def matching() -> tuple[np.ndarray, list[np.ndarray]]:
        # Only the articles holding every word are looked at, and only their
        # positions read: the rarest word's articles, narrowed by each other
        # word from the rarer up (a phrase of common words, "i tyre", has a
        # few thousand candidates among two lists of 100,000 articles).
        postings = [cache.postings(phrase.fieldname, text) for text in texts]
        by_length = sorted((docs for docs, _ in postings), key=len)
        candidates = by_length[0]
        for docs in by_length[1:]:
            candidates = candidates[_among(candidates, docs)]
        if len(candidates):
            keys = []
            for text in texts:
                docs, positions = cache.positions_in(phrase.fieldname, text, candidates)
                keys.append(docs * POSITION_SPAN + positions)
            candidates = _phrase_docs(keys, phrase.slop)
        # Each word's weight in the matched articles, for their scores.
        return candidates, [weights[np.searchsorted(docs, candidates)] for docs, weights in postings]

    # Kept per reader: a phrase searched again (another page, a filter
    # added) is neither matched again nor are its words' lists read again.
    matched, weights_of_words = cache.remembered(("phrase", phrase.fieldname, texts, phrase.slop), matching)
    if len(matched):
        # The words' scores added in the phrase's order, as Whoosh adds them,
        # each computed in the matched articles alone (the same values as
        # over the word's whole list: BM25 is computed article by article).
        total = None
        for word, text, weights in zip(phrase.words, texts, weights_of_words):
            term = wq.Term(phrase.fieldname, word, boost=phrase.boost)
            found = _bm25(term, text, matched, weights, searcher, cache)
            total = found if total is None else total + found
        scores[matched] = total
        mask[matched] = True
    return Scored(scores, mask)


def _phrase_docs(keys: list[np.ndarray], slop: int) -> np.ndarray:
    """Documents where the words' positions chain up in order, ascending.

    Spans grow word by word as Whoosh's SpanNear2 grows them: a span
    (start, end) is followed by the next word at end + 1 .. end + slop. The
    positions are numbers document * POSITION_SPAN + position, so a lookup
    never crosses into another document.
    """
    starts = ends = keys[0]
    if any(not len(k) for k in keys):
        return np.zeros(0, dtype=np.int64)
    for following in keys[1:]:
        new_starts, new_ends = [], []
        for distance in range(1, max(1, slop) + 1):
            targets = ends + distance
            at = np.minimum(np.searchsorted(following, targets), len(following) - 1)
            found = following[at] == targets
            new_starts.append(starts[found])
            new_ends.append(targets[found])
        starts, ends = np.concatenate(new_starts), np.concatenate(new_ends)
        if slop > 1 and len(starts):  # spans reached at two distances: keep one
            spans = np.unique(np.stack([starts, ends]), axis=1)
            starts, ends = spans[0], spans[1]
        if not len(starts):
            break
    return np.unique(starts // POSITION_SPAN)


def top_docs(
    scored: Scored, top: int, allowed: np.ndarray | None = None, matches: np.ndarray | None = None
) -> list[tuple[int, float]]:
    """The `top` best (docnum, score) pairs among the matches (and `allowed`),
    highest score first, lower document number first among equals.
    matches: the numbers of those matches, where the caller has them."""
    if matches is None:
        matches = np.flatnonzero(scored.mask if allowed is None else scored.mask & allowed)
    docs = matches
    if not len(docs) or top <= 0:
        return []
    scores = scored.scores[docs]
    if top < len(docs):
        # Everything scoring at least the top-th best score, ties included,
        # then the exact order among those few.
        threshold = np.partition(scores, len(docs) - top)[len(docs) - top]
        keep = scores >= threshold
        docs, scores = docs[keep], scores[keep]
    order = np.lexsort((docs, -scores))[:top]
    return [(int(d), float(s)) for d, s in zip(docs[order], scores[order])]


def all_docs(scored: Scored, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
    """Every match as (docnum, score), best first, as top_docs orders them."""
    mask = scored.mask if allowed is None else scored.mask & allowed
    return top_docs(Scored(scored.scores, mask), int(mask.sum()))
