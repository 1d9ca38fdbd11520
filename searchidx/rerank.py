"""Re-ranking the first hits by the character 4-grams they share with the query.

The analyzer's keys meet a word's inflections (`Kina`, `Kinës`), and near
forms (searchidx.nearforms) its derivations that keep six letters, but a
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
sets (half a query's worth on ntrex, none on lajmi) and would pay the
re-ranking's ~8 ms inside the 50 ms a short query is allowed.

Measured with `searchidx eval` (README "Ranking"): lajmi MRR@10 0.835 ->
0.850, ntrex 0.878 -> 0.880; settings near these gave 0.845-0.853.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Callable, Sequence

from analyzers import fold_diacritics, is_stopword, normalize

NGRAM = 4
# BM25 over the grams: Lucene's defaults, and the IDF squared as for keys
# (searchidx.ranking): a gram few hits share tells them apart.
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


def gram_scores(query: Counter, bodies: Sequence[str]) -> list[float]:
    """BM25 of each body over the query's grams, with IDF and mean length
    taken among `bodies` themselves."""
    counts: list[Counter] = []
    lengths: list[int] = []
    # Each distinct word is looked at once per query: (its number of grams,
    # those of them the query holds), mostly none.
    seen: dict[str, tuple[int, tuple[str, ...]]] = {}
    for body in bodies:
        tf: Counter = Counter()
        length = 0
        for raw, times in Counter(_WORD.findall(body)).items():
            found = seen.get(raw)
            if found is None:
                grams = word_grams(raw)
                found = seen[raw] = (len(grams), tuple(g for g in grams if g in query))
            length += found[0] * times
            for gram in found[1]:
                tf[gram] += times
        counts.append(tf)
        lengths.append(length)
    n = len(bodies)
    held = Counter(gram for tf in counts for gram in tf)
    idf = {gram: (math.log(n / df) + 1) ** IDF_POWER for gram, df in held.items()}
    mean = sum(lengths) / n if n else 0.0
    scores = []
    for tf, length in zip(counts, lengths):
        norm = (1 - B) + B * length / mean if mean else 1.0
        scores.append(
            sum(query[g] * idf[g] * f * (K1 + 1) / (f + K1 * norm) for g, f in tf.items())
        )
    return scores


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
