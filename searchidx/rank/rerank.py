"""Re-ranking the first hits by the character 4-grams they share with the query.

The analyzer's keys meet a word's inflections (`Kina`, `Kinës`), and near
forms (searchidx.rank.nearforms) its derivations that keep six letters, but a
headline still words things its article writes otherwise: a foreign name
inflected (`Conten` against `Conte`, `Daviesin` against `Davies`), a
shorter derivation, a word the analyzer reads as another. Character
4-grams of the words as written (lowercase, without ë/ç, stop words left
out, each word padded with a space: ` kin`, `kine`, `ines`, `nes `) meet
them part-way, as in McNamee and Mayfield's n-gram indexing for languages
rich in inflection.

The grams re-rank; they do not search. The first `depth` hits of the key
ranking are scored by BM25 over the query's 4-grams, counted among those
hits alone: a gram's IDF counts the hits holding it, and lengths are
normalised by the hits' mean, so the grams that tell apart the articles on
one story weigh most, and no second index is kept. A hit's score gains
`weight` x the best key score x its gram score / the best gram score. The
matches, their total, the facets and the order below `depth` are those of
the keys.

Only queries of at least `MIN_WORDS` words (not stop words) are re-ranked:
a headline-like query is where the keys leave the articles on one story
close together. Three words gained nothing reliable on the development
sets and would pay the re-ranking's cost on the queries that must be
fastest. What it and the settings near it scored with `searchidx eval`:
docs/ranking.md ("Re-ranking by character 4-grams").
"""

from __future__ import annotations

import math
import re
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import repeat

import numpy as np

from analyzers import fold_diacritics, is_stopword, normalize

NGRAM = 4
# BM25 over the grams: Lucene's defaults, and the IDF squared as for keys
# (searchidx.rank.settings): a gram few hits share tells them apart.
K1 = 1.2
B = 0.75
IDF_POWER = 2.0
MIN_WORDS = 4

_WORD = re.compile(r"\w+")


# ~500 bytes a word: the memo stays under ~35 MB however long a session runs.
@lru_cache(maxsize=1 << 16)
def word_grams(raw: str) -> tuple[str, ...]:
    """The 4-grams of one word as written (none for a stop word)."""
    word = normalize(raw)
    if is_stopword(word):
        return ()
    padded = f" {fold_diacritics(word)} "
    return tuple(padded[i : i + NGRAM] for i in range(max(1, len(padded) - NGRAM + 1)))


def query_grams(words: Sequence[str]) -> Counter:
    """The 4-grams of the query's words (each word may hold several: `COVID-19`)."""
    grams: Counter = Counter()
    for text in words:
        for raw in _WORD.findall(text):
            grams.update(word_grams(raw))
    return grams


def worth_reranking(words: Sequence[str]) -> bool:
    """Whether the query has MIN_WORDS words that are not stop words."""
    return sum(1 for text in words for raw in _WORD.findall(text) if word_grams(raw)) >= MIN_WORDS


class GramTable:
    """Each word form seen, numbered, with its 4-grams numbered: a process's
    memo of `word_grams`, laid out as arrays so that a query's grams are
    counted in the candidates' words by numpy, not word by word.

    Grows with the distinct words of the articles re-ranked, and starts
    over past MAX_WORDS (about 50 MB).
    """

    MAX_WORDS = 1 << 18

    def __init__(self):
        self.lock = threading.Lock()  # held while numbers are handed out and read
        self._clear()

    def _clear(self) -> None:
        self.word_ids: dict[str, int] = {}
        self.gram_ids: dict[str, int] = {}
        self._sizes = array("q")  # grams of each word (0 for a stop word)
        self._starts = array("q", [0])  # where each word's grams start in _grams
        self._grams = array("q")  # gram numbers, word after word, in order, repeats kept

    def numbered(self, words: list[str]) -> np.ndarray:
        """The number of each word form (new ones numbered now)."""
        if len(self.word_ids) > self.MAX_WORDS:
            self._clear()
        get = self.word_ids.get
        ids = np.fromiter(map(get, words, repeat(-1)), dtype=np.int64, count=len(words))
        unknown = np.flatnonzero(ids < 0)
        if len(unknown):
            for word in dict.fromkeys(words[i] for i in unknown):
                self._add(word)
            ids[unknown] = [self.word_ids[words[i]] for i in unknown]
        return ids

    def _add(self, word: str) -> None:
        grams = word_grams(word)
        number = self.gram_ids.setdefault
        self._grams.extend(number(gram, len(self.gram_ids)) for gram in grams)
        self._sizes.append(len(grams))
        self._starts.append(len(self._grams))
        self.word_ids[word] = len(self.word_ids)

    def grams_of(self, words: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For each word number given, its number of grams; and all their
        grams one after another, with each one's place in its word."""
        sizes = np.frombuffer(self._sizes, dtype=np.int64)[words]
        starts = np.frombuffer(self._starts, dtype=np.int64)[words]
        place = _ranges(sizes)
        return sizes, np.frombuffer(self._grams, dtype=np.int64)[np.repeat(starts, sizes) + place], place

    def query_numbers(self, grams: list[str]) -> np.ndarray:
        """Each gram number's index in `grams` (-1 for the others)."""
        found = np.full(len(self.gram_ids), -1, dtype=np.int64)
        for q, gram in enumerate(grams):
            number = self.gram_ids.get(gram)
            if number is not None:
                found[number] = q
        return found


_table = GramTable()


def _ranges(sizes: np.ndarray) -> np.ndarray:
    """0..size-1 for each size, one after another."""
    total = int(sizes.sum())
    return np.arange(total) - np.repeat(np.cumsum(sizes) - sizes, sizes)


def gram_scores(query: Counter, bodies: Sequence[str]) -> list[float]:
    """BM25 of each body over the query's grams, with IDF and mean length
    taken among `bodies` themselves.

    The grams are counted with arrays over the bodies' words (GramTable);
    each body's score then adds its grams' terms in the order the grams
    first occur in it, the order a count word by word adds them, so the
    scores are those, to the last bit.
    """
    n = len(bodies)
    grams = list(query)
    if not n or not grams:
        return [0] * n
    words = [_WORD.findall(body) for body in bodies]
    flat = [w for found in words for w in found]
    with _table.lock:
        ids = _table.numbered(flat)
        sizes, word_grams_flat, place = _table.grams_of(ids)
        wanted = _table.query_numbers(grams)
    doc_of_word = np.repeat(np.arange(n), [len(found) for found in words])
    lengths = np.bincount(doc_of_word, weights=sizes, minlength=n)
    # Every occurrence of a query gram, in the order the bodies hold them.
    q_of = wanted[word_grams_flat]
    hit = np.flatnonzero(q_of >= 0)
    key = np.repeat(doc_of_word, sizes)[hit] * len(grams) + q_of[hit]
    keys, first, tf = np.unique(key, return_index=True, return_counts=True)
    keys, tf = keys[np.argsort(first, kind="stable")], tf[np.argsort(first, kind="stable")]
    doc, q = keys // len(grams), keys % len(grams)
    df = np.bincount(q, minlength=len(grams))
    idf = np.array([(math.log(n / d) + 1) ** IDF_POWER if d else 0.0 for d in df.tolist()])
    length_list = lengths.tolist()
    mean = sum(length_list) / n
    norms = np.array([(1 - B) + B * length / mean if mean else 1.0 for length in length_list])
    weights = np.array([query[g] for g in grams], dtype=np.float64)
    f = tf.astype(np.float64)
    terms = weights[q] * idf[q] * f * (K1 + 1) / (f + K1 * norms[doc])
    # `first` orders each body's grams as they first occur, bodies in turn.
    by_doc = np.split(terms, np.cumsum(np.bincount(doc, minlength=n))[:-1])
    return [sum(part.tolist()) for part in by_doc]


def rerank(
    ranked: list[tuple[int, float]],
    words: Sequence[str],
    body_of: Callable[[int], str],
    depth: int,
    weight: float,
) -> list[tuple[int, float]]:
    """`ranked` ([(docnum, score)], best first) with its first `depth` hits
    re-ordered by their 4-gram scores (see the module docstring)."""
    if depth < 2 or weight <= 0 or len(ranked) < 2 or not worth_reranking(words):
        return ranked
    head, tail = ranked[:depth], ranked[depth:]
    scores = gram_scores(query_grams(words), [body_of(docnum) for docnum, _ in head])
    best_gram = max(scores)
    best_key = max(score for _, score in head)
    if best_gram <= 0 or best_key <= 0:
        return ranked
    boosted = [(docnum, score + weight * best_key * g / best_gram) for (docnum, score), g in zip(head, scores)]
    return sorted(boosted, key=lambda item: (-item[1], item[0])) + tail
