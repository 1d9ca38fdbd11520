"""One person, one name through an article: where the words around a name
say nothing of it, what the article says of the same name elsewhere does.

A capital opening a sentence says nothing of the word it is on, and a
capitalised common word mid-sentence is often emphasis, not a name: cutting
drops such a word where nothing near it makes it a name. The word the
article names a person by elsewhere (``ka thënë Veseli``, ``kryetarin
Veseli``) is that person wherever it is written with a capital
(``Veseli ka folur ...`` opening a paragraph; ``së bashku me Tarën`` after
``vajzën e tij Tarën``).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from analyzers.entities.mentions import CONNECTOR_WORDS, HEADER_RE, opens_sentence

# A nickname in quotes between a person's first name and surname:
# Dwayne ‘The Rock’ Johnson, Johannes Wilhelm "Hans" Geiger. One to three
# capitalised words (group 1), spaces outside the quotes.
_NICKNAME = re.compile(r"[ \t\u00a0]+[\"'‘’“”„«‚]((?:[^\W\d_][\w.-]*)(?: [^\W\d_][\w.-]*){0,2})[\"'‘’“”»][ \t\u00a0]+")

# Shorter words are initials, particles or abbreviations (Xi aside, whom
# news name in full first).
_MIN_CHARS = 3


def person_again(found: list[tuple[int, int, str, str]], text: str) -> list[tuple[int, int, str, str]]:
    """`found` (``(start, end, type, canonical)`` in order of start) with
    every further capitalised occurrence of a word that names one person
    in it: the whole of a one-word mention typed PER, or the last word of
    a person's full name (Kadri Veseli: Veseli). An occurrence is taken
    where no mention covers it, no capitalised word stands right before
    or after it (it would be part of another name), and, opening a
    sentence, where the article does not write the word in lowercase (a
    common word then: Shpresa, Drita)."""
    surfaces: dict[str, str | None] = {}
    held: dict[str, int] = {}  # how many of the mentions end with the word as written
    for start, end, type_, canonical in found:
        if type_ != "PER":
            continue
        written = text[start:end]
        k = written.rfind(" ")
        word = written[k + 1 :]
        if len(word) < _MIN_CHARS or not word[0].isupper() or word.isupper() or not word.isalpha():
            continue
        if k >= 0 and (not canonical.endswith(" " + word) or not CONNECTOR_WORDS.isdisjoint(canonical.split())):
            continue  # the last word of a person's full name as written, in its nominative only (Kadri Veseli)
        if surfaces.get(word, canonical) != canonical:
            canonical = None  # two people's word: neither
        surfaces[word] = canonical
        held[word] = held.get(word, 0) + 1
    # (most words are written nowhere else: counted in C before any is looked for)
    todo = [(w, c) for w, c in surfaces.items() if c is not None and text.count(w) > held[w]]
    if not todo:
        return found
    starts = [f[0] for f in found]
    header = HEADER_RE.match(text)
    floor = header.end() if header else 0
    added = []
    for word, canonical in todo:
        i = text.find(word)
        lower = None
        while i >= 0:
            end = i + len(word)
            if _stands_alone(text, i, end) and not _covered(found, starts, i, end):
                if not opens_sentence(text, i, floor):
                    added.append((i, end, "PER", canonical))
                else:
                    if lower is None:
                        lower = _written_lowercase(text, word.lower())
                    if not lower:
                        added.append((i, end, "PER", canonical))
            i = text.find(word, end)
    if not added:
        return found
    out = found + added
    out.sort(key=lambda f: f[0])
    return out


def _stands_alone(text: str, start: int, end: int) -> bool:
    """The word at start:end is a whole word, with no capitalised word
    right before or after it on its line (a run of its own)."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_@#/.'’"):
        return False
    if end < len(text) and (text[end].isalnum() or text[end] in "-_@"):
        return False
    k = start - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    if k < start - 1 and k >= 0 and text[k].isalpha() and _word_at(text, k)[:1].isupper():
        return False
    k = end
    while k < len(text) and text[k] in " \t\u00a0":
        k += 1
    return not (k > end and k < len(text) and text[k].isupper())


def _word_at(text: str, last: int) -> str:
    """The word ending at index `last` (inclusive)."""
    k = last
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "-"):
        k -= 1
    return text[k : last + 1]


def _covered(found, starts: list[int], start: int, end: int) -> bool:
    """Whether a mention of `found` overlaps start:end."""
    k = bisect_left(starts, end)
    while k > 0:
        k -= 1
        if found[k][1] > start:
            return True
        if found[k][0] < start - 200:  # (no name is that long)
            return False
    return False


def _written_lowercase(text: str, word: str) -> bool:
    """Whether `word` stands whole in `text` as written (lowercase)."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        if not (i and text[i - 1].isalnum()) and not text[i + n : i + n + 1].isalnum():
            return True
        i = text.find(word, i + 1)
    return False


def nicknamed(found: list[tuple[int, int, str, str]], text: str) -> list[tuple[int, int, str, str]]:
    """`found` with a person's name that a quoted nickname splits made one
    mention: Dwayne ‘The Rock’ Johnson (three people before: Dwayne, The
    Rock, Johnson), Johannes Wilhelm "Hans" Geiger. Its canonical form is the
    name without the nickname, and the article's other mentions of either
    part's entity take it."""
    if not any(c in text for c in "\"'‘’“”„«‚"):
        return found
    out = list(found)
    renamed: dict[str, str] = {}
    k = 0
    while k < len(out):
        first = out[k]
        m = _NICKNAME.match(text, first[1]) if first[2] == "PER" else None
        if m is None or not all(w[0].isupper() for w in m.group(1).split()):
            k += 1
            continue
        j = k + 1
        while j < len(out) and out[j][1] <= m.end(1):
            j += 1  # (a mention of the nickname itself, inside the quotes)
        if j == len(out) or out[j][0] != m.end() or out[j][2] != "PER":
            k += 1
            continue
        last = out[j]
        written_first = text[first[0] : first[1]]
        if " " in last[3]:
            canonical = last[3]  # the surname resolved to the full name: Dwayne Johnson
        else:
            canonical = f"{written_first} {last[3]}"
        for old in (first[3], last[3], *(o[3] for o in out[k + 1 : j])):
            if old != canonical:
                renamed[old] = canonical
        out[k : j + 1] = [(first[0], last[1], "PER", canonical)]
        k += 1
    if renamed:
        out = [(s, e, t, renamed.get(c, c) if t == "PER" else c) for s, e, t, c in out]
    return out
