"""A span being interpreted: what cutting, typing and resolving know of it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


# (__init__ written out, not made by dataclass: compiled by mypyc, a
# construction is then a direct call, where the generated one is Python code
# called through the type with a tuple and a dict of its arguments)
@dataclass(slots=True, init=False)
class Piece:
    """A span being interpreted."""

    start: int
    end: int
    words: list[str]
    candidates: list[str]  # canonical readings, best first
    known: bool  # the dictionaries matched the whole span
    type: str | None
    title: Any  # a title before it: a bool, or a mentions.LazyTitle asked last
    acronym: bool
    sentence_initial: bool
    preposition: str
    canonical: str
    tentative: bool  # sentence-initial unknown word, to be confirmed
    common_noun: bool  # one word whose lemma the lexicon has as a common word
    place_context: bool  # a locative preposition or a place noun classes it
    named_by: bool  # a noun before it says what it names (programi Erasmus)
    org_context: bool  # a noun before it classes it an organisation (klubi Sunderland)
    person_verb: bool  # a verb only people do follows it (Tolaj thotë)
    by_default: bool  # typed for want of evidence (MISC): any evidenced mention wins
    family: bool  # right after the noun for a family: a surname (familja Shala)
    serves: bool  # the genitive right after a title: what the title serves (pilotin e Ferrari-t)

    def __init__(
        self,
        start: int,
        end: int,
        words: list[str],
        candidates: list[str],
        known: bool = False,
        type: str | None = None,
        title: Any = False,
        acronym: bool = False,
        sentence_initial: bool = False,
        preposition: str = "",
        canonical: str = "",
        tentative: bool = False,
        common_noun: bool = False,
        place_context: bool = False,
        named_by: bool = False,
        org_context: bool = False,
        person_verb: bool = False,
        by_default: bool = False,
        family: bool = False,
        serves: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.words = words
        self.candidates = candidates
        self.known = known
        self.type = type
        self.title = title
        self.acronym = acronym
        self.sentence_initial = sentence_initial
        self.preposition = preposition
        self.canonical = canonical
        self.tentative = tentative
        self.common_noun = common_noun
        self.place_context = place_context
        self.named_by = named_by
        self.org_context = org_context
        self.person_verb = person_verb
        self.by_default = by_default
        self.family = family
        self.serves = serves

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # Copied and pickled by its __init__: compiled, the class makes an
        # instance only through it (copy's default, an empty instance
        # filled in, would call it with no arguments)
        return Piece, tuple(getattr(self, field.name) for field in fields(self))
