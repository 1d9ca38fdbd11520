"""A street named after a person, written after ``rr.`` (rruga, street), as
police reports and power cuts' notices name where things happened: ``në
rr.Haradin Bajrami``, ``Rr.Nekibe Kelmendi``. The abbreviation is no name
(``Rr`` after ``në`` was a place of its own), and the name after it is the
street's, a place, whatever a person's name alone would be taken for."""

from __future__ import annotations

from typing import Final

from analyzers.entities.piece import Piece

# The abbreviation of rruga (street) in the cases it is written in.
_ABBREVIATIONS: Final = ("rr.", "Rr.", "RR.")


def streets(pieces: list[Piece], text: str) -> list[Piece]:
    """Types the names written right after ``rr.`` places (LOC), and drops
    the abbreviation itself where the scanner made a name of it."""
    names_at = _names_after_abbreviation(text)
    if not names_at:
        return pieces  # (most texts: three str.find; zjarr., burr.: the letters end a word)
    out = []
    for p in pieces:
        if p.start in names_at:
            p.type, p.by_default = "LOC", False
        elif len(p.words) == 1 and p.words[0] in ("Rr", "RR") and text.startswith(".", p.end):
            continue  # (the abbreviation, no name)
        out.append(p)
    return out


def _names_after_abbreviation(text: str) -> set[int]:
    """Where a name may start right after the abbreviation standing as a
    word of its own, spaces between or none (Rr.Nekibe, rr. Haxhi): found
    with str.find, as a pattern tried at every character costs a pass over
    the text."""
    starts = set()
    n = len(text)
    for abbreviation in _ABBREVIATIONS:
        k = text.find(abbreviation)
        while k >= 0:
            if k == 0 or not text[k - 1].isalnum():
                end = k + 3
                while end < n and text[end] in " \t\u00a0":
                    end += 1
                starts.add(end)
            k = text.find(abbreviation, k + 3)
    return starts
