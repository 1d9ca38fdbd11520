"""Normalizes Albanian tokens and query strings.

* Unicode NFC, so ``e`` + U+0308 and ``ë`` are one letter;
* one apostrophe form (') for ’ ‘ ʼ ´ `, and one quote form (") for „ “ ” « »
  ‹ › (so a query ``„Brezi dhe Rruga“`` is a phrase query);
* lowercase.

Diacritics (ë→e, ç→c) are *not* folded here but in the key (see
`analyzers.stemmer`): the key is folded, so ``Kines`` finds ``Kinës``, while the
stemmer first analyzes the word as written, so ``të``/``te`` or ``punë``/``pune``
are told apart wherever the lexicon can. Measured in docs/analyzers.md.
"""

from __future__ import annotations

import unicodedata

from whoosh.analysis import Filter

# People often type e for ë and c for ç (`Kines` for `Kinës`).
DIACRITIC_FOLDING = str.maketrans({"ë": "e", "ç": "c", "Ë": "E", "Ç": "C"})
APOSTROPHE_FORMS = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u00b4`"})
QUOTE_FORMS = str.maketrans({c: '"' for c in "\u201e\u201c\u201d\u00ab\u00bb\u2039\u203a"})


def fold_diacritics(text: str) -> str:
    """Returns text with ë→e and ç→c, after composing it to NFC."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text.translate(DIACRITIC_FOLDING)


def strip_accents(text: str) -> str:
    """Every accent dropped, case kept, composed to NFC: `Kinës çmimi` ->
    `Kines cmimi`, `Müller` -> `Muller`. How text typed without diacritics
    is compared with text written with them (typed names, evaluation queries);
    the analysis itself folds only ë and ç (fold_diacritics), its keys'
    format."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def normalize(text: str) -> str:
    """NFC, one apostrophe and one quote form, lowercase."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFC", text).translate(APOSTROPHE_FORMS).translate(QUOTE_FORMS).lower()


def normalize_query(query: str) -> str:
    """For a query string before parsing: NFC and one quote/apostrophe form, case kept."""
    if query.isascii():
        return query
    return unicodedata.normalize("NFC", query).translate(APOSTROPHE_FORMS).translate(QUOTE_FORMS)


class AlbanianNormalizer(Filter):
    """Normalizes each token's text (see `normalize`)."""

    def __eq__(self, other):
        return self.__class__ is other.__class__

    def __call__(self, tokens):
        cache = _NORMALIZED
        for t in tokens:
            text = t.text
            if text.isascii():
                t.text = text.lower()
            else:
                n = cache.get(text)
                if n is None:
                    n = normalize(text)
                    if len(cache) < _CACHE_LIMIT:
                        cache[text] = n
                t.text = n
            yield t


# Memo of non-ASCII token -> normalized form (word forms repeat heavily).
_NORMALIZED: dict[str, str] = {}
_CACHE_LIMIT = 200_000


class DiacriticFoldingFilter(Filter):
    """Folds ë and ç in each token's text (see fold_diacritics)."""

    def __eq__(self, other):
        return self.__class__ is other.__class__

    def __call__(self, tokens):
        for token in tokens:
            token.text = fold_diacritics(token.text)
            yield token
