"""Albanian stop words (resources/stopwords_sq.txt) and the Whoosh filter using them.

Stop words stay in the index, at their positions, so that a phrase query
(``"Brezi dhe Rruga"``) matches exactly those words in that order. They are
dropped only from the words of a non-phrase query, so that ranking is not
drowned by ``të``, ``në``, ``e``: Whoosh's query parser analyzes a phrase with
``chars=True`` and a bare word without, which is how the filter tells them
apart (whoosh.qparser.plugins.PhrasePlugin / default.QueryParser.term_query).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from whoosh.analysis import Filter

from analyzers.normalizer import fold_diacritics

RESOURCE = Path(__file__).with_name("resources") / "stopwords_sq.txt"


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The stop words, written with diacritics and without (të and te)."""
    words = set()
    for line in RESOURCE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line)
            words.add(fold_diacritics(line))
    return frozenset(words)


def is_stopword(normalized: str) -> bool:
    """Whether a normalized (lowercase, NFC, ' apostrophe) token is a stop word."""
    return normalized in stopwords()


class AlbanianStopFilter(Filter):
    """Marks stop words; removes them only from the words of a non-phrase query."""

    def __init__(self, stoplist=None):
        self.stops = frozenset(stoplist) if stoplist is not None else stopwords()

    def __eq__(self, other):
        return self.__class__ is other.__class__ and self.stops == other.stops

    def __call__(self, tokens):
        stops = self.stops
        for t in tokens:
            # Drop stop words from a bare-word query only (no chars asked: not
            # a phrase, not the highlighter). Whoosh streams one reused Token,
            # so the first token tells the mode of them all: otherwise pass the
            # stream through untouched.
            if t.mode != "query" or t.chars or not t.removestops:
                yield t
                yield from tokens
                return
            if t.text not in stops:
                yield t
