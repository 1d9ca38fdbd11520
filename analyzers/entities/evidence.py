"""Evidence from many texts about how names are written.

Its own module so that extraction and resolution (which reads it) both
import it without importing each other.
"""

from __future__ import annotations

from collections import Counter

from analyzers.entities.mentions import scan


class Evidence:
    """Counts of names written bare across many texts (a whole index).

    Whether a final -i or -u is a case ending depends on the name: ``Trumpi``
    is ``Trump`` because ``Trump`` is written elsewhere; ``Kurti`` stays,
    since ``Kurt`` never is. An article alone may not say; a corpus does.
    """

    def __init__(self) -> None:
        self.bare: Counter[str] = Counter()

    def add_text(self, text: str) -> None:
        for run in scan(text):
            for tok in run.tokens:
                if tok.is_cap and not tok.sentence_initial:
                    self.bare[tok.text] += 1

    def __contains__(self, word: str) -> bool:
        return self.bare.get(word, 0) > 0
