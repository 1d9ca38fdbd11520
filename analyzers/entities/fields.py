"""What an office or a body is for, written after ``për`` (for) in the
indefinite: ``Këshilltari për Siguri Kombëtare``, ``zëdhënëse e BE-së për
Çështje të Jashtme``, ``Kryesues i Divizionit për Marrëdhënie Bilaterale``.
Where :mod:`analyzers.entities.purposes` has not joined it to an
institution's head (the word before is a title, or a name stands between),
the field is left a capitalised common noun with adjectives or a genitive,
which reads as an institution's name of its own (``Siguri Kombëtare``, ORG)
or a person's (``Çështje të Jashtme``). It is neither: Albanian names an
institution, a place or a person in the definite (``për Gjykatën
Speciale``, ``për Kosovën``), and a bare noun after ``për`` says what
something is for.
"""

from __future__ import annotations

from analyzers.entities.gazetteer_table import Gazetteer
from analyzers.entities.mentions import CONNECTOR_WORDS
from analyzers.entities.piece import Piece
from analyzers.entities.words import ADJECTIVE_END


def drop_fields(pieces: list[Piece], gaz: Gazetteer) -> list[Piece]:
    """Drops the pieces that are an office's or a body's field after ``për``
    (:func:`office_field`); the one-word fields (``drejtorit për Buxhet``)
    are never pieces (:mod:`analyzers.entities.cut`)."""
    return [p for p in pieces if not (p.preposition == "për" and office_field(p, gaz))]


def office_field(piece: Piece, gaz: Gazetteer) -> bool:
    """Whether a piece written after ``për`` is a field, no name: several
    words, none of which the dictionaries know as the whole, opening with
    a common noun of the lexicon as the lexicon lists it (the bare,
    indefinite form: ``Siguri``, ``Punë``, ``Zhvillim``), then an adjective
    or a genitive article (``Siguri Kombëtare``, ``Punë të Jashtme``); no
    first name (``për Gëzim Ramadan``: gëzim, joy, an adjective's ending)."""
    words = piece.words
    return (
        len(words) > 1
        and not piece.known
        and not piece.acronym
        and words[0].lower() in gaz.common_nouns
        and not gaz.is_first_name(words[0])
        and (words[1] in CONNECTOR_WORDS or bool(ADJECTIVE_END.search(words[1])))
    )
