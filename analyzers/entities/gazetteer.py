"""Dictionaries of names, each entry with where it came from.

Sources, in order of precedence (an earlier source's canonical form and type
win; later ones only add provenance and spellings), built in
:mod:`analyzers.entities.sources`:

1. the curated files of ``analyzers/resources/``, written by hand for what
   the packages lack: ``entities.tsv`` (people, organisations, parties and
   institutions, states' formal names and acronyms as variants),
   ``places_region.tsv`` (towns and municipalities of Albania, Kosovo, North
   Macedonia, Montenegro), ``cities_world.tsv`` (capitals and large cities
   in Albanian spellings), ``media.tsv`` (news outlets);
2. the proper nouns of the ``uniparser-albanian`` lexicon (lexemes.txt): the
   English gloss tells surnames, first names, towns and regions apart, and
   abbreviations carry their long forms;
3. the Albanian names of countries and regions in CLDR, through Babel's
   ``Locale('sq').territories``, and its Albanian exemplar cities
   (``Locale('sq').time_zones``: Romë, Londër, Zyrih);
4. pycountry's Albanian translations of ISO 3166-1 country names, and the
   official names of the ISO 3166-2 subdivisions of Albania, North Macedonia
   and Montenegro (as variants of the curated Albanian names; pycountry has
   no Albanian translations of subdivisions);
5. gender-guesser's list of first names (``first_names``: evidence only).

The tables are derived once and pickled in the user's cache directory, keyed
by the versions of the source packages and the curated files' hash, so a
process pays a few milliseconds to load them; nothing is read per document.
A missing source package only removes its entries.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import pickle
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from analyzers.files import cache_dir, write_atomically

# Bump when the derivation in analyzers.entities.sources changes, to
# invalidate cached tables.
BUILD_VERSION = "15"

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
# The curated files, in order of precedence.
CURATED_FILES = tuple(
    RESOURCES / name for name in ("entities.tsv", "places_region.tsv", "cities_world.tsv", "media.tsv")
)
SOURCE_PACKAGES = ("uniparser-albanian", "Babel", "pycountry", "gender-guesser")


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

    def lookup(self, surface: str) -> tuple[str, ...]:
        return self.forms.get(surface, ())

    def entry(self, canonical: str) -> FrozenEntry | None:
        return self.entries.get(canonical)

    def is_first_name(self, word: str) -> bool:
        """A first name of the lexicon or of the first-name list."""
        if word in self.first_names:
            return True
        return any(self.entries[c].role == "first" for c in self.forms.get(word, ()))

    def is_not_name(self, word: str) -> bool:
        """Whether a capitalised word is listed as no name, as written
        (Celsius) or as the acronym it spells in capitals (Cd -> CD)."""
        return word in self.not_names or word.upper() in self.not_names


# ---------------------------------------------------------------- loading


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def source_versions() -> dict[str, str]:
    versions = {
        "build": BUILD_VERSION,
        "curated": hashlib.sha256(b"".join(p.read_bytes() for p in CURATED_FILES)).hexdigest()[:16],
    }
    for dist in SOURCE_PACKAGES:
        v = _version(dist)
        if v:
            versions[dist] = v
    return versions


def build(versions: dict[str, str] | None = None) -> Gazetteer:
    """Derives the tables from the sources (a second or two)."""
    from analyzers.entities import sources

    return sources.build(versions or source_versions())


def _cache_path(versions: dict[str, str]) -> Path:
    key = hashlib.sha256(repr(sorted(versions.items())).encode()).hexdigest()[:20]
    return cache_dir() / f"entities-gazetteer-{key}.pickle"


def _prune(folder: Path, keep: Path, newest: int = 3) -> None:
    """Removes all but the newest few tables of other source versions (other
    checkouts may still use those few)."""
    others = sorted(
        (p for p in folder.glob("entities-gazetteer-*.pickle") if p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in others[newest - 1 :]:
        try:
            old.unlink()
        except OSError:
            pass


_lock = threading.Lock()
_loaded: Gazetteer | None = None


def load() -> Gazetteer:
    """The process's gazetteer: loaded from the cache, or built and cached."""
    global _loaded
    if _loaded is not None:
        return _loaded
    with _lock:
        if _loaded is not None:
            return _loaded
        versions = source_versions()
        path = _cache_path(versions)
        gaz = None
        try:
            with path.open("rb") as f:
                gaz = pickle.load(f)
            if not isinstance(gaz, Gazetteer) or gaz.versions != versions:
                gaz = None
        except Exception:  # absent, unreadable or stale: rebuild
            gaz = None
        if gaz is None:
            gaz = build(versions)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(path, pickle.dumps(gaz, protocol=pickle.HIGHEST_PROTOCOL))
                _prune(path.parent, keep=path)
            except OSError:
                pass  # a read-only home only costs the rebuild next time
        _loaded = gaz
        return gaz
