"""A list of names after a place noun in the plural: ``kontetë e Pinellas,
Manatee, Sarasota, Charlotte dhe Collier``, ``komunat Istog, Junik dhe
Viti``, ``Vendet: Janjeva, Shashkovci dhe Akllapi`` (a notice's heading
and a colon). The plural class noun governs every item of the list: each is a
place, whatever a name alone would be taken for (Charlotte a first name,
Lee a surname, Manatee nothing)."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from analyzers.entities.mentions import CONNECTOR_WORDS, word_after, word_before
from analyzers.entities.piece import Piece
from analyzers.entities.words import SPEECH_VERBS, stem_endings

# The endings of a noun's plural, any case (qytetet, komunat, fshatrat,
# kontetë, qyteteve, lumenjtë): a singular class noun classes the one
# name after it only.
_PLURAL_ENDINGS: Final = "et|at|ët|të|ra|rat|rave|eve|ave|ve|ëve|enj|enjtë|enjve"


@lru_cache(maxsize=1)
def plural_place_nouns() -> frozenset[str]:
    """The plural forms of the place nouns of words.PLACE_NOUN."""
    forms = stem_endings("place_noun_stems", _PLURAL_ENDINGS)
    return frozenset(form + rest for form, rests in forms.items() for rest in rests if rest and rest[-1] != "\n")


# A list's heading is a plural noun of places and a colon (a power cut's
# notice: "Vendet: Dumnica, Samadrexha, ..."; "Fshatrat:", "Rrugët:").


def _heading(text: str, start: int) -> str:
    """The word before a colon right before `start` (spaces between), lowercased, or ""."""
    k = start
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    if k < 2 or text[k - 1] != ":":
        return ""
    j = k - 1
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j : k - 1].lower()


def places_listed(chain: list[Piece], text: str) -> bool:
    """Whether `chain`, names joined one to the next, follows a place noun
    in the plural (with a genitive article between or not), or a heading
    of one and a colon (``Vendet: Dumnica, Samadrexha``): then each of
    its names that a person's default or a name alone typed (no title, no
    verb of saying after it) becomes a place, and True."""
    start = chain[0].start
    before = chain[0].preposition  # (the word before, as set_context read it)
    if before in CONNECTOR_WORDS:  # kontetë e Pinellas: the noun before the article
        k = start
        while k > 0 and text[k - 1] in " \t\u00a0":
            k -= 1
        before = word_before(text, k - len(before))
    if before not in plural_place_nouns():
        heading = _heading(text, start)
        if heading not in plural_place_nouns():  # (no heading: "", no plural)
            return False
    for q in chain:
        q.tentative = False  # (an item of the list is a name, opening a line after the colon too)
        if q.type == "LOC" or q.acronym or q.title or not (q.by_default or q.type == "PER"):
            continue
        if word_after(text, q.end) in SPEECH_VERBS:
            continue
        q.type, q.by_default, q.tentative = "LOC", False, False  # (a list's first name opens no sentence)
    return True
