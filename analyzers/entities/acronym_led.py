"""Names that open with an acronym: a dictionary name whose first word is one
(FC Porto, PSV Eindhoven, RB Leipzig), a club's prefix and the name after it
(FC Prishtinës, KF Llapi, KB Peja), an acronym and a word of organisation
names after it (BT Sport, BBC Radio: an outlet, not the acronym alone
and a stray word), and the letters of a court's case
number, which are none (PKR.nr.51/2014).

:mod:`analyzers.entities.cut` otherwise takes an acronym as a name of its
own, which cut every such name into the acronym and a place.
"""

from __future__ import annotations

import re
from typing import Final

from analyzers.entities.canonical import readings
from analyzers.entities.gazetteer_table import Gazetteer
from analyzers.entities.mentions import CONNECTOR_WORDS, Token, split_acronym
from analyzers.entities.piece import Piece
from analyzers.entities.words import CLUB_PREFIXES, ORG_WORDS

# What follows the letters of a court's case number (PKR.nr.51/2014).
_CASE_NUMBER: Final = re.compile(r"\.?[ \t]?nr\b", re.IGNORECASE)
# The capitalised words a club's prefix takes after it, at most.
_CLUB_WORDS: Final = 2


def case_number(text: str, end: int) -> bool:
    """Whether the acronym ending at `end` is the letters of a case number."""
    return _CASE_NUMBER.match(text, end) is not None


def acronym_led_name(text: str, toks: list[Token], i: int, gaz: Gazetteer, longest: int) -> Piece | None:
    """From toks[i] on, an acronym with no case ending: the longest
    dictionary name (of at most `longest` tokens) that spans more than it;
    else a club's prefix with the capitalised words after it (no connector,
    no other acronym), a club, its canonical the prefix and the name after
    it in the nominative (FC Prishtinës: FC Prishtina). None if neither."""
    n = len(toks)
    for j in range(min(n, i + longest), i + 1, -1):
        if toks[j - 1].text in CONNECTOR_WORDS or split_acronym(toks[j - 1].text):
            continue
        cands = gaz.lookup(" ".join(t.text for t in toks[i:j]))
        if cands:
            return Piece(toks[i].start, toks[j - 1].end, [t.text for t in toks[i:j]], list(cands), known=True)
    prefix = toks[i].text
    if i + 1 < n and toks[i + 1].text.lower() in ORG_WORDS and not split_acronym(toks[i + 1].text):
        return _settled(toks[i : i + 2], f"{prefix} {toks[i + 1].text}")  # BT Sport, BBC Radio: an outlet
    if prefix not in CLUB_PREFIXES:
        return None
    j = i + 1
    while j < n and j <= i + _CLUB_WORDS and toks[j].text not in CONNECTOR_WORDS and not split_acronym(toks[j].text):
        j += 1
    if j == i + 1:
        return None
    rest = [t.text for t in toks[i + 1 : j]]
    known = gaz.lookup(" ".join(rest))
    if known:
        base = known[0]
    elif len(rest) == 1:
        base = readings(rest[0])[0][0]
        if rest[0].endswith(("it", "in", "ut", "un")) and base[-1:] not in "aeëiou":
            # a club is named in the definite form (KF Llapi, KF Trepça): the
            # definite nominative of a masculine name declined in the text
            base += "u" if base[-1] in "kgh" else "i"
    else:
        base = " ".join(rest)
    whole = gaz.lookup(f"{prefix} {base}")
    return _settled(toks[i:j], whole[0] if whole else f"{prefix} {base}")


def _settled(toks: list[Token], canonical: str) -> Piece:
    """An organisation's piece over `toks`, its canonical settled."""
    piece = Piece(toks[0].start, toks[-1].end, [t.text for t in toks], [canonical])
    piece.type = "ORG"
    piece.known = True
    piece.canonical = canonical
    piece.acronym = True  # its canonical is settled: no case reading, no person
    return piece
