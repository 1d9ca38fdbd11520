"""Where in an article a name stands: in its text, or at the places where
sites put their boilerplate.

A source signature closes an article after its last sentence (``...
tha Haradinaj. /Lajmi.net/``), a byline or a share line stands on a short
line of its own (``Nga: Arben Ahmeti``, ``Shiko videon:``), and an embedded
post brings its own short lines (``View this post on Instagram``). A name
there is only *possibly* boilerplate: whether it is depends on how many
articles of the same folder carry it there, which one article cannot
know. The index records, per article, the names found only at such
places (``edge_only``), and the reader side (``searchidx.entities``)
decides from the whole folder which of them are signatures.
"""

from __future__ import annotations

import re

# A line of this many words or fewer is a heading, a byline, a caption, a
# share or embed line, never a paragraph of the story.
SHORT_LINE_WORDS = 8
# A line's tail after its last sentence of this many words or fewer is
# appended to the story (a credit, a signature), not part of it.
TAIL_WORDS = 4
# The end of a sentence: a full stop (or ! ? …), closing quotes or
# brackets after it, then a space, a slash or the end.
_SENTENCE_END = re.compile(r"[.!?…][”\"»’')\]]*(?=[\s/]|$)")
# A source credited after a slash at a line's end: /Lajmi.net/, / KP, /REL.
_SLASH_CREDIT = re.compile(r"(?:^|\s)/\s?[^/\s][^/\n]{0,40}/?\s*$")


def edge_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of `text` where boilerplate stands: every short
    line, a few words after a line's last sentence, a credit after a slash
    at a line's end (the signature may close the story and embedded posts
    follow it). An article of short lines only (a post, a list) has no
    story to tell them from: no regions."""
    regions: list[tuple[int, int]] = []
    lines = text.splitlines(keepends=True)
    if not any(len(line.split()) > SHORT_LINE_WORDS for line in lines):
        return regions
    start = 0
    for line in lines:
        end = start + len(line)
        content = line.strip()
        if content and len(content.split()) <= SHORT_LINE_WORDS:
            regions.append((start, end))
        elif content:
            ends = list(_SENTENCE_END.finditer(text, start, end))
            if ends:
                tail = text[ends[-1].end() : end].split()
                if tail and len(tail) <= TAIL_WORDS:
                    regions.append((ends[-1].end(), end))
            credit = _SLASH_CREDIT.search(text, start, end)
            if credit:
                regions.append((credit.start(), end))
        start = end
    return regions


def in_regions(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in regions)
