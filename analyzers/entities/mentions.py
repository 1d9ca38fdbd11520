"""Finding candidate name spans in Albanian text.

Albanian capitalises proper names and nothing else mid-sentence (not
months, weekdays, nationalities or titles), so a capitalised word that does
not open a sentence is the strongest cue. The rules here only find spans;
what they mean (type, canonical form) is decided in
:mod:`analyzers.entities.extract`.

* A *run* is capitalised words joined by nothing but spaces or by the
  Albanian connecting articles ``i``, ``e``, ``të``, ``së`` (``Kombet e
  Bashkuara``, ``Lindje të Mesme``, ``Malit të Zi``); punctuation, line breaks
  and other lowercase words end it.
* An *acronym* is two or more capitals, with an optional hyphenated case
  ending that is not part of the name (``OKB-së``, ``NATO-s``, ``SHBA-ve``).
* A *quoted name* is a short capitalised phrase in quotation marks
  (``“Brezi dhe Rruga”``): names of initiatives, projects, works.
* A *title* (``presidenti``, ``kryeministri``, ``sekretari i
  përgjithshëm``) before a run is evidence that the run is a person
  (the title words: :mod:`analyzers.entities.titles`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from analyzers.entities.memo import word_memo
from analyzers.entities.titles import TITLE_ABBREVIATIONS, is_title, title_like
from analyzers.entities.words import (
    ARTICLE_NAME_PREFIXES,
    NAME_PARTICLE_LIST,
    SECOND_NAME_PARTICLES,
    TLD,
)

WORD = r"[^\W\d_][^\W_]*(?:['’][^\W\d_]+)?"
ACRONYM_RE: Final = re.compile(
    r"^(?P<name>[A-ZÇË][A-ZÇË0-9]+(?:[-–][A-ZÇË]{2,})?|[A-ZÇË][a-zçë]?[A-ZÇË]{1,}[A-ZÇË]?)"
    r"(?:[-–](?P<ending>[a-zçë]{1,4}))?$"
)
CONNECTOR_WORDS: Final = frozenset({"i", "e", "të", "së"})
SENTENCE_END: Final = frozenset({".", "!", "?", "…", ":", ";"})
OPEN_QUOTES: Final = frozenset("“„«\"'‘‹")
CLOSE_QUOTES: Final = {"“": "”", "„": "“”", "«": "»", '"': '"', "'": "'", "‘": "’", "‹": "›"}
DASHES: Final = frozenset("-–—")


# (Token's and Run's __init__ written out, not made by dataclass: see piece.Piece)
@dataclass(slots=True, init=False)
class Token:
    """A word of a run."""

    text: str
    start: int
    end: int
    sentence_initial: bool

    def __init__(self, text: str, start: int, end: int, sentence_initial: bool = False) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.sentence_initial = sentence_initial

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


@dataclass(slots=True, init=False)
class Run:
    """Consecutive tokens that may form one or more names."""

    tokens: list[Token]
    # a title word precedes it in the sentence: a bool, or a LazyTitle
    title_before: Any

    def __init__(self, tokens: list[Token], title_before: Any = False) -> None:
        self.tokens = tokens
        self.title_before = title_before

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


@dataclass(slots=True)
class Quoted:
    start: int
    end: int
    text: str


# The corpus format's opening marker (` date 2023-10 `), not article text.
HEADER_RE: Final = re.compile(r"\A\s*date[ \t]+\S+[ \t]*", re.IGNORECASE)


# What ACRONYM_RE needs second (a capital or a digit), or else third (a
# capital after a small letter: ShBA).
_ACRONYM_CAPITALS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÇË")
_ACRONYM_SECOND: Final = _ACRONYM_CAPITALS | frozenset("0123456789")


@word_memo(32768)
def split_acronym(word: str) -> tuple[str, str] | None:
    """``OKB-së`` -> (``OKB``, ``së``); ``NATO`` -> (``NATO``, ``""``); else None."""
    if word[1:2] not in _ACRONYM_SECOND and word[2:3] not in _ACRONYM_CAPITALS:
        return None  # most words (Kosova, Prishtinë): no pattern asked
    m = ACRONYM_RE.match(word)
    if not m:
        return None
    name = m.group("name")
    capitals = sum(1 for c in name if c.isupper())
    if capitals < 2 and not (capitals and m.group("ending") and any(c.isdigit() for c in name)):
        return None  # two capitals at least, or a capital, digits and a case ending: G7-ës
    return name, m.group("ending") or ""


# ---------------------------------------------------------------- the scan
#
# Extraction does not need every token of an article, only its capitalised
# runs and a little context around each: a word before, a sentence boundary
# behind. So runs are found with one regex and the text is read around them,
# rather than tokenized whole (an article has some 200 words, and 20
# capitalised runs).

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_CAP_WORD: Final = rf"(?:[{_UPPER}][^\W_]*(?:['’][^\W\d_]+)?(?:-[^\W\d_][^\W_]*)*)"
# a connector or a name particle between a name's words (resources/entity_words.txt)
_LINK: Final = "(?:i|e|të|së|" + "|".join(NAME_PARTICLE_LIST) + ")"
# a second particle: von der Leyen, de la Fuente, van der Bellen
_PARTICLE: Final = "(?:" + "|".join(SECOND_NAME_PARTICLES) + ")"
_GAP: Final = r"[ \t\u00a0]{1,3}"
_GAP_CHARACTERS: Final = " \t\u00a0"
# an Arabic article joined to a name by a hyphen: Sultan al-Jaber, el-Sisi
_ARTICLE_NAME: Final = rf"(?:{'|'.join(ARTICLE_NAME_PREFIXES)})-[{_UPPER}][^\W_]*"
# The capital comes first, and the look behind it (no letter, dash or
# letter+apostrophe before the run) is checked after it, as a look-behind over
# two or three characters: a pattern that opens with a character class lets
# the regex engine skip straight to the capitals instead of trying the
# look-behinds at every character (the same matches, in less time).
# The first word's letters and digits are read once, before the choice of a
# web address (Lajmi.net) or a word: both go on from the same letters, as
# a web address's characters ([\w-]) hold every one of them.
_CAP_WORD_TAIL: Final = r"(?:['’][^\W\d_]+)?(?:-[^\W\d_][^\W_]*)*"
# The domain's characters are taken possessively: a dot is none of them, so
# giving some back (as the regex engine would at every capitalised word that
# is no address) never lets the dot match.
_CAP_DOMAIN_TAIL: Final = rf"[\w-]*+\.{TLD}\b"
# A word after a gap: a capitalised one, after a connector or a name
# particle or two, or an Arabic article's name. Each choice written out
# whole, in the order the optional connector and particle are tried
# (with them first), rather than as optional groups: the engine tries the
# alternatives of a branch at the cost of a look at their first letter,
# where an optional group costs it a repeat at the end of every run.
_NEXT_WORD: Final = (
    rf"(?:{_LINK}{_GAP}(?:{_PARTICLE}{_GAP}{_CAP_WORD}|{_CAP_WORD})"
    rf"|{_CAP_WORD}|{_ARTICLE_NAME})"
)
RUN_RE: Final = re.compile(
    rf"[{_UPPER}](?<![\w-].)(?<!\w['’].)[^\W_]*"
    rf"(?:{_CAP_DOMAIN_TAIL}|{_CAP_WORD_TAIL}(?:{_GAP}{_NEXT_WORD})*)"
)
_WORD_AFTER_RE: Final = re.compile(r"[ \t\u00a0]*([^\W_][\w-]*)")
_SKIP_BACK: Final = frozenset(" \t\u00a0”»(") | DASHES
_BOUNDARY_BACK: Final = SENTENCE_END | OPEN_QUOTES | {"\n"}


# The end of a web address (the dot of its domain on), searched first: a
# pattern opening with a literal is found fast, and few words hold one.
_ADDRESS_END_RE: Final = re.compile(rf"\.{TLD}(?![\w@/-]|\.\w)")
_ADDRESS_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def web_addresses(text: str) -> list[tuple[int, int]]:
    """Spans of the web addresses a text names in lowercase as a word, a
    source (``transmeton lajmi.net``, ``për albinfo.at``): not part of a
    longer address, a path, a handle or an e-mail. Capitalised ones
    (``/Lajmi.net/``) are found as runs."""
    out = []
    for m in _ADDRESS_END_RE.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in _ADDRESS_CHARS:
            start -= 1
        before = text[start - 1] if start else " "
        if start < m.start() and "a" <= text[start] <= "z" and not (before.isalnum() or before in "@#/.'’_-"):
            out.append((start, m.end()))
    return out


# The last letters of z., znj., dr. and prof., in either case (a string:
# the empty one, where the text starts at the dot, is in it too).
_ABBREVIATION_ENDS: Final = "zjrfZJRF"


def opens_sentence(text: str, start: int, floor: int = 0) -> bool:
    """Whether the word at `start` opens a sentence: it follows (across
    spaces, dashes, closing quotes and brackets) a full stop, colon or
    semicolon that is no title's abbreviation (Z. Doseba), a line break, an
    opening quote, or the start of the text (`floor`: after a corpus
    header)."""
    k = start - 1
    if k > floor and text[k] == " " and text[k - 1].isalnum():
        return False  # most words: one space after another word
    while k >= floor:
        c = text[k]
        if (
            c == "."
            # (each abbreviation's last letter, asked first: most full stops end another word)
            and text[k - 1 : k] in _ABBREVIATION_ENDS
            and text[max(floor, k - 4) : k + 1].lower().split()[-1:] in (["z."], ["znj."], ["dr."], ["prof."])
        ):
            return False  # the full stop of a title's abbreviation: Z. Doseba
        if c in _BOUNDARY_BACK:
            return True
        if c in _SKIP_BACK:
            k -= 1
            continue
        return False
    return True


def word_before(text: str, start: int, lower: bool = True) -> str:
    """The word right before `start` (spaces between), lowercased, or "":
    the letters, digits, apostrophes and hyphens before the spaces, if a
    letter opens them. Most words are letters and digits only with one
    space after them, read whole with str.rfind; where a character no word
    ends with (a comma, a full stop, a quote) or no space comes right
    before `start` (a line break, a bracket), there is none; the others
    are read back one character at a time (:func:`_word_before_by_character`)."""
    k = start - 1
    if k > 0 and text[k] == " ":
        j = text.rfind(" ", k - 40 if k > 40 else 0, k) + 1
        word = text[j:k]
        if j and word.isalnum():  # all of the word: a space before it
            if word[0].isalpha():
                return word.lower() if lower else word
            return ""
        last = text[k - 1]
        if not (last.isalnum() or last in _WORD_END_OR_GAP):
            return ""  # "Kosovës, Kurti": the comma ends what is before
    elif k <= 0 or text[k] not in "\t\u00a0":
        return ""  # "(Kurti", a line's first word: nothing but a gap reaches a word
    return _word_before_by_character(text, start, lower)


# What the end of a word may be besides a letter or a digit (an apostrophe,
# a hyphen), or the rest of a gap before a name.
_WORD_END_OR_GAP: Final = "'’-\t\u00a0 "


def _word_before_by_character(text: str, start: int, lower: bool = True) -> str:
    """word_before(), read back one character at a time."""
    k = start
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    if k == start and start > 0 and not text[start - 1].isspace():
        return ""
    j = k
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'’-"):
        j -= 1
    if j < k and text[j].isalpha():
        return text[j:k].lower() if lower else text[j:k]
    return ""


def word_after(text: str, end: int) -> str:
    m = _WORD_AFTER_RE.match(text, end)
    return m.group(1) if m else ""


# The characters that end a sentence before a name, for title_before.
_SENTENCE_CUTS: Final = ".!?…:;\n"
# Up to the last of them (greedy: the engine looks from the end back).
_TO_LAST_CUT: Final = re.compile(rf".*[{_SENTENCE_CUTS}]", re.DOTALL)


# What title_before strips from a word of the sentence before a name.
_WORD_PUNCTUATION: Final = ",”“\"'‘’()«»"


@word_memo(32768)
def _title_word(part: str) -> bool:
    """Whether a white-space-separated part of a sentence is a title, its
    punctuation stripped (memoized: the same few thousand parts recur)."""
    return is_title(part.strip(_WORD_PUNCTUATION))


def title_before(text: str, start: int) -> bool:
    """A title within the few words before `start` in the same sentence:
    ``presidenti rus, Vladimir Putin``, ``presidentit kinez, Xi Jinping``.
    Only the last five words count."""
    window = text[max(0, start - 70) : start]
    cut = _TO_LAST_CUT.match(window)  # up to the last sentence's end, if any
    parts = (window[cut.end() :] if cut else window).split()
    if not parts:
        # a sentence's end right before the name, unless the dot is a
        # title's abbreviation's (Z. Doseba, Dr. Ford), which ends none (each
        # ends in a dot, so a window whose last word is one has no parts)
        last = window.rsplit(None, 1)[-1:]
        return bool(last) and last[0].lower() in TITLE_ABBREVIATIONS
    if not any(map(_title_word, parts)):
        return False  # no title in the sentence (most names)
    words = [w.strip(_WORD_PUNCTUATION) for w in parts]
    if not any(map(is_title, words[-5:])):
        # a title, then what it serves in the genitive, then the name:
        # diplomati kryesor i Koresë së Veriut, Ri Yong Ho
        k = len(words)
        while k and (words[k - 1] in CONNECTOR_WORDS or words[k - 1][:1].isupper()):
            k -= 1
        if not (k < len(words) - 2 and any(map(is_title, words[max(0, k - 3) : k]))):
            return False
    # The whole window's words must hold a title-like stretch too (a stem
    # opening a word, its first letter in either case, or a noun in -ist):
    # asked last, of the few names a title in the sentence precedes.
    return "ist" in window or any(map(title_like, window.split()))


def scan(
    text: str,
    keep_whole: Callable[[str], bool] = lambda word: False,
    drop_opener: Callable[[str], bool] | None = None,
) -> list[Run]:
    """The capitalised runs of a text (capitalised words joined by spaces,
    connectors and name particles, as the module's docstring says; a run
    may also hold two name particles in a row, ``Ursula von der Leyen``, and
    a hyphenated Arabic article, ``Sultan al-Jaber``), found without
    tokenizing the rest of the text, each with its first word's sentence
    opening marked and the title before it asked for lazily. A run of one
    word opening a sentence is left out where ``drop_opener(word)`` says
    so: a third of all runs are such words (Në, Ai, Por), and no objects
    need be made for what is no name."""
    header = HEADER_RE.match(text)
    floor = header.end() if header else 0
    out: list[Run] = []
    for m in RUN_RE.finditer(text, floor):
        base, end = m.span()  # (one call of the match's methods where start, group and end were three)
        whole = text[base:end]
        if whole.isalpha() or (" " not in whole and "-" not in whole and "\t" not in whole and "\u00a0" not in whole):
            # one word, the usual case (most are letters only: no gap, no hyphen)
            initial = opens_sentence(text, base, floor)
            if initial and drop_opener is not None and drop_opener(whole):
                continue
            out.append(Run([Token(whole, base, end, initial)], LazyTitle(text, base)))
            continue
        toks: list[Token] = []
        # the run's words: its gaps are white space (one to three of _GAP's
        # characters), and none of its words holds any, so each word starts
        # where the gap before it ends (read a character at a time: a
        # search of the text costs more, str.find parsing its arguments)
        at = base
        for word in whole.split():
            s = at
            while text[s] in _GAP_CHARACTERS:  # (none before the first word)
                s += 1
            at = s + len(word)
            if "-" in word and not split_acronym(word):
                declined = _HYPHENATED_ENDING.match(word)
                if declined:
                    # Cromwell-it, Chelsea-t: the name, its case ending after
                    # a hyphen (as acronyms take it: NATO-s); the token spans
                    # both, its text is the name
                    toks.append(Token(declined.group(1), s, at))
                    continue
                parts = word.split("-")
                if not keep_whole(word) and all(p[:1].isupper() for p in parts):
                    # Izrael-Hamas: two names, and the dash ends the run
                    pos = s
                    for k, part in enumerate(parts):
                        if k:
                            pos += 1
                        if toks and k:
                            out.append(_make_run(text, toks, floor))
                            toks = []
                        toks.append(Token(part, pos, pos + len(part)))
                        pos += len(part)
                    continue
            toks.append(Token(word, s, at))
        if toks:
            out.append(_make_run(text, toks, floor))
    return out


# A name with a case ending after a hyphen, as foreign names and names in
# a vowel are written (Cromwell-it, Wuhan-it, Chelsea-t, Kante-n, Meta-s):
# the endings of canonical.py's table.
# An ending in a vowel follows a stem of five letters or more: a shorter
# one is a syllable of a name written with hyphens (Kim Jong-un, Moon Jae-in).
_HYPHENATED_ENDING: Final = re.compile(
    r"^([^\W\d_][^\W_]{3,}[^\W\d_](?=[-–][iuaeë])|[^\W\d_][^\W_]+[^\W\d_](?=[-–][tnsv]))"
    r"[-–](?:i|it|in|u|ut|un|t|n|s|së|ës|ën|në|ja|ve|ët|ëve|es|en|a|ë)$"
)


class LazyTitle:
    """title_before(), asked only of the runs whose reading needs it."""

    __slots__ = ("text", "start", "value")

    def __init__(self, text: str, start: int) -> None:
        self.text, self.start = text, start
        self.value: bool | None = None

    def __bool__(self) -> bool:
        if self.value is None:
            self.value = bool(title_before(self.text, self.start))
        return self.value


def _make_run(text: str, toks: list[Token], floor: int) -> Run:
    first = toks[0]
    first.sentence_initial = opens_sentence(text, first.start, floor)
    return Run(toks, LazyTitle(text, first.start))


# The inner characters are taken possessively ({0,80}+): no closing quote
# is an inner character of the first kind, and an apostrophe is inner only
# with a word character after it, where a closing one has none; so one
# can only follow the longest run of inner characters, and giving some back
# (as a lazy {0,80}? tries at every character) never finds another match.
_QUOTED_RE: Final = re.compile(
    r"([“„«\"‘‹'])([^\W\d_](?:[^“”„«»\"‘’‹›'\n.,;:!?()]|(?<=\w)['’](?=\w)){0,80}+)([”“»\"’›'])(?!\w)"
)
_QUOTED_WORD_RE: Final = re.compile(WORD + r"(?:-" + WORD + r")*")
# The quotation marks a match of _QUOTED_RE opens with.
_OPENING_MARKS: Final = "“„«\"‘‹'"


def quoted_in(text: str) -> list[tuple[Quoted, str]]:
    """Short capitalised phrases in quotation marks (see quoted_names), each
    with the word before its opening quote."""
    out = []
    for m in quoted_matches(text):
        opener, inner, closer = m.group(1), m.group(2), m.group(3)
        if closer not in CLOSE_QUOTES.get(opener, "") and not (opener in OPEN_QUOTES and closer in '"”'):
            continue
        words = inner.split()
        if not (1 <= len(words) <= 6) or not words[0][0].isupper() or words[0].isupper():
            continue
        if any(not _QUOTED_WORD_RE.fullmatch(w) for w in words):
            continue
        start = m.start(2)
        end = start + len(inner.rstrip())
        out.append((Quoted(start, end, text[start:end]), word_before(text, m.start(1))))
    return out


def quoted_matches(text: str) -> list[re.Match]:
    """The matches of _QUOTED_RE in `text`, in order (what finditer gives):
    tried only where a quotation mark stands, as every match opens with one,
    rather than by the engine at every character of the text. An article
    holds a couple of such marks, which str.find skips to."""
    marks = []
    for mark in _OPENING_MARKS:
        k = text.find(mark)
        while k >= 0:
            marks.append(k)
            k = text.find(mark, k + 1)
    out = []
    end = 0  # a match's characters open no other (finditer goes on after it)
    for k in sorted(marks):
        if k >= end and (m := _QUOTED_RE.match(text, k)):
            out.append(m)
            end = m.end()
    return out
