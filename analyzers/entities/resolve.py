"""Choosing each name's canonical form with the article's evidence, and
resolving short mentions of people to the full name."""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Final

from analyzers.entities import gazetteer
from analyzers.entities.canonical import readings
from analyzers.entities.classify import coordinate, family_names, sport_clubs, type_by_rule
from analyzers.entities.gazetteer_table import Gazetteer
from analyzers.entities.lexical import adjective_after_head, name_head
from analyzers.entities.memo import word_memo
from analyzers.entities.mentions import CONNECTOR_WORDS
from analyzers.entities.piece import Piece
from analyzers.entities.words import MISC_HEADS

if TYPE_CHECKING:
    from analyzers.entities.evidence import Evidence

_BASE = itemgetter(0)  # a reading's base

# Endings that can only be case endings of a name; a name that ends
# otherwise may be written bare (Putin, Kurti, Lucas, Olsen).
# -jt / -jn: a stem in -j takes the bare -t / -n (Haradinajt, Molliqajn).
CLEAR_CASE_ENDINGS: Final = (
    "ës",
    "ën",
    "isë",
    "inë",
    "së",
    "në",
    "it",
    "ut",
    "un",
    "eve",
    "ve",
    "yt",
    "yn",
    "ët",
    "ë",
    "jt",
    "jn",
)


def choose_canonical(pieces: list[Piece], gaz: Gazetteer, evidence: Evidence | None) -> None:
    """Pick each piece's reading with the article's (and index's) evidence."""
    # counts in plain dicts: a Counter calls Python code for every key it
    # lacks, and most readings are counted once
    votes: dict[str, int] = {}
    # the pieces with a choice to make (most have one reading)
    contested: list[Piece] = []
    for p in pieces:
        if len(p.candidates) == 1:
            c = p.candidates[0]
            votes[c] = votes.get(c, 0) + 1
            if not p.acronym:
                p.canonical = c
        else:
            for c in set(p.candidates):
                votes[c] = votes.get(c, 0) + 1
            if not p.acronym:
                contested.append(p)
    if not contested:
        return
    # how often each reading is written as such (bare) in the article: only
    # the readings of the contested pieces are ever asked
    asked = {c for p in contested for c in p.candidates}
    written: dict[str, int] = {}
    for p in pieces:
        words = p.words
        surface = words[0] if len(words) == 1 else " ".join(words)  # (as written, single spaces)
        if surface in asked and may_be_bare(tuple(words)):
            written[surface] = written.get(surface, 0) + 1
    # each reading's evidence, the same for every piece that may be read so:
    # the mentions that may be it, the mentions written so (a piece's own
    # surface among them: with no other evidence, a name is as written),
    # the dictionaries, the index
    entries = gaz.entries  # (the table itself)
    evidenced: dict[str, float] = {}
    for c in asked:
        score = votes[c] + 0.5 * written.get(c, 0)
        if entries.get(c) is not None:
            score += 3.0
        if evidence is not None and c in evidence:
            score += 1.0
        evidenced[c] = score
    for p in contested:
        best, best_score = None, None
        for rank, c in enumerate(p.candidates):
            # the order of the readings breaks ties (their evidence comes
            # in halves, and a piece has far fewer than 50 readings)
            score = evidenced[c] - rank * 0.01
            if best_score is None or score > best_score:
                best, best_score = c, score
        p.canonical = best or " ".join(p.words)


@word_memo(32768)
def may_be_bare(words: tuple[str, ...]) -> bool:
    """Whether a span's words, as written, can be a canonical name: its
    declining word (the last of a person's name, the only one of a one-word
    name) ends in no unambiguous case ending. Cached: every mention asks."""
    if len(words) > 1 and words[1] in CONNECTOR_WORDS:
        return False  # head-first names are canonical with a definite head
    if len(words) > 1 and (name_head(words[0]) or MISC_HEADS.match(words[0].lower()) or adjective_after_head(words[1])):
        return False
    return not words[-1].endswith(CLEAR_CASE_ENDINGS)


def resolve_people(pieces: list[Piece], gaz: Gazetteer, text: str = "") -> None:
    """Short mentions of people to the full name in the article, then type."""
    for p in pieces:
        if p.type is None:
            p.type = type_by_rule(p, gaz)
    if text:
        family_names(pieces, text, gaz)
        coordinate(pieces, text, gaz)
        sport_clubs(pieces, text, gaz)
    full = [p.canonical for p in pieces if p.type == "PER" and " " in p.canonical and len(p.canonical.split()) > 1]
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    # each full name under every tail of it that starts with a space, as
    # ``name.endswith(tail)`` finds it: " Lopez Obrador" and " Obrador" for
    # Andres Manuel Lopez Obrador
    by_tail: dict[str, set[str]] = {}
    for name in full:
        k = name.find(" ")
        while k >= 0:
            by_tail.setdefault(name[k:], set()).add(name)
            k = name.find(" ", k + 1)
        words = name.split()
        if not CONNECTOR_WORDS.isdisjoint(words):
            continue
        by_last.setdefault(words[-1], set()).add(name)
        by_first.setdefault(words[0], set()).add(name)
    # a surname or first name of one of them only resolves to that one; a
    # surname of several is a person's all the same
    one_by_last = {key: next(iter(names)) for key, names in by_last.items() if len(names) == 1}
    one_by_first = {key: next(iter(names)) for key, names in by_first.items() if len(names) == 1}
    shared_last = {key for key, names in by_last.items() if len(names) > 1}
    curated = curated_people()
    # every key the article's own names resolve by (most mentions hold none)
    own_keys = by_last.keys() | by_first.keys()
    for p in pieces:
        if p.acronym:
            continue
        if " " in p.canonical:
            # "Lopez Obrador" after "Andres Manuel Lopez Obrador"
            longer = by_tail.get(" " + " ".join(p.words), ()) if len(p.words) > 1 and by_tail else ()
            if len(longer) == 1:
                p.canonical, p.type, p.by_default = next(iter(longer)), "PER", False
            continue
        person = p.type == "PER" or p.by_default
        if not by_last and not person:
            continue  # nothing in the article or the curated list to resolve to
        keys = (p.canonical, *bare_readings(p.words[0])) if len(p.words) == 1 else (p.canonical,)
        if own_keys.isdisjoint(keys):
            # none of the article's names: only a person the dictionaries do
            # not type otherwise takes the curated list's (the steps below, then)
            if person and (p.type in ("PER", None) or _resolvable(p, gaz)):
                for key in keys:
                    if key in curated:
                        p.canonical, p.type, p.by_default = curated[key], "PER", False
                        break
            continue
        target = None
        # the article's own full names beat the dictionaries (Shala the
        # surname of Jakup Shala, not the region)
        for key in keys:
            if key in one_by_last:
                target = one_by_last[key]
                break
        if target is None and p.type not in ("PER", None) and not _resolvable(p, gaz):
            continue
        if target is None:
            for key in keys:
                if key in one_by_first:
                    target = one_by_first[key]
                    break
        if target is None and person:
            for key in keys:
                if key in curated:
                    target = curated[key]
                    break
        if target:
            p.canonical = target
            p.type = "PER"
            p.by_default = False
        elif person and not shared_last.isdisjoint(keys):
            # the surname of several people the article names in full (a
            # family: Bernard Vann, Michael Vann): a person, which of them
            # the text must say
            p.type, p.by_default = "PER", False


@word_memo(32768)
def bare_readings(word: str) -> tuple[str, ...]:
    """The canonical forms a one-word mention may be a case of, best first
    (readings without their genders): the keys it resolves by."""
    return tuple(map(_BASE, readings(word)))


def _resolvable(p: Piece, gaz: Gazetteer) -> bool:
    """An unknown single word, or one whose dictionary type is PER."""
    return not p.known or p.type == "PER"


@lru_cache(maxsize=1)
def curated_people() -> dict[str, str]:
    """Surname -> full name, for the well-known people of the curated list
    whose surname no other of them shares."""
    gaz = gazetteer.load()
    seen: dict[str, list[str]] = {}
    for entry in gaz.entries.values():
        if entry.type != "PER" or " " not in entry.canonical:
            continue
        if not any(s.startswith("curated:") for s in entry.sources):
            continue
        seen.setdefault(entry.canonical.split()[-1], []).append(entry.canonical)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}
