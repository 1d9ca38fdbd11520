"""The word lists of entity extraction, read from ``resources/entity_words.txt``.

Lists of words belong in a resource file, where they can be read and
extended without reading code (as Lucene keeps stop words and stem
exceptions); the rules that use them stay in code. Each section of the
file becomes a frozenset of words, or, for the ``*_stems`` sections, a
test of a word that one of the stems begins (with or without the case
endings the caller requires). A stem is plain letters, or letters with
one class of letters (``qendr[aëe]``) and a look-ahead they may not be
followed by (``lig(?!j)``): the regular expression the section stands for.
Such a test compares a word's first letters with the stems that start
so (:class:`StemTest`) or, with a list of endings, is membership of the
finitely many words it matches (:class:`WordSet`, or :class:`FormTest`
for a test asked of few words): nothing is compiled at import, which
every process that indexes pays; each test's ``pattern`` compiles the
expression it stands for, for the tests that hold the two together.
Stems of any other syntax are asked of their compiled pattern
(:class:`WordTest`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Final

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


# The characters re.escape escapes: a word without them is matched by a
# regular expression as it is written.
_SPECIAL: Final = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


class WordTest:
    """A regular expression asked of one word at a time, its answers (True
    or False) remembered per word: extraction asks the same few thousand
    words again and again (the word before every name), and a pattern of
    a hundred stems costs Python's re a try of each. ``match`` and
    ``search`` answer as the pattern's methods would, as booleans.
    :func:`analyzers.entities.extract.clear_caches` forgets the answers.
    The stems of the file need none (see :func:`stems`)."""

    __slots__ = ("_pattern", "match", "search")

    def __init__(self, pattern: re.Pattern) -> None:
        self._pattern = pattern
        self.match = lru_cache(maxsize=32768)(lambda word: pattern.match(word) is not None)
        self.search = lru_cache(maxsize=32768)(lambda word: pattern.search(word) is not None)

    @property
    def pattern(self) -> re.Pattern:
        return self._pattern

    def cache_clear(self) -> None:
        self.match.cache_clear()
        self.search.cache_clear()


class StemTest:
    """What a WordTest of a section's stems answers (stems_pattern: whether a
    word starts with one of them), by comparing the word's first letters
    with the stems that start as it does; or one of the words of a WordSet
    besides (`or_words`). ``match`` and ``search`` are one (the pattern is
    anchored by ``^``); no memo: most words start as no stem does, which
    costs less to find than a memo's entry for the word. ``pattern``
    compiles the expression it stands for."""

    __slots__ = ("section", "or_words", "match", "search")

    def __init__(self, section: str, or_words: WordSet | None = None) -> None:
        self.section, self.or_words = section, or_words
        # each form with what may not follow it, by its first letters (as
        # many as the shortest form has, two at most): a word is asked only
        # the forms it may start with, most words none
        forms = [(form, not_next) for stem in sections()[section] for form, not_next in _guarded(section, stem)]
        head = min(2, *(len(form) for form, _ in forms))
        by_head: dict[str, list[tuple[str, str]]] = {}
        for form, not_next in forms:
            by_head.setdefault(form[:head], []).append((form, not_next))
        in_words = or_words.match if or_words is not None else None

        def starts(word: str) -> bool:
            for form, not_next in by_head.get(word[:head], ()):
                n = len(form)
                if word[:n] == form and not (not_next and word[n : n + len(not_next)] == not_next):
                    return True
            return in_words is not None and in_words(word)

        self.match = self.search = starts

    @property
    def pattern(self) -> re.Pattern:
        source = stems_pattern(self.section)
        if self.or_words is not None:
            source += "|" + stems_pattern(self.or_words.section, self.or_words.endings)
        return re.compile(source)


class EndingTest:
    """What a WordTest of ``(?:e1|e2|...)$``, a section's endings, answers:
    ``search``, whether a word ends in one of them (``$`` also before a
    final line break), asked with ``str.endswith``; ``match``, whether the
    word is one of them. No memo (see StemTest); ``pattern`` compiles the
    expression it stands for."""

    __slots__ = ("section", "match", "search")

    def __init__(self, section: str) -> None:
        self.section = section
        ends = sections()[section]
        if not all(map(_SPECIAL.isdisjoint, ends)):
            raise ValueError(f"[{section}]: not plain endings")

        def ends_in_one(word: str) -> bool:
            return word.endswith(ends) or (word.endswith("\n") and word[:-1].endswith(ends))

        self.match = frozenset(ends + tuple(end + "\n" for end in ends)).__contains__
        self.search = ends_in_one

    @property
    def pattern(self) -> re.Pattern:
        return re.compile("(?:" + "|".join(sections()[self.section]) + ")$")


class WordSet:
    """What a WordTest of stems and endings answers, asked of a set: such a
    pattern matches finitely many words (each form of a stem, bare or with
    one of the endings, and each of those with a line break after it,
    which ``$`` lets through; a look-ahead of the stem keeps those it
    allows), so ``match`` and ``search`` (the same, for a pattern anchored
    by ``^``) are membership of them. It needs no memo, and no pattern
    compiled at import; ``pattern`` compiles the one it stands for, for
    the tests that hold the two together. For the tests asked of most
    names: the set costs a few thousand words made at import."""

    __slots__ = ("section", "endings", "match", "search")

    def __init__(self, section: str, endings: str) -> None:
        self.section, self.endings = section, endings
        held = [form + rest for form, rests in stem_endings(section, endings).items() for rest in rests]
        self.match = self.search = frozenset(held).__contains__

    @property
    def pattern(self) -> re.Pattern:
        return re.compile(stems_pattern(self.section, self.endings))


class FormTest:
    """What a WordSet answers, for a test asked of a few words only: whether
    the word is a stem's form and what may follow it, split before its
    last letters (as many as the longest ending and a line break), rather
    than the set of every form made at import. No memo (see StemTest);
    ``pattern`` compiles the expression it stands for."""

    __slots__ = ("section", "endings", "match", "search")

    def __init__(self, section: str, endings: str) -> None:
        self.section, self.endings = section, endings
        sets: dict[tuple[str, ...], frozenset[str]] = {}
        after = {
            form: sets.get(rests) or sets.setdefault(rests, frozenset(rests))
            for form, rests in stem_endings(section, endings).items()
        }
        longest = max(len(rest) for rests in after.values() for rest in rests)

        def is_form(word: str) -> bool:
            n = len(word)
            for k in range(max(0, n - longest), n + 1):
                rests = after.get(word[:k])
                if rests is not None and word[k:] in rests:
                    return True
            return False

        self.match = self.search = is_form

    @property
    def pattern(self) -> re.Pattern:
        return re.compile(stems_pattern(self.section, self.endings))


def stem_endings(section: str, endings: str) -> dict[str, tuple[str, ...]]:
    """What ``stems_pattern(section, endings)`` matches, as each plain form of
    the section's stems with what may follow it to the word's end: one of
    the endings or none, then a line break or not (``$``), less what the
    stem's look-ahead refuses. Forms that take the same take one tuple."""
    ends = endings.split("|")
    if not all(map(_SPECIAL.isdisjoint, ends)):
        raise ValueError(f"{endings!r}: not plain endings")
    rests = tuple(rest for ending in ("", *ends) for rest in (ending, ending + "\n"))
    out: dict[str, tuple[str, ...]] = {}
    for stem in sections()[section]:
        forms, not_next = stem_forms(section, stem)
        allowed = tuple(rest for rest in rests if not rest.startswith(not_next)) if not_next else rests
        for form in forms:
            # (a form two stems give takes what either lets follow it)
            out[form] = tuple(dict.fromkeys(out[form] + allowed)) if form in out else allowed
    return out


def _guarded(section: str, stem: str) -> list[tuple[str, str]]:
    """Each plain form of a stem with what may not follow it ("": anything)."""
    forms, not_next = stem_forms(section, stem)
    return [(form, not_next) for form in forms]


def stem_forms(section: str, stem: str) -> tuple[tuple[str, ...], str]:
    """The plain words a stem of the file stands for, and what may not
    follow them ("" for anything): ``qendr[aëe]`` is qendra, qendrë and
    qendre; ``lig(?!j)`` is lig, not followed by j. A stem is letters, with
    one class of letters in it and a look-ahead at its end at most; any
    other regular expression is refused, as no test here would answer it."""
    body, not_next = stem, ""
    if stem.endswith(")") and "(?!" in stem:
        body, not_next = stem[:-1].split("(?!", 1)
        if not not_next:
            raise ValueError(f"[{section}] {stem!r}: an empty look-ahead")
    if not body:
        raise ValueError(f"[{section}] {stem!r}: a look-ahead with no letters before it")
    forms = [body]
    if "[" in body:
        head, rest = body.split("[", 1)
        letters, bracket, tail = rest.partition("]")
        if not (letters and bracket):
            raise ValueError(f"[{section}] {stem!r}: not a class of letters")
        forms = [head + letter + tail for letter in letters]
    if not all(map(_SPECIAL.isdisjoint, (*forms, not_next))):
        raise ValueError(f"[{section}] {stem!r}: not plain letters, a class of them and a look-ahead")
    return tuple(forms), not_next


def stems_pattern(section: str, endings: str | None = None) -> str:
    """A regular expression matching a word that starts with one of the
    section's stems; with `endings` (a regular expression), only the stem
    followed by one of them or nothing, to the word's end."""
    body = "|".join(sections()[section])
    if endings is None:
        return rf"^(?:{body})"
    return rf"^(?:{body})(?:{endings})?$"


def stems(section: str, endings: str | None = None) -> StemTest | FormTest | WordTest:
    """Whether a word starts with one of the section's stems, or with
    `endings`, is one of its forms with or without one (see stems_pattern):
    a WordTest of the compiled pattern only where a stem is more than
    stem_forms reads."""
    try:
        return StemTest(section) if endings is None else FormTest(section, endings)
    except ValueError:
        return WordTest(re.compile(stems_pattern(section, endings)))


@lru_cache(maxsize=1)
def sport_word() -> re.Pattern:
    """A word of sport (one of SPORT_STEMS at a word's start) in any case:
    compiled when first asked, since :func:`analyzers.entities.classify.sports_story`
    needs it only for a text its lowercase does not answer for."""
    return re.compile(r"(?<!\w)(?:" + "|".join(SPORT_STEMS) + r")", re.IGNORECASE)


# Case endings of a common noun used as a class word (qyteti, qytetit,
# fshatin, liqenit, zonës, rajonet): the patterns below take only these
# after their stems.
_NOUN_ENDINGS: Final = (
    "i|u|it|ut|in|un|a|ë|ën|ës|e|en|es|et|eve|at|ave|ja|je|jen|jes|enj|enjt|enjve|ra|rat|rave|ve|ët|ëve|së|në"
)
_SHORT_STEM_ENDINGS: Final = "i|u|it|ut|in|un|et|eve|enj|enjt|enjve|ra|rat|rave|ri|rit|rin"

# Head nouns that make a multi-word name an organisation, a place, an event.
ORG_HEADS: Final = stems("org_head_stems")
LOC_HEADS: Final = StemTest("loc_head_stems", or_words=WordSet("loc_head_short_stems", _SHORT_STEM_ENDINGS))
MISC_HEADS: Final = stems("misc_head_stems")
# ... the same heads as a lowercase class noun, with their own case endings
# only (universitetin, spitalit; not komunikim, which komun begins); asked
# of the word before a quoted name only
ORG_HEAD_NOUN: Final = stems("org_head_stems", _NOUN_ENDINGS)
LOC_HEAD_NOUN: Final = stems("loc_head_stems", _NOUN_ENDINGS)
LAW_HEAD: Final = WordSet("law_head_stems", "i|it|in|a|ës|ën|et|eve")
# a legislature's noun alone, bare or definite: Kuvend, Kuvendi, Kuvendit, Kuvendin
LEGISLATURE: Final = WordSet("legislature_stems", "i|it|in")
LOC_PREPOSITIONS: Final = words("locative_prepositions")
PLACE_NOUN: Final = WordSet("place_noun_stems", _NOUN_ENDINGS)
FAMILY_NOUN_STEMS: Final = sections()["family_noun_stems"]
FAMILY_NOUN: Final = WordSet("family_noun_stems", _NOUN_ENDINGS)
NAMED_BY: Final = WordSet("named_by_stems", _NOUN_ENDINGS.replace("|enj|enjt|enjve|ra|rat|rave", ""))
NAMING_NOUN: Final = stems("naming_noun_stems")
ORG_NOUN: Final = WordSet("org_noun_stems", _NOUN_ENDINGS)
PERSON_VERBS: Final = words("person_verbs")
ORG_WORDS: Final = words("org_words")
LOC_WORDS: Final = words("loc_words")
NAMED_AFTER: Final = words("named_after")
MISC_WORDS: Final = words("misc_words")
NOT_NAMES: Final = words("not_names")
SPEECH_VERBS: Final = words("speech_verbs")
SENTENCE_OPENERS: Final = words("sentence_openers")
TITLE_STEMS: Final = sections()["title_stems"]
OFFICE: Final = stems("office_stems")
SPORT_STEMS: Final = sections()["sport_stems"]
SPORT_PREPOSITIONS: Final = words("sport_prepositions")
TITLE_ADJECTIVES: Final = words("title_adjectives")
PATRONYMIC_PREFIXES: Final = sections()["patronymic_prefixes"]
REALM_TITLE: Final = WordSet("realm_title_stems", "i|it|in|ja|a|ë|eshë|esha")
DIRECTION_GENITIVES: Final = words("direction_genitives")
ADJECTIVE_END: Final = EndingTest("adjective_endings")
NAME_PARTICLE_LIST: Final = sections()["name_particles"]
NAME_PARTICLES: Final = frozenset(NAME_PARTICLE_LIST)
SECOND_NAME_PARTICLES: Final = sections()["second_name_particles"]
ARTICLE_NAME_PREFIXES: Final = sections()["article_name_prefixes"]
CREDIT_VERBS: Final = sections()["credit_verbs"]
CLUB_PREFIXES: Final = words("club_prefixes")
# A top-level domain, as a regular expression (co.uk's dot escaped).
TLD: Final = "(?:" + "|".join(re.escape(domain) for domain in sections()["web_domains"]) + ")"
ORG_GLOSS_WORDS: Final = sections()["org_gloss_words"]
LOC_GLOSS_WORDS: Final = sections()["loc_gloss_words"]
