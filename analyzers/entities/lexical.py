"""What a capitalised word is, by the dictionaries and the lexicon: a common
noun or adjective, a case form of one, a first name, an institution's
head noun. Each answer is cached per word (the same words recur across an
archive); :func:`analyzers.entities.extract.clear_caches` forgets them.
`Lowered` asks the article itself: whether it writes the word in lowercase
too."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from analyzers.entities.canonical import FEM, readings
from analyzers.entities.gazetteer_table import Gazetteer, weak_place
from analyzers.entities.memo import word_memo

# ADJECTIVE_END: the adjectival endings of the word after a head noun (Azia
# Qendrore, Bashkimi Sovjetik): evidence for a head-first name.
from analyzers.entities.words import ADJECTIVE_END, LOC_HEADS, ORG_HEADS, SENTENCE_OPENERS

# Plural endings of Albanian nouns, with the ends of the singulars that take
# them: -e/-et/-eve after -im and -ues (urime, mendimet, punuesve), -ë/-ët/
# -ëve after -ar, -tor and -ist (lojtarë, autorët, gazetarëve), -ra/-rat/
# -rave after -ë (lojëra, lojërat, ujërave; not Kundera, Petra). The lexicon
# lists singulars.
_PLURALS: Final = (
    ("rave", ("ë",)),
    ("rat", ("ë",)),
    ("ra", ("ë",)),
    ("eve", ("im", "ues")),
    ("et", ("im", "ues")),
    ("e", ("im", "ues")),
    ("ëve", ("ar", "tor", "ist")),
    ("ët", ("ar", "tor", "ist")),
    ("ë", ("ar", "tor", "ist")),
)
# ... by the last letter of the ending (a word is asked only the endings it may have)
_PLURALS_BY_LAST: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    last: tuple(row for row in _PLURALS if row[0].endswith(last)) for last in {e[-1] for e, _stems in _PLURALS}
}
# A word elided before an apostrophe (s'është, d'Alema, l'Aquila).
_ELIDED: Final = re.compile(r"\w['’]")


@word_memo(32768)
def adjective_compound(word: str, gaz: Gazetteer) -> bool:
    """A hyphenated word whose later parts are adjectives of the lexicon
    (``Azi-Paqësor``, ``Euro-Atlantik``): one name, not two (``Izrael-Hamas``)."""
    parts = word.split("-")
    return all(p.lower() in gaz.common_adjectives and not gaz.lookup(p) for p in parts[1:])


@word_memo(32768)
def person_form(word: str, gaz: Gazetteer) -> bool:
    return any(gaz.entries[c].type == "PER" for c in gaz.lookup(word))


@word_memo(32768)
def bare_adjective(word: str, gaz: Gazetteer) -> bool:
    """An adjective of the lexicon as written (Ndërkombëtar, Jashtëm), that
    no dictionary has as a name nor the lexicon as a noun."""
    low = word.lower()
    return low in gaz.common_adjectives and low not in gaz.common_nouns and not gaz.lookup(word)


@word_memo(32768)
def weak_name(word: str, gaz: Gazetteer) -> bool:
    """Known only as a first name or a proper noun of unknown type, which a
    capital at a sentence's start does not make a name (Drita, Besa, Mali);
    or as a place only the lists of the world's cities and regions have
    (Pune, Loja: jobs, the game)."""
    for c in gaz.lookup(word):
        entry = gaz.entries[c]
        if entry.type == "LOC" and weak_place(entry):
            continue
        if entry.type in ("LOC", "ORG") or (entry.type == "PER" and entry.role != "first"):
            return False
    return True


@word_memo(32768)
def org_head(word: str) -> bool:
    return bool(ORG_HEADS.match(word.lower()))


@word_memo(32768)
def name_head(word: str) -> bool:
    low = word.lower()
    return bool(ORG_HEADS.match(low) or LOC_HEADS.match(low))


@word_memo(32768)
def common_mid_sentence(word: str, gaz: Gazetteer) -> bool:
    """A capitalised word mid-sentence that is a common word all the same: the
    word itself is one, or it is a case form of a feminine common noun
    (Kushtetutën, Qeverisë, Komunat: institutions capitalised for respect)."""
    for c in gaz.lookup(word):
        entry = gaz.entries[c]
        if entry.type in ("LOC", "ORG") or (entry.type == "PER" and entry.role != "first"):
            return False
    low = word.lower()
    if low in gaz.common or plural_of_common_noun(low, gaz):
        return True
    # the plural of a feminine noun in -ë: komunat, komunave (komuna)
    for ending in ("at", "ave"):
        if low.endswith(ending) and low[: -len(ending)] + "a" in gaz.common_feminine:
            return True
    return _feminine_common_case(word, gaz)


def plural_of_common_noun(low: str, gaz: Gazetteer) -> bool:
    """A plural form of a noun the lexicon lists (Urime: urim, Lojërat: lojë)."""
    for ending, stems in _PLURALS_BY_LAST.get(low[-1:], ()):
        if low.endswith(ending):
            stem = low[: -len(ending)]
            if len(stem) >= 3 and stem in gaz.common_nouns and stem.endswith(stems):
                return True
    return False


@word_memo(32768)
def institution(word: str, gaz: Gazetteer) -> bool:
    """A case form of a feminine common noun (Administratës, Qeverisë)."""
    if gaz.lookup(word):
        return False
    return _feminine_common_case(word, gaz)


def _feminine_common_case(word: str, gaz: Gazetteer) -> bool:
    """Whether one of the word's first three readings is a feminine common
    noun of the lexicon (Kushtetutën: kushtetuta)."""
    for base, gender in readings(word)[:3]:
        if gender == FEM and base.lower() in gaz.common_feminine:
            return True
    return False


@word_memo(32768)
def common_noun(word: str, gaz: Gazetteer) -> bool:
    """A capitalised word no dictionary knows as a name, which may be a case
    form of a noun the lexicon lists in lowercase (Korrupsionit -> korrupsion)."""
    if gaz.lookup(word):
        return False
    if word.lower() in gaz.common_nouns:
        return True
    return _common_noun_case(word, gaz)


def _common_noun_case(word: str, gaz: Gazetteer) -> bool:
    """Whether one of the word's first four readings is a common noun of
    the lexicon."""
    for base, _gender in readings(word)[:4]:
        if base.lower() in gaz.common_nouns:
            return True
    return False


@word_memo(32768)
def common(word: str, gaz: Gazetteer) -> bool:
    """A capitalised word that is a common Albanian word in some case form."""
    low = word.lower()
    if low in gaz.common or low in SENTENCE_OPENERS or _ELIDED.match(low):
        return True
    if plural_of_common_noun(low, gaz):
        return True
    for base, _gender in readings(word)[:4]:
        if base.lower() in gaz.common:
            return True
    return False


def adjective_after_head(word: str) -> bool:
    """Whether the word after a capitalised word reads as an adjective
    (Komiteti Teknik, Banka Qendrore); a genitive or accusative in -ës/-ën is
    a feminine noun's case, no adjective (Driton Kukës, Klaus Gjasulës)."""
    return bool(ADJECTIVE_END.search(word)) and not word.endswith(("ës", "ën"))


def common_noun_phrase(words: Sequence[str], gaz: Gazetteer) -> bool:
    """A common noun no dictionary has as a name, then only adjectives, all
    capitalised: the name of an institution (Komiteti Teknik, Zhvillim
    Ndërkombëtar of an agency's name), no person; people's names do not
    open with a common noun the lexicon knows."""
    head = words[0]
    if gaz.lookup(head):
        return False
    if head.lower() not in gaz.common_nouns and not _common_noun_case(head, gaz):
        return False
    return all(ADJECTIVE_END.search(w) for w in words[1:])


@word_memo(32768)
def substantivised_adjective(word: str, gaz: Gazetteer) -> bool:
    """The feminine definite (-ja) of an adjective of the lexicon, standing
    for the noun it qualifies: Kushtetuesja (Gjykata Kushtetuese),
    Specialja; such a name is an institution's, never a person's. Its
    other cases too: Kushtetueses, Speciales (-es), Kushtetuesen, Specialen
    (-en), the feminine definite cases of the adjective (special)."""
    low = word.lower()
    if gaz.lookup(word):
        return False
    if low.endswith("ja"):
        stem = low[:-2]
        return stem in gaz.common_adjectives or stem + "e" in gaz.common_adjectives
    if low.endswith(("es", "en")) and len(low) > 5:
        return low[:-2] in gaz.common_adjectives
    return False


def place_of_place(head: str, genitive: str, gaz: Gazetteer) -> bool:
    """``X i/e Y``: the head is a known place, or a proper noun that is no
    common word followed by the genitive of a known place (a city of a
    country: Oslo të Norvegjisë)."""
    if entry_type(head, gaz) == "LOC":
        return True
    if gaz.lookup(head) or common(head, gaz) or not head.isalpha() or ADJECTIVE_END.search(head):
        return False  # a common word, a code (U21), an adjective (Themelore e Prishtinës)
    return any(gaz.entries[c].type == "LOC" for c in gaz.lookup(genitive))


def entry_type(canonical: str, gaz: Gazetteer) -> str | None:
    entry = gaz.entries.get(canonical)  # the table itself: asked of every name, several times
    return entry.type if entry else None


class Lowered:
    """Whether the article writes a word in lowercase too (then the word is a
    common one), asked rarely, so searched for on demand."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        hit = self.cache.get(word)
        if hit is None:
            hit = self.cache[word] = has_whole_word(self.text, word)
        return hit


def has_whole_word(text: str, word: str) -> bool:
    """Whether `word` stands in `text` with no word character (``\\w``: a
    letter, digit or underscore) on either side; what
    ``re.search(r"(?<!\\w)" + re.escape(word) + r"(?!\\w)", text)`` says, without
    compiling a pattern for every word asked (each article asks new ones)."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        if not (i and _is_word_char(text[i - 1])) and not _is_word_char(text[i + n : i + n + 1]):
            return True
        i = text.find(word, i + 1)
    return False


def _is_word_char(c: str) -> bool:
    """What ``\\w`` matches in a str pattern: str.isalnum() or ``_`` ("" is none)."""
    return c.isalnum() or c == "_"
