"""Names that open with a place the dictionaries know, and go on: a
region, the place and the adjective of a cardinal point after it
(`Ballkani Perëndimor`, `Afrika Veriore`, `Evropës Juglindore`, `Bregu
Perëndimor`), and a foreign organisation named by its city and a word of
such names (`Washington Examiner`, `Boston Herald`: the file's
``org_words``), or a team by its city and an English plural (`Boston
Celtics`, plural_names). The cut took the place alone, and the word after it was
a stray adjective or a MISC name of its own."""

from __future__ import annotations

from typing import Final

from analyzers.entities.gazetteer_table import Gazetteer
from analyzers.entities.plural_names import english_plural
from analyzers.entities.words import ORG_HEADS, ORG_WORDS, words

# The adjectives do not decline after a noun: the written word is the test.
COMPASS_ADJECTIVES: Final = words("compass_adjectives")


def place_leads(cands: tuple[str, ...], word_after: str, gaz: Gazetteer) -> bool:
    """Whether a one-word dictionary name with a place among its readings
    (`cands`), before the capitalised `word_after`, opens a longer name:
    the cut then leaves both words to the name rules instead of taking
    the place alone (`Ballkanin` | `Perëndimor`, `Washington` |
    `Examiner`)."""
    return (word_after in COMPASS_ADJECTIVES or word_after.lower() in ORG_WORDS or english_plural(word_after)) and any(
        gaz.entries[c].type == "LOC" for c in cands
    )


def names_a_region(words_: tuple[str, ...] | list[str]) -> bool:
    """A name of several words whose words after the head are all a
    cardinal point's adjectives, its head no institution's: a place
    (`Bregu Perëndimor`, `Kalifornia Veriore`; `Universiteti Jugor` is
    an organisation's name)."""
    return (
        len(words_) > 1 and all(w in COMPASS_ADJECTIVES for w in words_[1:]) and not ORG_HEADS.match(words_[0].lower())
    )
