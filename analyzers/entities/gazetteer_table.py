"""The gazetteer's tables: entries under their canonical names, and the
lookup :class:`Gazetteer` that extraction reads.

Their own module so that :mod:`analyzers.entities.sources` (which fills them)
and :mod:`analyzers.entities.gazetteer` (which builds them from the sources
and caches them) both import them, and neither imports the other back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import methodcaller
from pathlib import Path
from typing import Final, NamedTuple

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
# The curated files, in order of precedence.
CURATED_FILES: Final = tuple(
    RESOURCES / name for name in ("entities.tsv", "places_region.tsv", "cities_world.tsv", "media.tsv")
)


@dataclass
class Entry:
    """One entity the dictionaries know, under its canonical name (mutable
    while the sources are read, see :meth:`frozen`)."""

    canonical: str
    type: str | None  # PER, LOC, ORG, MISC; None: a proper noun of unknown type
    gender: str  # m, f, pl, or - (acronyms and names that do not decline)
    role: str = "name"  # name; first (a first name); surname
    long_form: str | None = None  # what an acronym stands for
    sources: list[str] = field(default_factory=list)

    def frozen(self) -> FrozenEntry:
        return FrozenEntry(self.canonical, self.type, self.gender, self.role, self.long_form, tuple(self.sources))


class FrozenEntry(NamedTuple):
    """An Entry once the tables are built: a tuple, which unpickles far
    faster than a dataclass (every indexing run loads thousands of them)."""

    canonical: str
    type: str | None
    gender: str
    role: str
    long_form: str | None
    sources: tuple[str, ...]

    def __reduce__(self):
        # Made again by tuple.__new__, in C: pickle's default for a named
        # tuple calls the Python __new__ that NamedTuple writes, one call
        # per entry of every load (a millisecond of the ~40 the tables take)
        return tuple.__new__, (FrozenEntry, tuple(self))


# The sources whose places are weak evidence: long lists of the world's
# cities and regions as written there, some of them surnames or words too
# (Guerrero, Rodriguez, Pune).
WEAK_PLACE_SOURCES: Final = ("GeoNames", "ISO 3166-2 world")
# (source.startswith(WEAK_PLACE_SOURCES), called in C: no generator made
# for each entry asked)
_is_weak_source = methodcaller("startswith", WEAK_PLACE_SOURCES)


def weak_place(entry: FrozenEntry | Entry) -> bool:
    """A place only GeoNames' large cities or the world's ISO 3166-2
    subdivisions know: a place when it stands alone and nothing says
    otherwise, but no cut inside a longer name, a person after a title or
    in a list of people, and nothing at a sentence's start."""
    return all(map(_is_weak_source, entry.sources))


def opening_name_sizes(forms) -> dict[str, int]:
    """Of the written forms of several words, by first word: the most words
    of one that opens with it (some 2,500 words open one)."""
    sizes: dict[str, int] = {}
    for form in forms:
        if " " in form:
            words = form.split(" ")
            if len(words) > sizes.get(words[0], 0):
                sizes[words[0]] = len(words)
    return sizes


@dataclass(eq=False)  # hashed by identity: the extraction caches lookups per word
class Gazetteer:
    """Tables for lookup during extraction (all plain dicts and sets)."""

    entries: dict[str, FrozenEntry]
    # written form (one word, or words joined by single spaces) -> canonical
    # names it can be, best first
    forms: dict[str, tuple[str, ...]]
    # acronyms whose dictionaries say they are no names (DNA, GDP, CD), and
    # words the curated file says are none (Celsius, CoV)
    not_names: frozenset[str]
    # lowercase lemmas of common words, to tell a sentence-initial common
    # word from a name
    common: frozenset[str]
    # definite nominatives of feminine common nouns (kushtetuta, qeveria):
    # the institutions that news capitalises mid-sentence
    common_feminine: frozenset[str]
    # lowercase lemmas the lexicon tags NOUN (korrupsion, arsim): a one-word
    # name that reads as one of them is no person
    common_nouns: frozenset[str]
    # lowercase lemmas the lexicon tags A (kushtetues): a capitalised
    # feminine definite of one (Kushtetuesja) is an institution named by it
    common_adjectives: frozenset[str]
    versions: dict[str, str]
    # first names of many languages (gender-guesser's name list): evidence
    # that a capitalised word followed by another is a person's name, never
    # a name of its own (Kosova, Roma and Paris are first names too)
    first_names: frozenset[str] = frozenset()
    # the names of that list the lexicon has as common words too (Besa,
    # Drita, Fisnik, Mike): no evidence alone, but a first name before a
    # word that reads as a surname (analyzers.entities.given_names)
    common_first_names: frozenset[str] = frozenset()
    # the names of several words in `forms` by their first word: the most
    # words (connectors counted) of one opening with it. Derived when the
    # tables are built and pickled with them, not per process (unpickling
    # runs no __post_init__): a run's words need looking up together only
    # where one of these opens
    name_sizes: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.name_sizes = opening_name_sizes(self.forms)

    def lookup(self, surface: str) -> tuple[str, ...]:
        return self.forms.get(surface, ())

    def entry(self, canonical: str) -> FrozenEntry | None:
        return self.entries.get(canonical)

    def is_first_name(self, word: str) -> bool:
        """A first name of the lexicon or of the first-name list."""
        if word in self.first_names:
            return True
        names = self.forms.get(word)  # (most words asked are in no dictionary: no generator made for them)
        return names is not None and any(self.entries[c].role == "first" for c in names)

    def is_not_name(self, word: str) -> bool:
        """Whether a capitalised word is listed as no name, as written
        (Celsius) or as the acronym it spells in capitals (Cd -> CD)."""
        return word in self.not_names or word.upper() in self.not_names
