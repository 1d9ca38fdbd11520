"""One person, one name through an article: where the words around a name
say nothing of it, what the article says of the same name elsewhere does.

A sentence-initial unknown word is kept only where the article names the
same entity where a capital means a name, or the curated list knows the
person it names (:func:`confirm`).

A capital opening a sentence says nothing of the word it is on, and a
capitalised common word mid-sentence is often emphasis, not a name: cutting
drops such a word where nothing near it makes it a name. The word the
article names a person by elsewhere (``ka thënë Veseli``, ``kryetarin
Veseli``) is that person wherever it is written with a capital
(``Veseli ka folur ...`` opening a paragraph; ``së bashku me Tarën`` after
``vajzën e tij Tarën``).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Final

from analyzers.entities.gazetteer_table import Gazetteer
from analyzers.entities.lexical import common, has_whole_word
from analyzers.entities.memo import word_memo
from analyzers.entities.mentions import CONNECTOR_WORDS, HEADER_RE, opens_sentence
from analyzers.entities.piece import Piece
from analyzers.entities.words import ARTICLE_NAME_PREFIXES, NOT_NAMES

# A nickname in quotes between a person's first name and surname:
# Dwayne ‘The Rock’ Johnson, Johannes Wilhelm "Hans" Geiger (read by
# _nickname_at: one to three capitalised words, spaces outside the quotes).
_SPACES: Final = " \t\u00a0"
_OPENING_QUOTES: Final = "\"'‘’“”„«‚"
_CLOSING_QUOTES: Final = "\"'‘’“”»"

# A space and an opening quote: where a nickname may follow a first name.
QUOTE_AFTER_SPACE: Final = frozenset(" " + quote for quote in _OPENING_QUOTES)

# Shorter words are initials, particles or abbreviations (Xi aside, whom
# news name in full first).
_MIN_CHARS: Final = 3


def confirm(pieces: list[Piece]) -> list[Piece]:
    """Keeps a sentence-initial unknown word only if the article names the
    same entity elsewhere in a position where the capital means a name, or
    the curated list knows the person it names."""
    confirmed = {p.canonical for p in pieces if not p.tentative}
    return [
        p
        for p in pieces
        if not p.tentative or p.canonical in confirmed or _known_by_surname(p) or _particle_opening(p, pieces)
    ]


def _particle_opening(piece: Piece, pieces: list[Piece]) -> bool:
    """A surname with an Arabic article opening a sentence, capitalised
    there (Al-Moualem), whose full name the article gives with the article
    in lowercase (Walid al-Moualem): that person (the piece takes the full
    name and the type)."""
    word = piece.words[0]
    prefix, hyphen, rest = word.partition("-")
    if not hyphen or len(piece.words) > 1 or not prefix.istitle() or prefix.lower() not in ARTICLE_NAME_PREFIXES:
        return False
    tail = f" {prefix.lower()}-{rest}"
    names = {p.canonical for p in pieces if p.type == "PER" and not p.tentative and p.canonical.endswith(tail)}
    if len(names) != 1:
        return False
    piece.canonical, piece.type, piece.by_default = names.pop(), "PER", False
    return True


def _known_by_surname(piece: Piece) -> bool:
    """A word opening a sentence that the curated list's well-known people
    resolve to one of them (Pjanic, Dendias, Pirlo: resolve.resolve_people):
    the name of a person news name by the surname alone, no common word
    (those are dropped before), of three letters or more (a particle, a
    foreign article: Un, De)."""
    return piece.type == "PER" and " " in piece.canonical and len(piece.words) == 1 and len(piece.words[0]) > 2


def people_again(
    found: list[tuple[int, int, str, str]], text: str, people: list[str], nickname: bool, gaz: Gazetteer
) -> list[tuple[int, int, str, str]]:
    """`found` (``(start, end, type, canonical)`` in order of start) with
    a person's name that a quoted nickname splits made one
    (:func:`nicknamed`; `nickname`: a quote opens after one), then with
    every further capitalised occurrence of a word that names one person
    in it (`people`: the last word of each PER mention, as written): the
    whole of a one-word mention, or the last word of a person's full name
    (Kadri Veseli: Veseli). An occurrence is taken where no mention covers
    it, no capitalised word stands right before or after it (it would be
    part of another name), and, opening a sentence, where the article does
    not write the word in lowercase (a common word then: Shpresa, Drita).
    Only a word cutting drops elsewhere can be missed elsewhere: a common
    word or a no-name (Veseli, Tarën, May); the others are asked nothing."""
    if nickname:
        found = nicknamed(found, text)
    todo = [w for w in people if droppable(w, gaz) and text.count(w) > people.count(w)]
    if not todo:
        return found
    per = [f for f in found if f[2] == "PER"]
    last = [text[s:e].rpartition(" ")[2] for s, e, _, _ in per]
    todo = [w for w in dict.fromkeys(todo) if text.count(w) > last.count(w)]
    if not todo:
        return found
    starts = [f[0] for f in found]
    header = HEADER_RE.match(text)
    floor = header.end() if header else 0
    added = []
    for word in todo:
        canonical = _person_of(word, per, last)
        if canonical is None:
            continue
        i = text.find(word)
        lower = None
        while i >= 0:
            end = i + len(word)
            if _stands_alone(text, i, end) and not _covered(found, starts, i, end):
                if not opens_sentence(text, i, floor):
                    added.append((i, end, "PER", canonical))
                else:
                    if lower is None:
                        lower = has_whole_word(text, word.lower())  # written in lowercase
                    if not lower:
                        added.append((i, end, "PER", canonical))
            i = text.find(word, end)
    if not added:
        return found
    out = found + added
    out.sort(key=lambda f: f[0])
    return out


def _nickname_at(text: str, k: int) -> tuple[int, int, int] | None:
    """Where a quoted nickname stands at `k` (the end of a name): spaces, an
    opening quote, one to three words separated by one space, each opening
    with a capital letter and going on with letters, digits, dots or
    hyphens, a closing quote, spaces. Its words' start and end, and where
    the next word starts; None if none stands there."""
    n = len(text)
    j = k
    while j < n and text[j] in _SPACES:
        j += 1
    if j == k or j + 1 >= n or text[j] not in _OPENING_QUOTES:
        return None
    start = j = j + 1
    for word in range(3):
        if j >= n or not (text[j].isalpha() and text[j].isupper()):
            return None
        j += 1
        while j < n and (text[j].isalnum() or text[j] in "._-"):
            j += 1
        if j < n and text[j] == " " and word < 2:
            j += 1
            continue
        break
    end = j
    if j >= n or text[j] not in _CLOSING_QUOTES:
        return None
    j += 1
    after = j
    while j < n and text[j] in _SPACES:
        j += 1
    return (start, end, j) if j > after else None


@word_memo(32768)
def droppable(word: str, gaz: Gazetteer) -> bool:
    """Whether cutting may drop the capitalised word where nothing near it
    makes it a name: a common word of the lexicon in some case form
    (Veseli, Tarën: dropped opening a sentence, or mid-sentence with no
    title), or a word of no name (May, a month). Of three letters or more,
    capitalised, letters only: no acronym or initial."""
    if word in NOT_NAMES or gaz.is_not_name(word):
        return len(word) >= _MIN_CHARS and word.isalpha() and not word.isupper()
    if gaz.forms.get(word):
        return False  # a name the dictionaries know is cut as such wherever it stands
    if len(word) < _MIN_CHARS or not word.isalpha() or word.isupper() or not word[0].isupper():
        return False
    return word.lower() in gaz.common or common(word, gaz)  # (the lexicon's word itself first: no readings)


def _person_of(word: str, per: list[tuple[int, int, str, str]], last: list[str]) -> str | None:
    """The one person the mentions ending with `word` name, or None: the
    word capitalised, no acronym, letters only; of a full name, its last
    word in the nominative with no connector in the name (Kadri Veseli, not
    Rusi i Energjisë); two people's word names neither."""
    person = None
    for (start, end, _type, canonical), w in zip(per, last):
        if w != word:
            continue
        if end - start != len(word) and (
            not canonical.endswith(" " + word) or not CONNECTOR_WORDS.isdisjoint(canonical.split())
        ):
            continue  # (a full name's last word in a case form, or a name holding a connector)
        if person is not None and person != canonical:
            return None
        person = canonical
    return person


def _stands_alone(text: str, start: int, end: int) -> bool:
    """The word at start:end is a whole word, with no capitalised word
    right before or after it on its line (a run of its own)."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_@#/.'’"):
        return False
    if end < len(text) and (text[end].isalnum() or text[end] in "-_@"):
        return False
    k = start - 1
    while k >= 0 and text[k] in _SPACES:
        k -= 1
    if k < start - 1 and k >= 0 and text[k].isalpha() and _word_at(text, k)[:1].isupper():
        return False
    k = end
    while k < len(text) and text[k] in _SPACES:
        k += 1
    return not (k > end and k < len(text) and text[k].isupper())


def _word_at(text: str, last: int) -> str:
    """The word ending at index `last` (inclusive)."""
    k = last
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "-"):
        k -= 1
    return text[k : last + 1]


def _covered(found: list[tuple[int, int, str, str]], starts: list[int], start: int, end: int) -> bool:
    """Whether a mention of `found` overlaps start:end."""
    k = bisect_left(starts, end)
    while k > 0:
        k -= 1
        if found[k][1] > start:
            return True
        if found[k][0] < start - 200:  # (no name is that long)
            return False
    return False


def nicknamed(found: list[tuple[int, int, str, str]], text: str) -> list[tuple[int, int, str, str]]:
    """`found` with a person's name that a quoted nickname splits made one
    mention: Dwayne ‘The Rock’ Johnson (three people before: Dwayne, The
    Rock, Johnson), Johannes Wilhelm "Hans" Geiger. Its canonical form is the
    name without the nickname, and the article's other mentions of either
    part's entity take it."""
    out = list(found)
    renamed: dict[str, str] = {}
    k = 0
    while k < len(out):
        first = out[k]
        nick = _nickname_at(text, first[1]) if first[2] == "PER" else None
        if nick is None:
            k += 1
            continue
        j = k + 1
        while j < len(out) and out[j][1] <= nick[1]:
            j += 1  # (a mention of the nickname itself, inside the quotes)
        if j == len(out) or out[j][0] != nick[2] or out[j][2] != "PER":
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
