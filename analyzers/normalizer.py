"""Normalizes Albanian word tokens so that typing habits do not miss matches."""

import unicodedata

from whoosh.analysis import Filter

# People often type e for ë and c for ç (`Kines` for `Kinës`): fold both.
DIACRITIC_FOLDING = str.maketrans({"ë": "e", "ç": "c", "Ë": "E", "Ç": "C"})


def fold_diacritics(text: str) -> str:
    """Returns text with ë→e and ç→c, after composing it to NFC."""
    return unicodedata.normalize("NFC", text).translate(DIACRITIC_FOLDING)


class DiacriticFoldingFilter(Filter):
    """Folds ë and ç in each token's text (see fold_diacritics)."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = fold_diacritics(token.text)
            yield token
