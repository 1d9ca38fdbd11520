"""A street named after a person, written after ``rr.`` (rruga, street), as
police reports and power cuts' notices name where things happened: ``në
rr.Haradin Bajrami``, ``Rr.Nekibe Kelmendi``. The abbreviation is no name
(``Rr`` after ``në`` was a place of its own), and the name after it is the
street's, a place, whatever a person's name alone would be taken for."""

from __future__ import annotations

from analyzers.entities.piece import Piece

# The abbreviation of rruga (street) and its dot, as it stands right before
# the street's name (with or without a space between).
_ABBREVIATION = "rr."


def streets(pieces: list[Piece], text: str) -> list[Piece]:
    """Types the names written after ``rr.`` places (LOC), and drops the
    abbreviation itself where the scanner made a name of it."""
    out = []
    for p in pieces:
        if p.words == ["Rr"] or p.words == ["RR"]:
            if text.startswith(".", p.end):
                continue
        elif _after_abbreviation(text, p.start):
            p.type, p.by_default = "LOC", False
        out.append(p)
    return out


def _after_abbreviation(text: str, start: int) -> bool:
    """Whether ``rr.`` (any case), then spaces or nothing, stands right before `start`."""
    k = start
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    return k >= 3 and text[k - 3 : k].lower() == _ABBREVIATION and (k == 3 or not text[k - 4].isalpha())
