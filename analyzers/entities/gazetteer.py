"""Dictionaries of names, each entry with where it came from.

Sources, in order of precedence (an earlier source's canonical form and type
win; later ones only add provenance and spellings):

1. ``analyzers/resources/entities.tsv``, curated by hand for what the others
   lack: world leaders, international organisations, Kosovar and Albanian
   parties and institutions, and the conventional Albanian spelling of a few
   places;
2. the proper nouns of the ``uniparser-albanian`` lexicon (lexemes.txt): the
   English gloss tells surnames, first names, towns and regions apart, and
   abbreviations carry their long forms;
3. the Albanian names of countries and regions in CLDR, through Babel's
   ``Locale('sq').territories``;
4. pycountry's Albanian translations of ISO 3166-1 country names.

The tables are derived once and pickled in the user's cache directory, keyed
by the versions of the source packages and the curated file's hash, so a
process pays a few milliseconds to load them; nothing is read per document.
A missing source package only removes its entries.
"""

from __future__ import annotations

import gettext
import hashlib
import importlib.metadata
import importlib.util
import os
import pickle
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from analyzers.entities.canonical import (
    FEM,
    MASC,
    PLURAL,
    feminine_canonical,
    inflections,
    is_vowel,
)

# Bump when the derivation below changes, to invalidate cached tables.
BUILD_VERSION = "13"

CURATED = Path(__file__).resolve().parent.parent / "resources" / "entities.tsv"
CONNECTORS = ("i", "e", "të", "së")

# Words in an English gloss that make an abbreviation an organisation.
_ORG_GLOSS = re.compile(
    r"\b(party|alliance|agency|association|league|union|bank|council|court|police|"
    r"ministry|army|force|corps|federation|authority|institute|university|"
    r"organi[sz]ation|company|committee|commission|office|service|directorate|"
    r"chamber|prosecut\w*|fund|news|press|broadcasting|television|radio|network|"
    r"club|movement|community|government|assembly|parliament|mission|inspectorate|"
    r"academy|faculty|cent(?:er|re)|hospital|bureau|administration|corporation|"
    r"group|foundation|forum|tour|intelligence|telecom|post|front|coalition)\b",
    re.IGNORECASE,
)
_LOC_GLOSS = re.compile(
    r"\((?:city|town|village|region|mountains?|river|lake|island|municipality|"
    r"country|capital|province|district|sea)\b",
    re.IGNORECASE,
)
_PER_FIRST = re.compile(r"\((?:male|female) name|\(pen-name", re.IGNORECASE)
_PER_SURNAME = re.compile(r"\(surname", re.IGNORECASE)


@dataclass
class Entry:
    """One entity the dictionaries know, under its canonical name."""

    canonical: str
    type: str | None  # PER, LOC, ORG, MISC; None: a proper noun of unknown type
    gender: str  # m, f, pl, or - (acronyms and names that do not decline)
    role: str = "name"  # name; first (a first name); surname
    long_form: str | None = None  # what an acronym stands for
    sources: list[str] = field(default_factory=list)


@dataclass(eq=False)  # hashed by identity: the extraction caches lookups per word
class Gazetteer:
    """Tables for lookup during extraction (all plain dicts and sets)."""

    entries: dict[str, Entry]
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

    def lookup(self, surface: str) -> tuple[str, ...]:
        return self.forms.get(surface, ())

    def entry(self, canonical: str) -> Entry | None:
        return self.entries.get(canonical)

    def is_not_name(self, word: str) -> bool:
        """Whether a capitalised word is listed as no name, as written
        (Celsius) or as the acronym it spells in capitals (Cd -> CD)."""
        return word in self.not_names or word.upper() in self.not_names


class _Builder:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.forms: dict[str, list[str]] = {}
        self.not_names: set[str] = set()
        self.common: set[str] = set()
        self.common_feminine: set[str] = set()
        self.common_nouns: set[str] = set()
        self.common_adjectives: set[str] = set()
        self.variant_of: dict[str, str] = {}  # a spelling -> the canonical it is a variant of

    def add(
        self,
        canonical: str,
        type_: str | None,
        gender: str,
        source: str,
        role: str = "name",
        long_form: str | None = None,
        variants: tuple[str, ...] = (),
    ) -> None:
        # a later source's name that an earlier one lists as a variant
        canonical = self.variant_of.get(canonical, canonical)
        entry = self.entries.get(canonical)
        if entry is None:
            entry = self.entries[canonical] = Entry(canonical, type_, gender, role, long_form)
        else:  # an earlier source wins; a later one fills in what is missing
            if entry.type is None and type_ is not None:
                entry.type = type_
            if entry.long_form is None:
                entry.long_form = long_form
            if entry.role == "name" and role != "name" and entry.type == "PER":
                entry.role = role
        entry.sources.append(source)
        for variant in variants:
            if variant != canonical and variant not in self.entries:
                self.variant_of.setdefault(variant, canonical)
        for written in (canonical, *variants):
            for form in name_forms(written, entry.gender):
                self._form(form, canonical)

    def _form(self, form: str, canonical: str) -> None:
        known = self.forms.setdefault(form, [])
        if canonical not in known:
            # the canonical spelling itself goes first
            if form == canonical:
                known.insert(0, canonical)
            else:
                known.append(canonical)

    def _rank(self, form: str, canonical: str) -> tuple:
        """Order of the names one written form can be: the form written as
        the name itself, then hand-curated names, then countries, then
        surnames before places before first names (``Hotit`` is far more
        often the surname Hoti than the region Hot)."""
        entry = self.entries[canonical]
        curated = any(s.startswith("curated:") for s in entry.sources)
        country = any(s.startswith(("CLDR", "pycountry")) for s in entry.sources)
        role = {"surname": 0, "name": 1, "first": 2}.get(entry.role, 1)
        return (form != canonical, not curated, not country, role)

    def freeze(self, versions: dict[str, str]) -> Gazetteer:
        return Gazetteer(
            entries=self.entries,
            forms={k: tuple(sorted(v, key=lambda c, k=k: self._rank(k, c))) for k, v in self.forms.items()},
            not_names=frozenset(self.not_names),
            common=frozenset(self.common),
            common_feminine=frozenset(self.common_feminine),
            common_nouns=frozenset(self.common_nouns),
            common_adjectives=frozenset(self.common_adjectives),
            versions=versions,
        )


def name_forms(name: str, gender: str) -> set[str]:
    """Written forms of a name, one or several words.

    One word: its inflections. Several words: the head declined with any
    connector (``Shteteve të Bashkuara``), and, for names whose last word
    declines (persons, ``Shri Lankës``), the last word declined.
    """
    words = name.split()
    if not words:
        return set()
    if gender == "-":
        return {name}
    if len(words) == 1:
        return inflections(name, gender)
    out = {name}
    head, rest = words[0], words[1:]
    if gender == PLURAL or gender == FEM:
        head_forms = inflections(head, gender)
    else:
        bare = head
        if len(head) > 3 and head[-1] in "iu" and not is_vowel(head[-2]):
            bare = head[:-1]  # Bashkimi -> Bashkim
        head_forms = inflections(bare, MASC)
    if rest[0] in CONNECTORS:
        tail = " ".join(rest[1:])
        for form in head_forms:
            for conn in CONNECTORS:
                out.add(f"{form} {conn} {tail}")
    else:
        tail = " ".join(rest)
        for form in head_forms:
            out.add(f"{form} {tail}")
    # the last word declines in foreign and personal names (Vladimir Putinit)
    last = words[-1]
    if len(words) <= 3 and rest[0] not in CONNECTORS:
        last_gender = FEM if last.endswith("a") else MASC
        prefix = " ".join(words[:-1])
        for form in inflections(last, last_gender):
            out.add(f"{prefix} {form}")
    return out


# ---------------------------------------------------------------- sources


def _curated(builder: _Builder) -> None:
    for number, line in enumerate(CURATED.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + [""] * 5
        canonical, type_, gender, variants, note = (c.strip() for c in cols[:5])
        if type_ == "NONE":  # written like a name, but none: SARS, CoV
            builder.not_names.add(canonical)
            continue
        builder.add(
            canonical,
            type_,
            gender or "-",
            f"curated:entities.tsv:{number}",
            long_form=note if canonical.isupper() and note else None,
            variants=tuple(v for v in variants.split("|") if v),
        )


def _lexeme_records(path: Path):
    """Yields dicts of the uniparser lexicon's records (lex, gramm, paradigm, trans_en)."""
    record: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("-lexeme"):
                if record:
                    yield record
                record = {}
                continue
            key, sep, value = line.strip().partition(": ")
            if sep and key not in record:
                record[key] = value
    if record:
        yield record


def _uniparser_path() -> Path | None:
    spec = importlib.util.find_spec("uniparser_albanian")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "data_strict" / "lexemes.txt"
    return path if path.is_file() else None


def _uniparser(builder: _Builder, version: str) -> None:
    path = _uniparser_path()
    if path is None:
        return
    source = f"uniparser-albanian {version}:lexemes.txt"
    for rec in _lexeme_records(path):
        lex = rec.get("lex", "")
        if not lex:
            continue
        gramm = rec.get("gramm", "").split(",")
        gloss = rec.get("trans_en", "")
        if not lex[0].isupper():
            if "f" in gramm and gramm[:1] == ["NOUN"]:
                builder.common.add(feminine_canonical(lex))
                builder.common_feminine.add(feminine_canonical(lex))
            builder.common.add(lex)
            if gramm[:1] == ["NOUN"]:
                builder.common_nouns.add(lex)
            elif gramm[:1] == ["A"]:
                builder.common_adjectives.add(lex)
            continue
        if "abbr" in gramm:
            long_form = None
            m = re.search(r"\(([^()]*),\s*[^,()]+\)\s*$", gloss)
            if m:
                long_form = m.group(1).strip()
            if _ORG_GLOSS.search(gloss):
                builder.add(lex, "ORG", "-", f"{source}:{lex}", long_form=long_form or gloss)
            else:
                builder.not_names.add(lex)
            continue
        if "NOUN" not in gramm:
            continue
        if _PER_SURNAME.search(gloss) or "surname" in rec.get("paradigm", ""):
            type_, role = "PER", "surname"
        elif _PER_FIRST.search(gloss):
            type_, role = "PER", "first"
        elif _LOC_GLOSS.search(gloss):
            type_, role = "LOC", "name"
        elif "inanim" in gramm:
            type_, role = "LOC", "name"  # countries, regions: Kaliforni, Toskëri
        elif "anim" in gramm:
            type_, role = "PER", "name"
        else:
            type_, role = None, "name"
        if "f" in gramm and role != "surname" and not lex.endswith("a") and (is_vowel(lex[-1]) or lex.endswith("ër")):
            canonical, gender = feminine_canonical(lex), FEM
        elif lex.endswith("a"):
            canonical, gender = lex, FEM
        else:
            canonical, gender = lex, MASC
        builder.add(canonical, type_, gender, f"{source}:{lex}", role=role, variants=(lex,))


def _territory_canonical(name: str, feminine_hint: set[str]) -> tuple[str, str]:
    """Canonical form and head gender of a CLDR / ISO territory name."""
    name = re.sub(r"\s*\(.*\)$", "", name).strip()
    words = name.split()
    if len(words) == 1:
        if "-" in name:
            return name, "-"
        if name.endswith("a"):
            return name, FEM
        if name[-1] in "ëe" or name in feminine_hint:
            return feminine_canonical(name), FEM
        if name.endswith("i") and len(name) > 4 and not is_vowel(name[-2]) and name not in MASCULINE_IN_I:
            # Albanian country names in -i are feminine: Bjellorusi -> Bjellorusia
            return name + "a", FEM
        return name, MASC
    head = words[0]
    if head.endswith("et") or head.endswith("jt"):
        return name, PLURAL
    if head.endswith("a"):
        return name, FEM
    if head[-1] in "ëe":
        return " ".join([feminine_canonical(head), *words[1:]]), FEM
    if len(words) > 1 and words[1] == "i" and not is_vowel(head[-1]):
        return " ".join([head + ("u" if head[-1] in "kgh" else "i"), *words[1:]]), MASC
    return name, MASC


# Country names in -i that are not feminine nouns in -i (Mali, Haiti).
MASCULINE_IN_I = frozenset({"Mali", "Haiti", "Burundi", "Brunei", "Kiribati", "Malavi", "Fixhi", "Xhibuti", "Malaui"})


def _territories(builder: _Builder, babel_version: str | None, pycountry_version: str | None) -> None:
    babel_names: dict[str, str] = {}
    if babel_version:
        from babel import Locale

        babel_names = dict(Locale("sq").territories)
    iso_names: dict[str, str] = {}
    if pycountry_version:
        import pycountry

        try:
            sq = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["sq"])
            for country in pycountry.countries:
                iso_names[country.alpha_2] = sq.gettext(country.name).split(",")[0].strip()
        except OSError:
            iso_names = {}
    # feminine names in -i (Rusi, Shqipëri): the lexicon's gender, or an ISO
    # name that is the CLDR one plus the definite -a (Zambi / Zambia)
    feminine = {
        e.canonical[:-1]
        for e in builder.entries.values()
        if e.gender == FEM and e.canonical.endswith("ia")
    }
    # feminine names in -ër, whose ë drops in the definite form (Zvicër -> Zvicra)
    feminine |= {
        e.canonical[:-2] + "ër"
        for e in builder.entries.values()
        if e.gender == FEM and e.canonical.endswith("ra") and len(e.canonical) > 3 and not is_vowel(e.canonical[-3])
    }
    for code, name in iso_names.items():
        if name.endswith("ia"):
            feminine.add(name[:-1])
    skip = {"001", "ZZ", "XA", "XB", "EZ", "QO", "009"}
    for code in sorted(set(babel_names) | set(iso_names)):
        if code in skip:
            continue
        names = []
        if code in babel_names:
            names.append((babel_names[code], f"CLDR sq via Babel {babel_version}:{code}"))
        if code in iso_names:
            names.append((iso_names[code], f"pycountry {pycountry_version} iso3166-1 sq:{code}"))
        first_canonical = None
        for name, source in names:
            canonical, gender = _territory_canonical(name, feminine)
            type_ = "ORG" if code in ("UN", "EU") else "LOC"
            if canonical.isupper():
                gender = "-"
            if first_canonical is None:
                first_canonical = canonical
                known = builder.entries.get(builder.variant_of.get(canonical, canonical))
                if known is not None and all(s.startswith("uniparser") for s in known.sources):
                    # the lexicon's type of a gloss-less name was a guess
                    # from animacy (Serbi is "anim" there); CLDR knows better
                    known.type = type_
                builder.add(canonical, type_, gender, source, variants=(name,))
            elif canonical not in builder.entries:
                # another spelling of the same territory
                builder.add(first_canonical, type_, gender, source, variants=(canonical, name))
            else:
                builder.entries[canonical].sources.append(source)


# ---------------------------------------------------------------- loading


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def source_versions() -> dict[str, str]:
    versions = {
        "build": BUILD_VERSION,
        "curated": hashlib.sha256(CURATED.read_bytes()).hexdigest()[:16],
    }
    for dist in ("uniparser-albanian", "Babel", "pycountry"):
        v = _version(dist)
        if v:
            versions[dist] = v
    return versions


def build(versions: dict[str, str] | None = None) -> Gazetteer:
    """Derives the tables from the sources (a second or two)."""
    versions = versions or source_versions()
    builder = _Builder()
    _curated(builder)
    if "uniparser-albanian" in versions:
        _uniparser(builder, versions["uniparser-albanian"])
    _territories(builder, versions.get("Babel"), versions.get("pycountry"))
    # an acronym a curated or organisation entry names is a name after all,
    # unless the curated file says it is none
    curated_none = {
        line.split("\t")[0]
        for line in CURATED.read_text(encoding="utf-8").splitlines()
        if line.count("\t") >= 1 and line.split("\t")[1].strip() == "NONE"
    }
    builder.not_names -= set(builder.entries) - curated_none
    return builder.freeze(versions)


def cache_dir() -> Path:
    base = os.environ.get("SEARCHIDX_CACHE") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) if base else Path.home() / ".cache" / "searchidx"


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
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                with tmp.open("wb") as f:
                    pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
                _prune(path.parent, keep=path)
            except OSError:
                pass  # a read-only home only costs the rebuild next time
        _loaded = gaz
        return gaz
