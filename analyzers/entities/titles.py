"""Titles before a name: ``presidenti``, ``kryeministrit``, ``ish-ministri``,
``futbollistja``, ``Z.``, each evidence that the name after it is a
person's (:mod:`analyzers.entities.cut` reads it).

The rules are two regular expressions, written out below
(:func:`title_pattern`, :func:`title_find_pattern`). They are answered with
set lookups and string methods rather than compiled: every indexing process
would compile them at import, patterns of some hundred stems each, and only
a few thousand distinct words are ever asked.
``tests/test_entities_shortcuts.py`` holds the answers to the patterns.
"""

from __future__ import annotations

import re
from typing import Final

from analyzers.entities.memo import word_memo
from analyzers.entities.words import TITLE_STEMS

# Case endings of the stems, the plurals included (ministrat, ministrave,
# presidentët).
_STEM_ENDINGS: Final = tuple("i it in u ut un ja ës ën en es ët ëve e a ë at ave".split())
# A noun in -ist names a person's occupation or allegiance (futbollist,
# xhudistja, aktivistët), whatever its stem; its bare feminine -iste is
# left out, being the adjective too (Partia Socialiste).
_IST_ENDINGS: Final = tuple("i it in ja es en ët ëve et eve".split())
TITLE_ABBREVIATIONS: Final = frozenset({"z.", "znj.", "dr.", "prof."})


def title_pattern() -> str:
    """A title word, lowercased, whole: a stem with a case ending, or a noun
    in -ist (what :func:`is_title` answers, with the abbreviations)."""
    stems = "|".join(re.escape(s) for s in TITLE_STEMS)
    return rf"^(?:(?:{stems})(?:{'|'.join(_STEM_ENDINGS)})?|\w{{3,}}ist(?:{'|'.join(_IST_ENDINGS)})?)$"


def title_find_pattern() -> str:
    """Where a stretch of text holds a title-like word: a stem opening a
    word (its first letter in either case, ``ish-`` before it or not) or an
    abbreviation (what :func:`title_like` answers)."""
    stems = "|".join(f"[{s[0]}{s[0].upper()}]{re.escape(s[1:])}" for s in TITLE_STEMS)
    return rf"(?<![\w-])(?:(?:[iI]sh-)?(?:{stems})\w*|(?:[zZ]|[zZ]nj|[dD]r|[pP]rof)\.)"


# Every title word title_pattern() matches in its first branch: each stem,
# bare or with one of its endings.
_STEM_FORMS: Final = frozenset(stem + ending for stem in TITLE_STEMS for ending in ("", *_STEM_ENDINGS))
# The tails of a noun in -ist, longest first (its second branch).
_IST_TAILS: Final = tuple(sorted(("ist" + ending for ending in ("", *_IST_ENDINGS)), key=len, reverse=True))


@word_memo(32768)
def is_title(word: str) -> bool:
    """Whether title_pattern() matches `word` lowercased, or it is a title's
    abbreviation."""
    low = word.lower()
    if low in TITLE_ABBREVIATIONS:
        return True
    if low.endswith("\n"):
        low = low[:-1]  # ($ matches before a line break that ends the text)
    if low in _STEM_FORMS:
        return True
    if not low.endswith(_IST_TAILS):
        return False
    for tail in _IST_TAILS:
        if low.endswith(tail):
            head = low[: len(low) - len(tail)]
            if len(head) >= 3 and all(c.isalnum() or c == "_" for c in head):  # \w{3,}
                return True
    return False


# A title stem's first letter, in either case -> the rest of each stem it opens.
_OPENINGS: dict[str, tuple[str, ...]] = {}
for _stem in TITLE_STEMS:
    for _first in set(_stem[0] + _stem[0].upper()):
        _OPENINGS[_first] = (*_OPENINGS.get(_first, ()), _stem[1:])
_ISH: Final = ("ish-", "Ish-")
_ABBREVIATION_FORMS: Final = ("z.", "Z.", "znj.", "Znj.", "dr.", "Dr.", "prof.", "Prof.")


# Where in a stretch a title may open: a word character that no word
# character or hyphen comes right before.
_WORD_OPENING: Final = re.compile(r"(?<![\w-])\w")


@word_memo(32768)
def title_like(word: str) -> bool:
    """Whether title_find_pattern() is found in `word`, a stretch without
    white space: none of its matches spans a space, so a window's words
    answer for the window, and the same few thousand words recur where a
    window of text seldom does."""
    if word.isalnum():  # a plain word: only a stem can open it, at its start
        stems = _OPENINGS.get(word[0])
        return stems is not None and word.startswith(stems, 1)
    return any(_title_at(word, m.start()) for m in _WORD_OPENING.finditer(word))


def _title_at(word: str, k: int) -> bool:
    """Whether a title stem or an abbreviation opens word[k:]."""
    stems = _OPENINGS.get(word[k])
    if stems is not None and word.startswith(stems, k + 1):
        return True
    if word.startswith(_ISH, k) and k + 4 < len(word):
        stems = _OPENINGS.get(word[k + 4])
        if stems is not None and word.startswith(stems, k + 5):
            return True
    return word.startswith(_ABBREVIATION_FORMS, k)
