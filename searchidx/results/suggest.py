""" "Did you mean …": corrections built from the index's own vocabulary.

The index holds analyzed terms (stemmed keys), which are not words one can
show. So the vocabulary here is of words as the articles write them, counted
over the stored text of a sample of articles at the first need and kept with
the searcher. A typed word is compared with it with ë/ç and case set aside,
so `Kines` is answered by `Kinës` (diacritics restored) and `Kinse` by
`Kinës` too (one transposition); the most frequent spelling near the typed
one wins, and a word the articles themselves often write is left as it is.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter, defaultdict

from searchidx.errors import QuerySyntaxError
from searchidx.index.doctable import fold_key
from searchidx.query.parser import parse_tree, plain_tree, query_words

WORD = re.compile(r"[^\W\d_]+")
# A correction must be this many times as frequent as the typed spelling.
MORE_FREQUENT = 3
MIN_WORD_LETTERS = 3
# Articles whose words make up the vocabulary (see Vocabulary.from_searcher).
VOCABULARY_SAMPLE = 1500
# Characters of each sampled article read for the vocabulary: the opening of
# an article holds its common words, and a 10 MB article must not make the
# first "did you mean" take seconds.
VOCABULARY_ARTICLE_CHARS = 20_000
# "Did you mean" is a courtesy and must stay cheap: queries longer than this
# (pasted text, where a "correction" would only be noise) get none, words
# longer than this are no typos to fix, only this many words are looked at,
# and the look-up stops when its time is up (then no suggestion is made, so
# the same query always gets the same answer on an idle machine).
SUGGEST_MAX_CHARS = 200
SUGGEST_MAX_WORD_LETTERS = 30
SUGGEST_MAX_WORDS = 12
SUGGEST_SECONDS = 0.5


def max_distance(word: str) -> int:
    """Edits allowed for a word of this length: short words change meaning fast."""
    return 1 if len(word) <= 5 else 2


class Vocabulary:
    """Words of the indexed text, lowercased, with counts, grouped for lookup."""

    def __init__(self, counts: Counter[str]):
        self.counts = counts
        self.by_fold: dict[str, list[str]] = defaultdict(list)  # folded -> spellings
        # Words as typed with their ë left out (nafts, shqiptar for
        # shqiptarë): a common way to type Albanian without ë, so such a
        # word is nearer than any other one edit away.
        self.by_dropped_e: dict[str, set[str]] = defaultdict(set)
        for word in counts:
            folded = fold_key(word)
            self.by_fold[folded].append(word)
            if "ë" in word:
                self.by_dropped_e[fold_key(word.replace("ë", ""))].add(folded)
        # Candidates for edits are looked up by first letter and length.
        self.buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for folded in self.by_fold:
            self.buckets[(folded[0], len(folded))].append(folded)

    @classmethod
    def from_searcher(cls, searcher, sample: int | None = None) -> Vocabulary:
        """Counts the words of up to `sample` articles, spread evenly over the index.

        Reading every stored article takes time in proportion to the index;
        a sample of a fixed size still holds the words common enough to be meant.
        """
        sample = sample or VOCABULARY_SAMPLE
        reader = searcher.reader()
        docnums = [d for d in reader.all_doc_ids()]
        step = max(1, len(docnums) // sample)
        counts: Counter[str] = Counter()
        for docnum in docnums[::step]:
            body = reader.stored_fields(docnum).get("body", "")[:VOCABULARY_ARTICLE_CHARS]
            counts.update(w.lower() for w in WORD.findall(body))
        return cls(counts)

    def frequency(self, folded: str) -> int:
        return sum(self.counts[w] for w in self.by_fold.get(folded, ()))

    def best_spelling(self, folded: str) -> str:
        return max(self.by_fold[folded], key=lambda w: (self.counts[w], w))

    def correct(self, typed: str) -> str | None:
        """The spelling to suggest for a typed word, or None to keep it."""
        lowered = typed.lower()
        folded = fold_key(lowered)
        if len(folded) < MIN_WORD_LETTERS or not folded.isalpha():
            return None
        typed_count = self.counts.get(lowered, 0)
        best: tuple[float, int, str] | None = None  # (distance, -count, folded)
        limit = max_distance(folded)
        without_e = self.by_dropped_e.get(folded, ())
        for length in range(len(folded) - limit, len(folded) + limit + 1):
            for candidate in self.buckets.get((folded[0], length), ()):
                distance: float = 0 if candidate == folded else bounded_distance(folded, candidate, limit)
                if distance > limit:
                    continue
                if distance and candidate in without_e:
                    distance = 0.5  # only its ë left out
                key = (distance, -self.frequency(candidate), candidate)
                if best is None or key < best:
                    best = key
        if best is None:
            return None
        spelling = self.best_spelling(best[2])
        if spelling == lowered or (typed_count and self.counts[spelling] < MORE_FREQUENT * typed_count):
            return None
        return spelling


def bounded_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, or limit+1 once past it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def match_case(spelling: str, typed: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return spelling.upper()
    if typed[:1].isupper():
        return spelling[:1].upper() + spelling[1:]
    return spelling


class Suggester:
    """Suggests a corrected query; the vocabulary is read at the first need."""

    def __init__(self, searcher, ranking=None):
        self.searcher = searcher
        self._vocabulary: Vocabulary | None = None
        self._lock = threading.Lock()

    @property
    def vocabulary(self) -> Vocabulary:
        with self._lock:
            if self._vocabulary is None:
                self._vocabulary = Vocabulary.from_searcher(self.searcher)
            return self._vocabulary

    def candidate(self, query_text: str, syntax: bool = True) -> str | None:
        """The query with its words corrected, or None when no word needs it
        (or the query is too long to be worth it, or the time ran out)."""
        if len(query_text) > SUGGEST_MAX_CHARS:
            return None
        deadline = time.monotonic() + SUGGEST_SECONDS
        try:
            tree = parse_tree(query_text) if syntax else plain_tree(query_text)
        except QuerySyntaxError:
            return None
        corrected = query_text
        changed = False
        pieces = [
            piece
            for word in dict.fromkeys(query_words(tree))
            for piece in WORD.findall(word)
            if len(piece) <= SUGGEST_MAX_WORD_LETTERS
        ][:SUGGEST_MAX_WORDS]
        if not any(len(fold_key(piece)) >= MIN_WORD_LETTERS for piece in pieces):
            # Nothing long enough to correct (`Kr` while typing `Kritika`):
            # the vocabulary, slow to read on a large index, is not needed.
            return None
        vocabulary = self.vocabulary
        for piece in dict.fromkeys(pieces):
            if time.monotonic() > deadline:
                return None
            spelling = vocabulary.correct(piece)
            if spelling is None:
                continue
            replacement = match_case(spelling, piece)
            corrected = re.sub(rf"(?<!\w){re.escape(piece)}(?!\w)", replacement, corrected)
            changed = True
        return corrected if changed and corrected != query_text else None
