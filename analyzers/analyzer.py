"""The analyzer the index uses for Albanian article text, its stem filter,
and the same analysis for indexing in one pass (`index_terms`)."""

from __future__ import annotations

from typing import NamedTuple

from whoosh.analysis import Filter

from analyzers import normalizer
from analyzers.normalizer import AlbanianNormalizer, normalize
from analyzers.stemmer import AlbanianStemmer, forget_shared, stemmer
from analyzers.stopwords import AlbanianStopFilter
from analyzers.tokenizer import AlbanianTokenizer, positioned_tokens

# Stored in every index; bump it whenever any token this analyzer produces
# changes, so that an index built by another version is detected.
# sq-2: Albanian tokenizer, stop words kept in the index, lexicon+rules keys.
# sq-3: lemma keys keep ë/ç (only unknown words are folded); analysis ranking.
# sq-4: case endings dropped after hyphenated names (Trump-it); homograph
#       exceptions (dita, jeta, dytë, mori, re, ftesa, Evropën/Europës).
# sq-5: a -je noun's forms meet (ndeshje/ndeshja not the 1st/2nd person
#       imperfect of ndesh); a word as written is read without ë/ç only if
#       that reading fits better regardless of derivation; duke the particle;
#       more homograph exceptions (jenë, tonë, partinë, masat, arsye, ...).
# sq-6: entity extraction (issue #15): types from evidence (an unknown name
#       is MISC, no longer a person), the region's towns, world cities, media,
#       clubs and 36,000 first names in the dictionaries, one canonical name
#       per entity (SHBA: Shtetet e Bashkuara), names at an article's edges
#       recorded apart; an index of sq-5 holds other names, so it is rebuilt.
# sq-7: tokens longer than 255 characters are skipped (their position kept),
#       words longer than 64 are keyed as they are; e-mail and domain tokens
#       bounded in length (tokenizing is linear).
# sq-8: entity extraction, second round of issue #15: web addresses in
#       lowercase are outlets (transmeton lajmi.net) and a closing credit an
#       edge, case endings after a hyphen undone (Chelsea-t), legislatures,
#       quoted organisations, clubs in sports stories, names in capitals: an
#       index of sq-7 holds other names, so it is rebuilt.
# sq-9: entity extraction, fourth round of issue #15: GeoNames' large cities
#       are places; an index of sq-8 holds other names, so it is rebuilt.
# sq-10: entity extraction: dictionary names that open with an acronym
#       (FC Porto) and clubs after a club prefix (FC Prishtinës), initials
#       standing for people, outlets credited in lowercase (/rel, shkruan kp),
#       law titles, court case numbers no names, more platforms, products and
#       team nicknames: an index of sq-9 holds other names, so it is rebuilt.
# sq-11: entity extraction: the large subdivisions of the world's states
#       (ISO 3166-2) are places, a title before a weak place makes a person,
#       UK/USA and more state names; an index of sq-10 is rebuilt.
# sq-12: entity extraction: in a sports story, a town of the region in a
#       definite form is its club (Gjilani, Prishtinës); sq-11 is rebuilt.
# sq-13: entity extraction: a monarch's or a pope's numeral is part of the
#       name (Murati II, Elizabeth II); sq-12 is rebuilt.
# sq-14: entity extraction: a one-word name of no evidence joined by "dhe"
#       to a person's full name is a person; sq-13 is rebuilt.
# sq-15: entity names: territories in a stressed -e are named in their
#       definite form (Koreja e Veriut, Guineja, Filipinet, not Kora e
#       Veriut, Guina, Filipina); names in their own language (Côte
#       d’Ivoire) are not declined; sq-14 is rebuilt.
# sq-16: entity extraction: a quoted name takes its type from the class noun
#       before it, across adjectives, or from the head of the name it
#       stands beside (stadiumin “Fadil Vokrri”, revistës së famshme
#       “Playboy”); a name after familja is a surname; two full names joined
#       by "e" are two people; a title's genitive is cut from the person
#       after it; a basic court or prosecution is named with its seat
#       (Gjykata Themelore në Prishtinë); Speciales/Specialen are the court
#       as Specialja is; PCR, CPAP, LGBT are no names; sq-15 is rebuilt.
# sq-17: entity extraction: a name quoted twice has one type; a locative
#       preposition governs both names "dhe" joins; the surname of several
#       people an article names is a person; military ranks are titles;
#       Korea e Veriut and Koreja alone are places (the lexicon's Kore was
#       a person by animacy); sq-16 is rebuilt.
# sq-18: entity extraction: a capitalised common word after a place noun
#       is a place's name (lagjen Lakuriq); singers known by one name and
#       the party Alternativa are in the curated list; more verbs only
#       people do (foli, sqaroi, përmend); sq-17 is rebuilt.
# sq-19: entity extraction: an institution's name takes an organisation's
#       acronym in the genitive after it (Asambleja e Përgjithshme e
#       OKB-së); a known name holding "për" is joined whatever its head
#       (Bashkimi Demokratik për Integrim); a known person's or place's name
#       in capitals is that name (KIDA); Paris Saint Germain is PSG;
#       sq-18 is rebuilt.
# sq-20: entity names: an organisation's name with its acronym in brackets
#       after it is one canonical in the article, the acronym (IKSHPK), or
#       the article's name where the curated list gives the acronym another
#       entity (Federata e Industrive Gjermane (BDI)); sq-19 is rebuilt.
# sq-21: entity extraction: a quoted name holding a word of foreign
#       organisations' names is one (‘London Gazette’, “Insider LLC”); a
#       feminine title in the accusative (vajzën, motrën) is a title;
#       sq-20 is rebuilt.
# sq-22: entity names: a state's acronym in brackets after an
#       organisation (Departamenti i Shtetit (SHBA)) is no acronym of it;
#       sq-21 is rebuilt.
# sq-23: entity lists: well-known sportspeople, politicians and singers
#       named by the surname alone (Vettel, Kante: people, not MISC), NBA,
#       Euroleague and early-round European clubs, Kosovo's agencies, more
#       outlets; konte a place noun, more titles and verbs of saying;
#       sq-22 is rebuilt.
# sq-24: entity rules (issue #15, seventh round): one word for a feminine
#       name of several words declines by its own ending (Gazetaexpress,
#       Koha.net: Gazeta Express, Koha Ditore); a word the article names a
#       person by is that person wherever it is written with a capital and
#       nothing else claims it (Veseli opening a paragraph after Kadri
#       Veseli); a surname opening a sentence that the curated list's
#       well-known people resolve is kept (Pjanic, Dendias); a government
#       named by its head is one organisation (Qeveria Kurti); a list after
#       a place noun in the plural names places; a city is the club the
#       article writes out after it (Dallasit: Dallas Mavericks); a prison
#       is a place; a word of events counts before a name's first genitive
#       only (Shoqata e Veteranëve të Luftës: ORG); sq-23 is rebuilt.
# sq-25: entity rules (issue #15, eighth round): a first name that is a
#       common word too opens a person's name before a surname (Flora
#       Ahmeti, Besa Shahini); a place and a compass adjective are one
#       region (Ballkani Perëndimor); a list under a heading of places and
#       a colon names places (Vendet: ...); a known place before a word of
#       organisation names opens it (Boston Globe), before an English
#       plural names a team (Belfast Giants); a name holding a digit is no
#       person's (Tab S7); documents are named as laws are (Kodi Penal:
#       MISC); power substations' and other technical abbreviations are no
#       names (TS, NS, IP); a name after 'rr.' is a street; a quoted venue
#       is a place; sq-24 is rebuilt.
ANALYZER_VERSION = "sq-25"


class AlbanianStemFilter(Filter):
    """Replaces each token's text by its key (`analyzers.stemmer`).

    Holds no stemmer itself (the index pickles its analyzer): it asks for the
    process-wide one, whose memo of word -> key is shared by every analyzer.
    """

    def __init__(self, language: str = "albanian"):
        self.language = language

    def __eq__(self, other):
        return self.__class__ is other.__class__ and self.language == other.language

    def __call__(self, tokens):
        s = stemmer(self.language)
        stem = s.stemWord
        memo = getattr(s, "_cache", {})  # the stemmer's own memo, read inline for speed
        for t in tokens:
            key = memo.get(t.text)
            t.text = key if key is not None else stem(t.text)
            yield t


class AlbanianVariantStemFilter(AlbanianStemFilter):
    """A stem filter with non-default stemmer options, for measuring designs."""

    def __init__(self, **options):
        super().__init__()
        self.options = dict(sorted(options.items()))

    def __eq__(self, other):
        return self.__class__ is other.__class__ and self.options == other.options

    def __call__(self, tokens):
        key = repr(self.options)
        if key not in _variants:
            _variants[key] = AlbanianStemmer(**self.options)
        stem = _variants[key].stemWord
        for t in tokens:
            t.text = stem(t.text)
            yield t


_variants: dict[str, AlbanianStemmer] = {}


def AlbanianAnalyzer():
    """Tokenize, normalize, mark stop words, and key each Albanian word."""
    return AlbanianTokenizer() | AlbanianNormalizer() | AlbanianStopFilter() | AlbanianStemFilter()


# -- indexing: the analyzer's output in one pass --------------------------
#
# Indexing runs every word of every article through the chain above: a
# Token object passed along four generators, then grouped by key. But for
# indexing the chain is a function of the token's text alone (normalize,
# then key; stop words are kept in the index), and word forms repeat
# heavily, so `index_terms` keys each distinct form once per process and
# groups the positions as it tokenizes. It must give exactly what the chain
# gives (tests/test_index_terms.py): it is the chain, memoised.


class IndexedText(NamedTuple):
    """A text's analysis for indexing."""

    positions: dict[str, list[int]]  # key -> its positions, ascending; keys in order of first use
    starts: list[int] | None  # each position's token start; None if a position before the last has none


# Memo of token text -> key, filled as articles are indexed. A news corpus
# has ~10^5 distinct forms; the cap only guards against unbounded input.
_KEYS: dict[str, str] = {}
_KEYS_LIMIT = 500_000


def _key_of(surface: str) -> str:
    key = stemmer("albanian").stemWord(normalize(surface))
    if len(_KEYS) < _KEYS_LIMIT:
        _KEYS[surface] = key
    return key


def index_terms(text: str) -> IndexedText:
    """What AlbanianAnalyzer() gives for indexing `text` (mode "index":
    positions and character starts, stop words kept), grouped by key."""
    positions: dict[str, list[int]] = {}
    starts: list[int] | None = []
    known = _KEYS.get
    for position, token in enumerate(positioned_tokens(text)):
        if token is None:  # an overlong token: its position stays empty
            continue
        surface, start, _ = token
        key = known(surface) or _key_of(surface)
        found = positions.get(key)
        if found is None:
            positions[key] = [position]
        else:
            found.append(position)
        if starts is not None:
            # Starts are noted only while each position has its token.
            if position == len(starts):
                starts.append(start)
            else:
                starts = None
    return IndexedText(positions, starts)


def clear_caches() -> None:
    """Forgets every memo of word forms that analysis keeps (`index_terms`'
    keys, the normalizer's forms, the shared stemmer's memo and its lexicon
    table), so that the next analysis starts as in a new process:
    for benchmarks that must compare cold runs, such as
    benchmarks/entities_speed.py."""
    _KEYS.clear()
    normalizer._NORMALIZED.clear()
    forget_shared()


_CHAIN: list = []  # analyzers found to be AlbanianAnalyzer() (a few: one a schema)


def is_albanian_analyzer(analyzer) -> bool:
    """Whether `analyzer` (perhaps unpickled from an index) is
    AlbanianAnalyzer(), whose indexing `index_terms` does in one pass."""
    if any(analyzer is known for known in _CHAIN):
        return True
    if analyzer == AlbanianAnalyzer():
        if len(_CHAIN) < 16:
            _CHAIN.append(analyzer)
        return True
    return False
