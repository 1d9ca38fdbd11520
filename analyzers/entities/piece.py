"""A span being interpreted: what cutting, typing and resolving know of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class Piece:
    """A span being interpreted."""

    start: int
    end: int
    words: list[str]
    candidates: list[str]  # canonical readings, best first
    known: bool = False  # the dictionaries matched the whole span
    type: str | None = None
    title: Any = False
    acronym: bool = False
    sentence_initial: bool = False
    preposition: str = ""
    canonical: str = ""
    tentative: bool = False  # sentence-initial unknown word, to be confirmed
    common_noun: bool = False  # one word whose lemma the lexicon has as a common word
    place_context: bool = False  # a locative preposition or a place noun classes it
    named_by: bool = False  # a noun before it says what it names (programi Erasmus)
    org_context: bool = False  # a noun before it classes it an organisation (klubi Sunderland)
    person_verb: bool = False  # a verb only people do follows it (Tolaj thotë)
    by_default: bool = False  # typed for want of evidence (MISC): any evidenced mention wins
    family: bool = False  # right after the noun for a family: a surname (familja Shala)
    serves: bool = False  # the genitive right after a title: what the title serves (pilotin e Ferrari-t)
