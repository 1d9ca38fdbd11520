"""The word lists of entity extraction, read from ``resources/entity_words.txt``.

Lists of words belong in a resource file, where they can be read and
extended without reading code (as Lucene keeps stop words and stem
exceptions); the rules that use them stay in code. Each section of the
file becomes a frozenset of words, or, for the ``*_stems`` sections, a
regular expression matching a word that one of the stems begins (with or
without the case endings the caller requires); a section of plain stems
taken with a list of endings only is the set of the words it matches
(:class:`WordSet`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parent.parent / "resources" / "entity_words.txt"


@lru_cache(maxsize=1)
def sections() -> dict[str, tuple[str, ...]]:
    """Every section of the file: its items in order."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in WORDS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], [])
            continue
        if current is None:
            raise ValueError(f"{WORDS_FILE}: items before the first [section]")
        current.extend(line.split())
    return {name: tuple(items) for name, items in out.items()}


def words(section: str) -> frozenset[str]:
    return frozenset(sections()[section])


class WordTest:
    """A regular expression asked of one word at a time, its answers (True
    or False) remembered per word: extraction asks the same few thousand
    words again and again (the word before every name), and a pattern of
    a hundred stems costs Python's re a try of each. ``match`` and
    ``search`` answer as the pattern's methods would, as booleans.
    :func:`analyzers.entities.extract.clear_caches` forgets the answers."""

    __slots__ = ("pattern", "match", "search")

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        self.match = lru_cache(maxsize=32768)(lambda word: pattern.match(word) is not None)
        self.search = lru_cache(maxsize=32768)(lambda word: pattern.search(word) is not None)

    def cache_clear(self) -> None:
        self.match.cache_clear()
        self.search.cache_clear()


class WordSet:
    """What a WordTest of plain stems and endings answers, asked of a set:
    such a pattern matches finitely many words (each stem, bare or with
    one of the endings, and each of those with a line break after it,
    which ``$`` lets through), so ``match`` and ``search`` (the same, for
    a pattern anchored by ``^``) are membership of them. It needs no memo,
    and no pattern compiled at import; ``pattern`` compiles the one it
    stands for, for the tests that hold the two together."""

    __slots__ = ("section", "endings", "match", "search")

    def __init__(self, section: str, endings: str) -> None:
        stems, ends = sections()[section], endings.split("|")
        if any(re.escape(part) != part for part in (*stems, *ends)):
            raise ValueError(f"[{section}] or {endings!r}: not plain words; use stems()")
        self.section, self.endings = section, endings
        forms = [stem + ending for stem in stems for ending in ("", *ends)]
        self.match = self.search = frozenset(forms + [form + "\n" for form in forms]).__contains__

    @property
    def pattern(self) -> re.Pattern:
        return re.compile(stems_pattern(self.section, self.endings))


def stems_pattern(section: str, endings: str | None = None) -> str:
    """A regular expression matching a word that starts with one of the
    section's stems; with `endings` (a regular expression), only the stem
    followed by one of them or nothing, to the word's end."""
    body = "|".join(sections()[section])
    if endings is None:
        return rf"^(?:{body})"
    return rf"^(?:{body})(?:{endings})?$"


def stems(section: str, endings: str | None = None) -> WordTest:
    """Whether a word starts with one of the section's stems (see stems_pattern)."""
    return WordTest(re.compile(stems_pattern(section, endings)))


# Case endings of a common noun used as a class word (qyteti, qytetit,
# fshatin, liqenit, zonës, rajonet): the patterns below take only these
# after their stems.
_NOUN_ENDINGS = (
    "i|u|it|ut|in|un|a|ë|ën|ës|e|en|es|et|eve|at|ave|ja|je|jen|jes|enj|enjt|enjve|ra|rat|rave|ve|ët|ëve|së|në"
)
_SHORT_STEM_ENDINGS = "i|u|it|ut|in|un|et|eve|enj|enjt|enjve|ra|rat|rave|ri|rit|rin"

# Head nouns that make a multi-word name an organisation, a place, an event.
ORG_HEADS = stems("org_head_stems")
LOC_HEADS = WordTest(
    re.compile(f"{stems_pattern('loc_head_stems')}|{stems_pattern('loc_head_short_stems', _SHORT_STEM_ENDINGS)}")
)
MISC_HEADS = stems("misc_head_stems")
# ... the same heads as a lowercase class noun, with their own case endings
# only (universitetin, spitalit; not komunikim, which komun begins)
ORG_HEAD_NOUN = stems("org_head_stems", _NOUN_ENDINGS)
LOC_HEAD_NOUN = WordSet("loc_head_stems", _NOUN_ENDINGS)
LAW_HEAD = WordSet("law_head_stems", "i|it|in|a|ës|ën|et|eve")
# a legislature's noun alone, bare or definite: Kuvend, Kuvendi, Kuvendit, Kuvendin
LEGISLATURE = WordSet("legislature_stems", "i|it|in")
LOC_PREPOSITIONS = words("locative_prepositions")
PLACE_NOUN = WordSet("place_noun_stems", _NOUN_ENDINGS)
FAMILY_NOUN_STEMS = sections()["family_noun_stems"]
FAMILY_NOUN = WordSet("family_noun_stems", _NOUN_ENDINGS)
NAMED_BY = WordSet("named_by_stems", _NOUN_ENDINGS.replace("|enj|enjt|enjve|ra|rat|rave", ""))
NAMING_NOUN = stems("naming_noun_stems")
ORG_NOUN = WordSet("org_noun_stems", _NOUN_ENDINGS)
PERSON_VERBS = words("person_verbs")
ORG_WORDS = words("org_words")
LOC_WORDS = words("loc_words")
MISC_WORDS = words("misc_words")
NOT_NAMES = words("not_names")
SPEECH_VERBS = words("speech_verbs")
SENTENCE_OPENERS = words("sentence_openers")
TITLE_STEMS = sections()["title_stems"]
OFFICE = stems("office_stems")
SPORT_STEMS = sections()["sport_stems"]
SPORT_WORD = re.compile(r"(?<!\w)(?:" + "|".join(SPORT_STEMS) + r")", re.IGNORECASE)
SPORT_PREPOSITIONS = words("sport_prepositions")
TITLE_ADJECTIVES = words("title_adjectives")
PATRONYMIC_PREFIXES = sections()["patronymic_prefixes"]
REALM_TITLE = WordSet("realm_title_stems", "i|it|in|ja|a|ë|eshë|esha")
DIRECTION_GENITIVES = words("direction_genitives")
ADJECTIVE_END = WordTest(re.compile("(?:" + "|".join(sections()["adjective_endings"]) + ")$"))
NAME_PARTICLE_LIST = sections()["name_particles"]
NAME_PARTICLES = frozenset(NAME_PARTICLE_LIST)
SECOND_NAME_PARTICLES = sections()["second_name_particles"]
ARTICLE_NAME_PREFIXES = sections()["article_name_prefixes"]
CREDIT_VERBS = sections()["credit_verbs"]
CLUB_PREFIXES = words("club_prefixes")
# A top-level domain, as a regular expression (co.uk's dot escaped).
TLD = "(?:" + "|".join(re.escape(domain) for domain in sections()["web_domains"]) + ")"
ORG_GLOSS_WORDS = sections()["org_gloss_words"]
LOC_GLOSS_WORDS = sections()["loc_gloss_words"]
