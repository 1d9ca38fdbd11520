"""A club named by its city: ``fitoren Dallasit ndaj LA Clippers``, ``tek
Dallas u dalluan`` in a story that writes ``Dallas Mavericks``. Where the
article writes out one club whose name opens with a city, the city's
one-word mentions are that club, unless a locative preposition or a place
noun before them makes them the city (``u lind në Paris``). A city the
article names two clubs of (Manchester United, Manchester City) is left
as the city. In a list of players, each with his club in brackets after
him (``Anthony Lopes (Lyon), Rui Silva (Granada)``), the clubs the
dictionaries know make the others clubs too: a city there is its club."""

from __future__ import annotations

from typing import Final

from analyzers.entities.gazetteer_table import Gazetteer
from analyzers.entities.mentions import word_before
from analyzers.entities.piece import Piece
from analyzers.entities.words import LOC_PREPOSITIONS, PLACE_NOUN


def city_clubs(pieces: list[Piece], text: str, gaz: Gazetteer) -> None:
    """Retypes a city's one-word mentions as the club of that city the
    article writes out (ORG, the club's canonical form)."""
    if "(" in text:
        clubs_in_brackets(pieces, text)
    clubs: dict[str, str] = {}  # a city's canonical -> its club's canonical ("": several)
    for p in pieces:
        if p.type != "ORG" or not p.known or len(p.words) < 2:
            continue
        # the city as written (a club's acronym, PSG, names no city here)
        for city in gaz.lookup(p.words[0]):
            if gaz.entries[city].type == "LOC":
                clubs[city] = p.canonical if clubs.get(city, p.canonical) == p.canonical else ""
                break
    if not clubs:
        return
    for p in pieces:
        club = clubs.get(p.canonical) if p.type == "LOC" and len(p.words) == 1 else None
        if not club:
            continue
        before = word_before(text, p.start)
        if before in LOC_PREPOSITIONS or PLACE_NOUN.match(before):
            continue
        p.type, p.canonical = "ORG", club


# Fewest clubs in brackets after people that make an article's list a list
# of players and their clubs (a person's party or country is named so once
# or twice: Albin Kurti (VV), Erdogan (Turqi)).
_MIN_BRACKETED_CLUBS: Final = 3


def clubs_in_brackets(pieces: list[Piece], text: str) -> None:
    """A one-word name in brackets right after a person's name, in an article
    where most such names are organisations (three or more), is the
    person's club too, as written: ``Rui Silva (Granada)``, ``Mário Rui
    (Nápoles)`` beside ``José Fonte (Lille), Pepe (FC Porto)``."""
    bracketed = [
        q
        for p, q in zip(pieces, pieces[1:])
        if p.type == "PER"
        and text[p.end : q.start].strip() == "("
        and text.startswith(")", q.end)
        and (q.type != "PER" or q.by_default)
    ]
    clubs = sum(q.type == "ORG" for q in bracketed)
    if clubs < _MIN_BRACKETED_CLUBS or clubs * 2 <= len(bracketed):
        return
    for q in bracketed:
        if q.type != "ORG" and len(q.words) == 1 and not q.acronym:
            q.type, q.canonical, q.by_default = "ORG", q.words[0], False
