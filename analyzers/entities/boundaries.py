"""Where one name ends and the next begins inside a capitalised run, where
the words alone do not say: two people joined by ``e`` (Ivan Rakitic e
Arturo Vidal), a title's genitive before a person (ministri i Mjedisit
Murat Kurum), an institution whose name closes with an organisation's
acronym (Asamblenë e Përgjithshme të OKB-së), a person or a dictionary
name starting mid-run (Sunderland | Jack Ross). Asked by
:func:`analyzers.entities.cut.cut_run` while it extends a name.
"""

from __future__ import annotations

import re
from typing import Final

from analyzers.entities.gazetteer_table import Gazetteer
from analyzers.entities.given_names import common_word_first_name, opens_with_first_name
from analyzers.entities.lexical import name_head, org_head
from analyzers.entities.mentions import CONNECTOR_WORDS, Token, split_acronym, word_before
from analyzers.entities.words import NAME_PARTICLES

# The most tokens of a run (its words and the connectors between them, as
# in Republika e Maqedonisë së Veriut) a dictionary name is looked up with,
# longest first.
LONGEST_NAME: Final = 7

# Case endings of the definite genitive (Mjedisit, Arsimit, Shëndetësisë, Financave).
_GENITIVE_END: Final = re.compile(r"(?:it|ut|së|ës|ve)$")


def genitive_after_connector(text: str, toks: list[Token], i: int) -> bool:
    """toks[i] is a common noun's genitive after a connector, what a title
    or a noun outside the run serves (ministri i Mjedisit, Murat Kurum
    after it), not the head of a name (Stadiumi Fadil Vokrri)."""
    connector = toks[i - 1].text if i > 0 else word_before(text, toks[i].start)
    return (
        connector in CONNECTOR_WORDS and not name_head(toks[i].text) and _GENITIVE_END.search(toks[i].text) is not None
    )


def institution_of_acronym(toks: list[Token], i: int, j: int, n: int, gaz: Gazetteer) -> bool:
    """Whether the acronym at toks[j] closes the institution's name that
    toks[i:j] opens: an organisation's head and at least one more word,
    then a connector, then an organisation's acronym in the genitive
    (Asambleja e Përgjithshme e OKB-së, Këshilli i Sigurimit i OKB-së,
    Klinika Infektive e QKUK-së); a lone title before an acronym (Kreu i
    LDK-së) or a state's acronym (Bregu Perëndimor i SHBA-së) stays apart."""
    if j >= n or j - i < 3 or toks[j - 1].text not in CONNECTOR_WORDS or not org_head(toks[i].text):
        return False
    acr = split_acronym(toks[j].text)
    if not acr or not acr[1]:
        return False  # a genitive ending (OKB-së) says it belongs to the name before
    known = gaz.lookup(acr[0])
    return bool(known) and all(gaz.entries[c].type == "ORG" for c in known)


def second_person(toks: list[Token], i: int, j: int, n: int, gaz: Gazetteer) -> bool:
    """Whether toks[j] starts a second person's full name after ``e`` (and)
    in a run that a person's full name opens: Ivan Rakitic e Arturo Vidal,
    Afrim Buçaj e Zenun Mataj (two first names, each with a capitalised word
    after it; the genitive ``e`` of a name never joins a first name and a
    surname: Lidhja Demokratike e Kosovës), or a first name alone before it,
    siblings of one surname (Florim e Ardian Alaj: given_names' first names
    count)."""
    return (
        toks[j - 1].text == "e"
        and j - 2 >= i
        and j + 1 < n
        and toks[j + 1].is_cap
        and toks[j - 2].is_cap
        and (gaz.is_first_name(toks[i].text) or common_word_first_name(toks[i].text, gaz))
        and opens_with_first_name((toks[j].text, toks[j + 1].text), gaz)
        and toks[j + 1].text not in CONNECTOR_WORDS
    )


def person_starts(toks: list[Token], j: int, n: int, gaz: Gazetteer) -> bool:
    """Whether a person's name starts at toks[j] inside a run: a first name
    (or one that is a common word too, before a surname: Ekonomisë |
    Kreshnik Bekteshi) followed by another capitalised word, after a word
    that is no first name (Juan Carlos Varela, Adeline Virginia Stephen stay whole; the
    caller keeps a place named after a person whole: Stadiumi Fadil
    Vokrri)."""
    before = toks[j - 1].text
    return (
        j + 1 < n
        and toks[j + 1].is_cap
        and before not in CONNECTOR_WORDS
        and before not in NAME_PARTICLES
        and opens_with_first_name((toks[j].text, toks[j + 1].text), gaz)
        and not gaz.is_first_name(before)
    )


def known_from(words: list[str], j: int, sizes: dict[str, int], gaz: Gazetteer) -> bool:
    """Whether a multi-word dictionary name starts at words[j] (`sizes`:
    the gazetteer's `name_sizes`)."""
    if words[j] not in sizes:
        return False
    for k in range(min(len(words), j + LONGEST_NAME, j + sizes[words[j]]), j + 1, -1):
        if gaz.lookup(" ".join(words[j:k])):
            return True
    return False
