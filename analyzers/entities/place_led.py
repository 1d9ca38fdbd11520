"""A place and the adjective of a cardinal point after it: one region's
name (`Ballkani Perëndimor`, `Afrika Veriore`, `Evropës Juglindore`,
`Bregu Perëndimor`), not the place and a stray adjective. The adjectives
are the file's ``compass_adjectives``; they do not decline after a noun,
so the written word is the test."""

from __future__ import annotations

from analyzers.entities.words import ORG_HEADS, words

COMPASS_ADJECTIVES = words("compass_adjectives")


def opens_region(cands, word_after: str, gaz) -> bool:
    """Whether a one-word dictionary name with a place among its readings
    (`cands`), before `word_after`, opens a region's name: the cut then
    leaves both words to the name rules instead of taking the place alone
    (`Ballkanin` | `Perëndimor` was a place and a MISC adjective)."""
    return word_after in COMPASS_ADJECTIVES and any(gaz.entry(c).type == "LOC" for c in cands)


def names_a_region(words_: tuple[str, ...] | list[str]) -> bool:
    """A name of several words whose words after the head are all a
    cardinal point's adjectives, its head no institution's: a place
    (`Bregu Perëndimor`, `Kalifornia Veriore`; `Universiteti Jugor` is
    an organisation's name)."""
    return (
        len(words_) > 1 and all(w in COMPASS_ADJECTIVES for w in words_[1:]) and not ORG_HEADS.match(words_[0].lower())
    )
