"""Typing names by evidence: the dictionaries, the words around a name, the
name's form, the list it stands in, and the article's other mentions."""

from __future__ import annotations

import re
from collections import Counter

from analyzers.entities.lexical import (
    common_noun_phrase,
    entry_type,
    place_of_place,
    substantivised_adjective,
)
from analyzers.entities.mentions import CONNECTOR_WORDS, word_after, word_before
from analyzers.entities.piece import Piece
from analyzers.entities.words import (
    LOC_HEADS,
    LOC_PREPOSITIONS,
    MISC_HEADS,
    NAMED_BY,
    ORG_HEADS,
    ORG_WORDS,
    PLACE_NOUN,
    SPEECH_VERBS,
)

_PLACE_APPOSITION = re.compile(r",[ \t\u00a0]+(?:një[ \t\u00a0]+)?(\w+)")


# Words that coordinate the items of a list: Kiev, Harkiv dhe Odesë.
_COORDINATION = re.compile(r"[ \t\u00a0]*(?:,|,?[ \t\u00a0]+(?:dhe|e|apo|ose))[ \t\u00a0]+")


# A word with a capital after a lowercase letter inside it (BioNTech,
# ChatGPT, DokuFest): a brand, a company, an event; no person's name,
# bar the patronymic prefixes (McDonald, MacArthur, DeSantis, DiCaprio,
# LeBron, O'Brien).
_INNER_CAPITAL = re.compile(r"^(?!(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von)[A-Z])\w*[a-zçë][A-ZÇË]")


def set_context(piece: Piece, text: str, before: str) -> None:
    """What the words around a name say of it: a locative preposition
    (``në``, ``drejt``, ``pranë`` ...), ``nga X deri`` (from X to), a place
    noun before it, alone or with a genitive article (``fshatin Psarades``,
    ``liqenit të Prespës``), or in apposition after it (``Irpinin, një qytet
    ...``) make it a place; a naming noun before it (``programi Erasmus``)
    makes it the name of a thing."""
    piece.preposition = before
    if not before:
        pass
    elif before in LOC_PREPOSITIONS or PLACE_NOUN.match(before):
        piece.place_context = True
        return
    elif before in CONNECTOR_WORDS:
        # the noun before the genitive article: liqenit të Prespës
        k = piece.start
        while k > 0 and text[k - 1] in " \t\u00a0":
            k -= 1
        if PLACE_NOUN.match(word_before(text, k - len(before))):
            piece.place_context = True
            return
    elif before == "nga" and word_after(text, piece.end) == "deri":
        piece.place_context = True
        return
    if text.startswith(",", piece.end):
        m = _PLACE_APPOSITION.match(text, piece.end)
        if m and PLACE_NOUN.match(m.group(1).lower()):
            piece.place_context = True
            return
    piece.named_by = bool(before) and bool(NAMED_BY.match(before))


def type_hints(piece: Piece, gaz) -> None:
    """Types from the span alone; the article's evidence comes later."""
    if piece.acronym:
        piece.type = entry_type(piece.canonical, gaz) or "ORG"
        return
    for cand in piece.candidates if piece.known else ():
        t = entry_type(cand, gaz)
        if t:
            piece.type = t
            return


def type_by_rule(piece: Piece, gaz) -> str | None:
    canonical = piece.canonical
    words = canonical.split()
    t = entry_type(canonical, gaz)
    if t and not (t == "PER" and gaz.entry(canonical).role == "first" and len(words) == 1 and not piece.title):
        return t
    low = words[0].lower()
    if len(words) > 1 and words[0] == "The":
        return "ORG"  # an English article: The Boston Globe, The Guardian; no person's name
    if len(words) > 1:
        first = gaz.lookup(words[0])
        if first and gaz.entry(first[0]).role == "first" and words[1] not in CONNECTOR_WORDS:
            return "PER"
        if any(w.lower() in ORG_WORDS for w in words):
            return "ORG"
        if MISC_HEADS.match(low):
            return "MISC"
        if ORG_HEADS.match(low):
            return "ORG"
        if LOC_HEADS.match(low):
            return "LOC"
        if common_noun_phrase(piece.words, gaz):
            return "ORG"
    if piece.title and not (len(words) == 1 and piece.place_context and piece.preposition not in SPEECH_VERBS):
        return "PER"
    if len(piece.words) == 1 and substantivised_adjective(piece.words[0], gaz):
        return "ORG"
    if len(words) > 1:
        first = gaz.lookup(words[0])
        if first and any(gaz.entry(c).role == "first" for c in first):
            return "PER"
        last = gaz.lookup(words[-1])
        if last and any(gaz.entry(c).role == "surname" for c in last) and words[1] not in CONNECTOR_WORDS:
            return "PER"
        low = words[0].lower()
        if ORG_HEADS.match(low):
            return "ORG"
        if LOC_HEADS.match(low):
            return "LOC"
        if (
            len(piece.words) > 2
            and piece.words[1] in CONNECTOR_WORDS
            and place_of_place(piece.words[0], piece.words[2], gaz)
            and place_of_place(words[0], piece.words[2], gaz)  # the head as written and as nominative
        ):
            return "LOC"  # Oslo i Norvegjisë: a place of a place
        if any(w in CONNECTOR_WORDS for w in words):
            return "ORG"
        if piece.place_context:
            return "LOC"  # në Rio de Janeiro, pranë San Franciskos
        if piece.named_by:
            return "MISC"
        piece.by_default = True
        return "PER"
    if piece.place_context:
        return "LOC"
    if piece.named_by:
        return "MISC"  # programi Erasmus, çmimet Oscar
    if _INNER_CAPITAL.match(words[0]):
        return "ORG"  # BioNTech, ChatGPT, DokuFest: a brand, no person
    if any(c.isdigit() for c in words[0]):
        return "MISC"  # a code, a model, a category: U21, A1, iPhone12
    piece.by_default = True
    return "PER"


def coordinate(pieces: list[Piece], text: str, gaz) -> None:
    """The items of a list are of one kind: a name typed a person for want
    of evidence, or only as a first name, becomes a place when the list it
    stands in names places and no person (``Tiranë, Shijak, Lezhë``, ``Kiev,
    Harkiv, Odesë dhe``, ``Ulqin, Tuz dhe Plavë``). A list is three names or
    more joined by commas and ``dhe``/``e``/``apo``/``ose``: two are often a
    person and a place (``nostalgji për Milosheviq dhe Jugosllavi``,
    ``Portugalia e Fernando Santos``, ``Në Prishtinë, Kurti tha``); a name
    a verb of saying follows is its speaker (``në Yellow Springs, Ohio, Hart
    tha``). Only one-word names change: two capitalised words are a first
    name and a surname more often than a place (``Greqisë, Nikola Dimitrov
    dhe Nikos Kotzias``)."""
    chain: list[Piece] = []
    joins: list[str] = []
    for p in pieces + [None]:
        if p is not None and chain and not p.acronym:
            m = _COORDINATION.fullmatch(text, chain[-1].end, p.start)
            if m:
                chain.append(p)
                joins.append(m.group())
                continue
        if len(chain) > 2:
            weak = [
                q
                for q in chain
                if len(q.words) == 1 and weak_person(q, gaz) and word_after(text, q.end) not in SPEECH_VERBS
            ]
            places = sum(1 for q in chain if q.type == "LOC")
            people = sum(1 for q in chain if q.type == "PER" and q not in weak)
            if weak and places and not people:
                for q in weak:
                    q.type = "LOC"
                    q.by_default = False
        chain = [p] if p is not None and not p.acronym else []
        joins = []


def weak_person(p: Piece, gaz) -> bool:
    """Typed a person by default, or as a lone first name with no title."""
    if p.type != "PER" or p.title:
        return False
    if p.by_default:
        return True
    return (
        p.known
        and len(p.words) == 1
        and all(e.role == "first" for e in (gaz.entry(c) for c in p.candidates) if e is not None)
    )


def feminine_places(pieces: list[Piece]) -> None:
    """A place no dictionary knows, written in -ë, is a feminine name in the
    indefinite (Odesë, Plavë, Thumanë -> Odesa, Plava, Thumana), not the
    -së/-në case of a name in a vowel (Kanadasë): Albanian place names in -ë
    are feminine."""
    for p in pieces:
        if p.type == "LOC" and not p.known and len(p.words) == 1 and p.words[0].endswith("ë"):
            fem = p.words[0][:-1] + "a"
            if fem in p.candidates:
                p.canonical = fem


def agree_types(pieces: list[Piece]) -> None:
    """One entity, one type in an article: the dictionaries' type if a
    mention was found there, else the most frequent one (Masaçusets, typed
    PER by default where it opens a clause, LOC after "në")."""
    by_name: dict[str, list[Piece]] = {}
    for p in pieces:
        if not p.acronym:
            by_name.setdefault(p.canonical, []).append(p)
    for group in by_name.values():
        if len(group) < 2 or len({p.type for p in group}) == 1:
            continue
        known = [p.type for p in group if p.known and p.type]
        winner = known[0] if known else Counter(p.type for p in group).most_common(1)[0][0]
        if not known and Counter(p.type for p in group)[winner] * 2 <= len(group):
            # a tie: a place is named after a preposition, a person rarely
            winner = "LOC" if any(p.type == "LOC" for p in group) else winner
        for p in group:
            p.type = winner


def drop_common_nouns(pieces: list[Piece], gaz) -> list[Piece]:
    """Drops one-word pieces that are a case form of a common noun (the
    lexicon has the lemma in lowercase as a NOUN, no dictionary has the name)
    and that only the default made people: ``kundër Korrupsionit``,
    ``ministri i Arsimit``, ``Kongresi i federatës``, ``për Sportin``. A
    capital on a common noun marks an institution or emphasis. Kept: a place
    after a locative preposition, a name the article resolves to a full name
    (``Kabashi`` after ``Xhelal Kabashi``: a surname that is also the definite
    form of kabash), and a speaker or titled person (``tha Bajrami``,
    ``artisti Kabashi``), unless the title is followed by a connector, which
    makes the word its genitive complement (``drejtori i Arsimit``)."""
    return [
        p
        for p in pieces
        if not (
            p.common_noun
            and p.type == "PER"
            and (p.canonical.lower() in gaz.common_nouns or p.canonical in p.candidates)
            and (not p.title or p.preposition in CONNECTOR_WORDS)
        )
    ]


def confirm(pieces: list[Piece]) -> list[Piece]:
    """Keeps a sentence-initial unknown word only if the article names the
    same entity elsewhere in a position where the capital means a name."""
    confirmed = {p.canonical for p in pieces if not p.tentative}
    return [p for p in pieces if not p.tentative or p.canonical in confirmed]
