"""A compact stem table derived from the `uniparser-albanian` lexicon.

`uniparser-albanian` (MIT) describes 58k Albanian lexemes by their stem
variants and paradigms. Its own analyzer takes seconds and a large share of
memory to start (docs/performance.md), so
instead we read its grammar once, flatten each paradigm into the set of
suffixes it allows per stem variant, and keep two tables:

* ``stems``: stem string -> entries, each one int packing lemma id, paradigm
  id, stem-variant mask and flags (nonstandard, derived, adjective, proper
  name) -- see `pack`; ints keep the cached table quick to load;
* ``paradigms``: paradigm id -> {suffix: (standard mask, nonstandard mask)};
* the same two keyed by folded spelling (ë→e, ç→c), for text typed without
  diacritics.

A word is analyzed by trying every split ``stem + suffix`` and keeping the
entries whose paradigm allows that suffix after that stem variant
(see `analyzers.stemmer`).

The table is derived from the installed package at first use and cached under
the user's cache directory, keyed by the package's version, so it is never
copied into this repository. The cache holds it packed (`StemTable.pack`):
the stems starting with each two letters as one UTF-8 text and their
entries as one array of ints, unpacked into a dict only when a word
starting with those letters is first looked up, and each paradigm marshalled
on its own, unpacked when an entry first names it, so that a process
neither builds a Python object per entry nor decodes the parts it never
meets: a search in a new process analyzes only its query's words
(docs/performance.md). Derivational paradigms (``#deriv#...``, e.g.
ndërtoj -> ndërtim) are left out: their gold lemma is the derived word, and
merging them with the base would cost precision.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from array import array
from collections.abc import Sequence
from pathlib import Path

from analyzers import installed
from analyzers.files import cache_dir, write_atomically
from analyzers.normalizer import fold_diacritics

# Bump when the derived table's layout or content rules change.
TABLE_FORMAT = 13  # 11: packed (StemTable); 12: in buckets by first letter; 13: by two, paradigms lazy

# A flattened inflexion: optional stem number <n>, the stem position ".",
# suffix letters (an abbreviation's "-ja" included), optionally a "<.>" where
# a linked paradigm continues, then more letters.
_FLEX = re.compile(r"(?:<(\d+)>)?\.([^\W\d_]*(?:-[^\W\d_]+)?)(<\.>)?([^\W\d_]*)\.?")
# Linked paradigms nest (imperative + clitic pronouns); three levels suffice.
_MAX_LINK_DEPTH = 3
_ALL_STEMS = 0xFFFF
# The stem table's buckets: stems by their first letters (see StemTable).
BUCKET_PREFIX = 2


def _mask(nums) -> int:
    if nums is None:
        return _ALL_STEMS
    m = 0
    for n in nums:
        m |= 1 << n
    return m


# Flags of a lexeme in a packed entry.
NONST, DERIVED, ADJ, PROPN = 1, 2, 4, 8


def pack(lemma_id: int, pid: int, mask: int, nonst: int, derived: int, pos: str) -> int:
    """One int per (stem, lexeme): lemma<<32 | paradigm<<24 | stem mask<<8 | flags."""
    flags = (NONST if nonst else 0) | (DERIVED if derived else 0)
    flags |= ADJ if pos == "A" else PROPN if pos == "PROPN" else 0
    return lemma_id << 32 | pid << 24 | (mask & 0xFFFF) << 8 | flags


def uniparser_version() -> str | None:
    """The installed uniparser-albanian's version (the cached table's key),
    or None if it is absent (read as analyzers.installed reads it)."""
    return installed.version("uniparser-albanian", "uniparser_albanian")


def _grammar_analyzer():
    """uniparser-albanian's analyzer, its grammar not yet loaded.

    Its grammar logs warnings to `errors.log` in the working folder, which it
    creates on construction: the log goes to os.devnull instead (the class's
    default file name, swapped while the analyzer is made)."""
    from uniparser_albanian import AlbanianAnalyzer
    from uniparser_morph.ErrorHandler import ErrorHandler

    defaults = ErrorHandler.__init__.__defaults__
    ErrorHandler.__init__.__defaults__ = (os.devnull,)
    try:
        return AlbanianAnalyzer(mode="none")  # any other mode returns before loading
    finally:
        ErrorHandler.__init__.__defaults__ = defaults


def _load_grammar():
    """Loads uniparser-albanian's grammar (paradigms + lexemes) without its parser."""
    from importlib.resources import as_file, files

    an = _grammar_analyzer()
    an.dirName = "uniparser_albanian.data_strict"
    d = files(an.dirName)
    with (
        as_file(d / "paradigms.txt") as an.paradigmFile,
        as_file(d / "lexemes.txt") as an.lexFile,
        as_file(d / "lex_rules.txt") as an.lexRulesFile,
        as_file(d / "derivations.txt") as an.derivFile,
        as_file(d / "stem_conversions.txt") as an.conversionFile,
        as_file(d / "clitics.txt") as an.cliticFile,
        as_file(d / "bad_analyses.txt") as an.delAnaFile,
    ):
        an.load_grammar()
    return an.g


def _first_second_imperfect(gramm: str) -> bool:
    """Whether a flexion is the 1st/2nd person singular imperfect (ndeshja "I
    was meeting", ndeshje "you were meeting").

    News text reports in the third person, and these endings -ja/-je spell the
    nominative of the verb's own noun in -je (ndeshje "match", ndeshja "the
    match", lidhje, rritje, goditje), which the lexicon tags derived and so
    ranked after the verb: ndeshje went to ndesh while ndeshjen, ndeshjes
    stayed ndeshje. Ranked with the nonstandard forms, the noun wins; a form
    with no other reading (isha, kisha "I had") still gets its verb.
    """
    tags = gramm.split(",")
    return "ipf" in tags and "sg" in tags and ("1" in tags or "2" in tags)


def _flatten(paras, name, depth=0, seen=()):
    """Returns [(suffix, stem-number set or None, nonstandard?)] of a paradigm, links followed."""
    out = []
    for flex, nums, gramm, links in paras[name]:
        m = _FLEX.fullmatch(flex)
        if not m:  # prefixes and infixes: not used by Albanian inflection here
            continue
        n, before, cont, after = m.groups()
        own = set(nums) if nums else ({int(n)} if n else None)
        nonst = "nonst" in gramm or _first_second_imperfect(gramm)
        if not cont:
            out.append((before + after, own, nonst))
            if not links:
                continue
        if depth >= _MAX_LINK_DEPTH:
            continue
        for link in links:
            if link in seen or link not in paras:
                continue
            for suffix, theirs, their_nonst in _flatten(paras, link, depth + 1, seen + (link,)):
                if own is not None and theirs is not None:
                    nums2 = own & theirs
                    if not nums2:
                        continue
                else:
                    nums2 = own if own is not None else theirs
                # An imperative with clitic pronouns attached (jepmëni "give
                # me") is rare in running text but spells many short words
                # (kina = ki+na): rank it with the nonstandard forms.
                clitic = link.startswith("IO_clitics")
                out.append((before + suffix + after, nums2, nonst or their_nonst or clitic))
    return out


def build_table() -> tuple:
    """Derives the table from the installed uniparser-albanian.

    Returns ``(lemmas, paradigms, folded_paradigms, stems, folded_stems)``:
    stems and suffixes as written (lowercase), and for diacritic-less input
    the same paradigms keyed by folded suffix (ë→e, ç→c) plus, for each stem
    with ë or ç, its folded spelling -> the stems it may stand for.
    """
    g = _load_grammar()
    paras = {
        name: [
            (f.flex, sorted(f.stemNum) if f.stemNum else None, f.gramm or "", [link.name for link in f.subsequent])
            for f in p.flex
        ]
        for name, p in g.paradigms.items()
    }
    para_ids: dict[str, int] = {}
    paradigms: list[dict[str, tuple[int, int]]] = []
    folded_paradigms: list[dict[str, tuple[int, int]]] = []

    def para_id(name: str) -> int:
        if name not in para_ids:
            table: dict[str, list[int]] = {}
            folded: dict[str, list[int]] = {}
            for suffix, nums, nonst in _flatten(paras, name):
                suffix = suffix.lower()
                for t, key in ((table, suffix), (folded, fold_diacritics(suffix))):
                    t.setdefault(key, [0, 0])[1 if nonst else 0] |= _mask(nums)
            para_ids[name] = len(paradigms)
            paradigms.append({k: (v[0], v[1]) for k, v in sorted(table.items())})
            folded_paradigms.append({k: (v[0], v[1]) for k, v in sorted(folded.items())})
        return para_ids[name]

    lemma_ids: dict[str, int] = {}
    lemmas: list[str] = []
    stems: dict[str, list] = {}
    for lexeme in g.lexemes:
        lemma = lexeme.lemma.lower()
        if lemma not in lemma_ids:
            lemma_ids[lemma] = len(lemmas)
            lemmas.append(lemma)
        tags = (lexeme.gramm or "").split(",")
        lex_nonst = int("nonst" in tags)
        derived = int("deriv" in tags)
        # Proper names (capitalized lemma: Kinë, Viti) are told apart from
        # common words (vit "year") so that the stemmer can rank them.
        pos = "PROPN" if lexeme.lemma[:1].isupper() and tags[0] == "NOUN" else tags[0]
        if pos == "NOUN" and "n" in tags:
            # A neuter noun is a participle or adjective used as a noun (të
            # folurit "speaking", të bardhët): ranked like the adjective, so
            # folur stays a form of flas as shkruar is of shkruaj.
            pos = "A"
        for sl in lexeme.subLexemes:
            if sl.paradigm.startswith("#") or sl.paradigm not in paras:
                continue
            stem = sl.stem
            if not stem.endswith(".") or "." in stem[:-1] or " " in stem:
                continue
            stem = stem[:-1].lower()
            entry = pack(lemma_ids[lemma], para_id(sl.paradigm), _mask(sl.numStem), lex_nonst, derived, pos)
            bucket = stems.setdefault(stem, [])
            if entry not in bucket:
                bucket.append(entry)
    folded_stems: dict[str, list[str]] = {}
    for stem in sorted(stems):
        f = fold_diacritics(stem)
        if f != stem:
            folded_stems.setdefault(f, []).append(stem)
    return (
        lemmas,
        paradigms,
        folded_paradigms,
        {k: tuple(v) for k, v in stems.items()},
        {k: tuple(v) for k, v in folded_stems.items()},
    )


class StemTable:
    """The stem table as the stemmer reads it, unpacked from its cached form.

    `entries(stem)`: the packed entries (see `pack`) of a stem as written;
    `folded_entries(spelling)`: those of the stems a folded spelling may
    stand for; `splits(word, folded)`: both for every prefix of a word;
    `lemma(i)`: lemma number i; `paradigms`, `folded_paradigms`: as
    `build_table` gives them (sequences, each paradigm unpacked when first
    read).

    Stems are kept in buckets by their first two letters (a one-letter stem
    by its letter), each unpacked the first time a word starting with them
    is looked up: a search analyzes only its query's words (snippets read
    the index's postings), and needs a few buckets of the table, not all of
    it.
    """

    __slots__ = (
        "paradigms",
        "folded_paradigms",
        "_lemmas",
        "_lemma_starts",
        "_stem_packs",
        "_folded_packs",
        "_stem_buckets",
        "_folded_buckets",
    )

    def __init__(self, packed: tuple):
        lemmas, lemma_starts, paradigms, folded_paradigms, self._stem_packs, self._folded_packs = packed
        self.paradigms, self.folded_paradigms = Paradigms(paradigms), Paradigms(folded_paradigms)
        self._lemmas, self._lemma_starts = lemmas, _array("I", lemma_starts)
        self._stem_buckets: dict[str, tuple] = {}
        self._folded_buckets: dict[str, dict[str, str]] = {}

    @staticmethod
    def pack(table: tuple) -> tuple:
        """The cached form of `build_table`'s tuple."""
        lemmas, paradigms, folded_paradigms, stems, folded_stems = table
        lemma_starts = array("I", [0])
        for lemma in lemmas:
            lemma_starts.append(lemma_starts[-1] + len(lemma))
        by_prefix: dict[str, list[str]] = {}
        for stem in stems:
            by_prefix.setdefault(stem[:BUCKET_PREFIX], []).append(stem)
        stem_packs = {}
        for prefix, keys in by_prefix.items():
            starts, entries = array("I", [0]), array("Q")
            for stem in keys:
                entries.extend(stems[stem])
                starts.append(len(entries))
            stem_packs[prefix] = ("\n".join(keys).encode("utf-8"), starts.tobytes(), entries.tobytes())
        folded_by_prefix: dict[str, list[str]] = {}
        for spelling in folded_stems:
            folded_by_prefix.setdefault(spelling[:BUCKET_PREFIX], []).append(spelling)
        folded_packs = {
            prefix: (
                "\n".join(keys).encode("utf-8"),
                "\n".join("\t".join(folded_stems[key]) for key in keys).encode("utf-8"),
            )
            for prefix, keys in folded_by_prefix.items()
        }
        return (
            "".join(lemmas),
            lemma_starts.tobytes(),
            tuple(marshal.dumps(paradigm) for paradigm in paradigms),
            tuple(marshal.dumps(paradigm) for paradigm in folded_paradigms),
            stem_packs,
            folded_packs,
        )

    def lemma(self, number: int) -> str:
        return self._lemmas[self._lemma_starts[number] : self._lemma_starts[number + 1]]

    def _stems_of(self, prefix: str) -> tuple:
        """(stem -> number, starts, entries) of the stems in a bucket."""
        bucket = self._stem_buckets.get(prefix)
        if bucket is None:
            packed = self._stem_packs.get(prefix)
            if packed is None:
                bucket = ({}, None, None)
            else:
                keys, starts, entries = packed
                starts = _array("I", starts)
                numbers = dict(zip(keys.decode("utf-8").split("\n"), range(len(starts) - 1)))
                bucket = (numbers, starts, _array("Q", entries))
            self._stem_buckets[prefix] = bucket  # built twice at worst by two threads: the same
        return bucket

    def _folded_of(self, prefix: str) -> dict[str, str]:
        """folded spelling -> its stems (tab-separated), for a bucket's spellings."""
        bucket = self._folded_buckets.get(prefix)
        if bucket is None:
            packed = self._folded_packs.get(prefix)
            if packed is None:
                bucket = {}
            else:
                bucket = dict(zip(packed[0].decode("utf-8").split("\n"), packed[1].decode("utf-8").split("\n")))
            self._folded_buckets[prefix] = bucket
        return bucket

    def entries(self, stem: str):
        numbers, starts, entries = self._stems_of(stem[:BUCKET_PREFIX])
        number = numbers.get(stem)
        if number is None:
            return ()
        return entries[starts[number] : starts[number + 1]]

    def folded_entries(self, spelling: str):
        targets = self._folded_of(spelling[:BUCKET_PREFIX]).get(spelling)
        if targets is None:
            return ()
        found = array("Q")
        for stem in targets.split("\t"):
            found.extend(self.entries(stem))
        return found

    def splits(self, word: str, folded: bool = False):
        """(i, entries) for each prefix word[:i] that is a stem, longest
        first; with folded, a prefix also stands for the stems it is the
        folded spelling of. The stemmer's inner loop: one call a word."""
        for i in range(len(word), 0, -1):
            head = word[:i]
            numbers, starts, entries = self._stems_of(head[:BUCKET_PREFIX])
            number = numbers.get(head)
            found = entries[starts[number] : starts[number + 1]] if number is not None else None
            if folded and head in self._folded_of(head[:BUCKET_PREFIX]):
                also = self.folded_entries(head)
                found = also if found is None else found + also
            if found:
                yield i, found


class Paradigms(Sequence):
    """The table's paradigms, each unpacked from its marshalled form when first read."""

    __slots__ = ("_packed", "_unpacked")

    def __init__(self, packed: tuple[bytes, ...]):
        self._packed = packed
        self._unpacked: list[dict | None] = [None] * len(packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __getitem__(self, number):
        if isinstance(number, slice):
            return [self[i] for i in range(*number.indices(len(self)))]
        paradigm = self._unpacked[number]
        if paradigm is None:
            paradigm = self._unpacked[number] = marshal.loads(self._packed[number])
        return paradigm


def _array(kind: str, data: bytes) -> array:
    values = array(kind)
    values.frombytes(data)
    return values


def _cache_path(version: str) -> Path:
    tag = f"sq-lexicon-{version}-t{TABLE_FORMAT}-py{sys.version_info[0]}{sys.version_info[1]}"
    return cache_dir() / f"{tag}.marshal"


def _superseded(other: Path, ours: Path) -> bool:
    """Whether another cached table is an outdated one of ours: the same
    format for another lexicon or Python version. Tables of other formats
    are left alone: another checkout sharing the cache folder may read them,
    and deleting each other's tables, two checkouts would derive theirs
    again, slowly, by turns."""
    if other == ours:
        return False
    found = re.search(r"-t(\d+)-", other.name)
    return found is not None and int(found.group(1)) == TABLE_FORMAT


def load_table() -> StemTable | None:
    """The cached table, derived first if needed; None if uniparser-albanian is absent."""
    version = uniparser_version()
    if version is None:
        return None
    path = _cache_path(version)
    try:
        with open(path, "rb") as f:
            return StemTable(marshal.loads(f.read()))  # one read: marshal.load(f) reads piecemeal
    except (OSError, EOFError, ValueError, TypeError):
        pass
    packed = StemTable.pack(build_table())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, marshal.dumps(packed))  # concurrent processes never read half a file
        for stale in path.parent.glob("sq-lexicon-*.marshal"):
            if _superseded(stale, path):
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache only costs the derivation next time
    return StemTable(packed)
