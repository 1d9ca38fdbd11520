"""Where in an article a name stands: in its text, or at the places where
sites put their boilerplate.

A source signature closes an article after its last sentence (``...
tha Haradinaj. /Lajmi.net/``) or the clause that credits the site closes a
sentence (``..., transmeton lajmi.net.``), a byline or a share line stands on a short
line of its own (``Nga: Arben Ahmeti``, ``Shiko videon:``), and an embedded
post brings its own short lines (``View this post on Instagram``). A name
there is only *possibly* boilerplate: whether it is depends on how many
articles of the same folder carry it there, which one article cannot
know. The index records, per article, the names found only at such
places (``edge_only``), and the reader side (``searchidx.index.entities``)
decides from the whole folder which of them are signatures.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Final

from analyzers.entities.words import CREDIT_VERBS

# A line of this many words or fewer is a heading, a byline, a caption, a
# share or embed line, never a paragraph of the story.
SHORT_LINE_WORDS: Final = 8
# A line of SHORT_LINE_WORDS words is rarely longer than this, and a tail
# or a credit no longer than that from the line's end.
_SHORT_LINE_CHARS: Final = 160
_TAIL_CHARS: Final = 80
# A line's tail after its last sentence of this many words or fewer is
# appended to the story (a credit, a signature), not part of it.
TAIL_WORDS: Final = 4
# The end of a sentence: a full stop (or ! ? …), closing quotes or
# brackets after it, then a space, a slash or the end.
_SENTENCE_END: Final = re.compile(r"[.!?…][”\"»’')\]]*(?=[\s/]|$)")
_STOPS: Final = ".!?…"  # the characters it opens with
# Up to the last of them (greedy: the engine looks from the end back).
_TO_LAST_STOP: Final = re.compile(r".*[.!?…]", re.DOTALL)
# A source credited after a slash at a line's end: /Lajmi.net/, / KP, /REL.
_SLASH_CREDIT: Final = re.compile(r"(?:^|\s)/\s?[^/\s][^/\n]{0,40}/?\s*$")
# The clause crediting a source that closes a sentence, after a comma:
# ", transmeton lajmi.net.", ", shkruan Telegrafi." (up to three words).
_CREDIT_CLAUSE: Final = re.compile(
    rf",[ \t\u00a0]+(?:{'|'.join(CREDIT_VERBS)})[ \t\u00a0]+"
    r"[^\s,;:!?]+(?:[ \t\u00a0][^\s,;:!?]+){0,2}?(?:[.!?][”\"»’']*(?=\s|$)|(?=[ \t]*(?:\n|$)))"
)


def edge_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of `text` where boilerplate stands: every short
    line, a few words after a line's last sentence, a clause crediting a
    source that closes a sentence, a credit after a slash at a line's end (the signature may close the story and embedded posts
    follow it). An article of short lines only (a post, a list) has no
    story to tell them from: no regions."""
    regions: list[tuple[int, int]] = []
    story = False
    start = 0
    for line in text.splitlines(keepends=True):
        words = _words(line)
        story = story or words > SHORT_LINE_WORDS
        regions.extend(_line_regions(text, start, line, words))
        start += len(line)
    return regions if story else []


class Edges:
    """Whether a span of a text stands where boilerplate does, as
    ``in_regions(edge_regions(text), start, end)`` says, with only the
    regions of the lines asked about worked out: indexing asks about the
    lines its names stand on, not every line. Every region lies within one
    line, so a span is in one only if it is in one of the line it starts
    on."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines = text.splitlines(keepends=True)
        # line k is text[self._starts[k] : self._starts[k + 1]]
        self._starts = list(accumulate(map(len, self._lines), initial=0))
        self._story: bool | None = None
        self._regions: dict[int, list[tuple[int, int]]] = {}

    def holds(self, start: int, end: int) -> bool:
        if self._story is None:
            self._story = False
            for line in self._lines:
                if _words(line) > SHORT_LINE_WORDS:
                    self._story = True
                    break
        if not self._story or not 0 <= start < len(self._text):
            return False
        k = bisect_right(self._starts, start) - 1
        regions = self._regions.get(k)
        if regions is None:
            line = self._lines[k]
            regions = self._regions[k] = _line_regions(self._text, self._starts[k], line, _words(line))
        return in_regions(regions, start, end)


def _words(line: str) -> int:
    """How many words a line holds, up to SHORT_LINE_WORDS + 1 (a line
    longer than a short one is in characters counts as that)."""
    # a short line is short in characters first (the cheap test); its words
    # past SHORT_LINE_WORDS + 1 are not split apart (maxsplit), only counted as one
    return len(line.split(None, SHORT_LINE_WORDS)) if len(line) <= _SHORT_LINE_CHARS else SHORT_LINE_WORDS + 1


def _line_regions(text: str, start: int, line: str, words: int) -> list[tuple[int, int]]:
    """The regions of the line text[start : start + len(line)] (see
    edge_regions), which holds `words` words."""
    end = start + len(line)
    if words <= SHORT_LINE_WORDS:
        return [(start, end)] if words else []  # (none for a blank line)
    regions = []
    # the tail and the credit are near the line's end
    near = max(start, end - _TAIL_CHARS)
    last = _last_sentence_end(text, near, end)
    if last >= 0:
        tail = text[last:end].split()
        if tail and len(tail) <= TAIL_WORDS:
            regions.append((last, end))
    if text.find("/", near, end) >= 0:
        credit = _SLASH_CREDIT.search(text, near, end)
        if credit:
            regions.append((credit.start(), end))
    if ", " in line:
        for clause in _CREDIT_CLAUSE.finditer(text, start, end):
            regions.append(clause.span())
    return regions


def _last_sentence_end(text: str, near: int, end: int) -> int:
    """Where the last match of _SENTENCE_END in text[near:end] ends (-1:
    none), looked for from the line's end: a match opens with a stop and
    holds no other, so the last match is the one at the last stop where
    the pattern matches (a line's last stop, as a rule)."""
    k = end
    while True:
        last = _TO_LAST_STOP.match(text, near, k)
        if last is None:
            return -1
        k = last.end() - 1
        found = _SENTENCE_END.match(text, k, end)
        if found:
            return found.end()


def in_regions(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    for s, e in regions:
        if s <= start and end <= e:
            return True
    return False
