"""A government named by its head: ``Qeveria Kurti``, ``Qeverisë Hoti``,
``qeverisë Mitsotakis``. The noun for a government right before a
surname, with no genitive article between (``Qeveria e Kosovës`` is
named by its state, a name of its own), makes one organisation of the
two: the cabinet that person led, not the person (docs/entities.md,
seventh round). The surname after the noun stays in the nominative, the
noun declines: the canonical form is ``Qeveria`` and the surname as
written."""

from __future__ import annotations

import re
from typing import Final

from analyzers.entities.piece import Piece

# Where the noun may stand in a text (looked for first: most articles name
# no government so)
MARK: Final = "everi"
# The noun in the singular, any case, capitalised or not, then one space
# before the name: qeveri, qeveria, qeverinë, qeverisë (a government is
# named by one person: the plural is no cabinet's name). Matched from the
# letter before MARK.
_NOUN: Final = re.compile(r"[Qq]everi(?:a|në|së)?[ \t\u00a0]")


def governments(pieces: list[Piece], text: str) -> list[Piece]:
    """The pieces with each one-word name after the noun for a government
    (a surname: typed a person, or nothing for want of evidence) made the
    government, ORG, its span opening at the noun; a piece of the noun
    alone right before it (a sentence's first word kept) goes."""
    nouns: dict[int, int] = {}  # where a name after the noun starts -> where the noun does
    k = text.find(MARK, 1)
    while k >= 0:
        m = _NOUN.match(text, k - 1)
        if m is not None and text[m.end() : m.end() + 1].isupper() and not (k > 1 and text[k - 2].isalnum()):
            nouns[m.end()] = k - 1
        k = text.find(MARK, k + 1)
    if not nouns:
        return pieces
    drop: set[int] = set()
    for j, p in enumerate(pieces):
        start = nouns.get(p.start)
        if start is None or len(p.words) != 1 or p.acronym or not (p.type == "PER" or p.by_default):
            continue
        if j and pieces[j - 1].start == start:
            drop.add(j - 1)  # the noun read as a name of its own
        p.start = start
        p.type, p.by_default = "ORG", False
        p.canonical = f"Qeveria {p.words[0]}"
    return [p for j, p in enumerate(pieces) if j not in drop] if drop else pieces
