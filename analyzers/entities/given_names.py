"""A first name that is a common word too, before a surname: one person.

Albanian first names are often common words (`Besa`, `Drita`, `Flora`,
`Fisnik`, `Bujar`, `Agim`, `Ilir`), and so are some foreign ones (`Mike`,
`Norman`, `Rob`): the lexicon has them in lowercase, so the first-name
list leaves them out (a capital opening a sentence makes no name of
`Drita`). Before a word that reads as a surname they are the person's
first name all the same: `Besa Shahini` opening a sentence was dropped,
`Flora Ahmeti` cut to `Ahmeti` (a common noun before a person, as in
`Administratës Trump`), `Mike Organ` read as an institution (a common noun
and an adjective). The names are gender-guesser's that the lexicon has as
common words (`Gazetteer.common_first_names`), of them only those the
lexicon has as a noun or an adjective (not `Pasi`, `Tani`, `Tre`: a
conjunction, an adverb, a numeral). Alone mid-sentence such a name is kept
tentatively by the cut: the person, where the article names them in full
(`Besa` after `Besa Shahini`), else emphasis, as before. A surname may be
a first name's patronymic that the lexicon has as a common word
(`Asllani`: `surname_shaped`)."""

from __future__ import annotations

from collections.abc import Sequence

from analyzers.entities.gazetteer_table import Gazetteer
from analyzers.entities.lexical import common, org_head
from analyzers.entities.memo import word_memo
from analyzers.entities.mentions import Token
from analyzers.entities.titles import is_title
from analyzers.entities.words import SENTENCE_OPENERS, SPORT_PREPOSITIONS


@word_memo(32768)
def common_word_first_name(word: str, gaz: Gazetteer) -> bool:
    """A first name the lexicon also has as a noun or an adjective, no
    title, institution or preposition (`Drejtori`, `Nga`)."""
    low = word.lower()
    return (
        word in gaz.common_first_names
        and (low in gaz.common_nouns or low in gaz.common_adjectives or low in gaz.common_feminine)
        and low not in SENTENCE_OPENERS
        and low not in SPORT_PREPOSITIONS
        and not is_title(word)
        and not org_head(word)
    )


def first_name_and_surname(first: str, last: str, gaz: Gazetteer) -> bool:
    """A first name that is a common word (`common_word_first_name`), then a
    surname: a person's name the dictionaries have (`Ahmeti`, `Hajdari`),
    or a word no dictionary has as a place or organisation that is no
    common word (`Alaj`, `Sullivan`) or is a first name's patronymic
    (`Osmani`, `Asllani`: the name and the definite -i)."""
    if not (last[:1].isupper() and last[1:].islower()) or not common_word_first_name(first, gaz):
        return False
    known = [gaz.entries[c] for c in gaz.lookup(last)]
    if known:
        return all(e.type == "PER" for e in known)
    return surname_shaped(last, gaz)


def opens_with_first_name(written: Sequence[str], gaz: Gazetteer) -> bool:
    """Whether a name's first word is a listed first name, or the name is
    such a common word's first name and a surname (`Mike Sullivan`)."""
    return gaz.is_first_name(written[0]) or (len(written) == 2 and first_name_and_surname(written[0], written[1], gaz))


def surname_shaped(word: str, gaz: Gazetteer) -> bool:
    """A word that may be a surname: no common word of the lexicon, or a
    first name's patronymic, the name and the definite -i, which the
    lexicon may have as a common word all the same (`Asllani`, `Osmani`)."""
    return not common(word, gaz) or (word.endswith("i") and _first_name(word[:-1], gaz))


def opens_person(group: list[Token], gaz: Gazetteer) -> bool:
    """Whether a run's group of two tokens is such a first name and surname
    (the cut keeps both: `Besa Shahini` opening a sentence, `Flora Ahmeti`)."""
    return len(group) == 2 and first_name_and_surname(group[0].text, group[1].text, gaz)


def _first_name(word: str, gaz: Gazetteer) -> bool:
    return gaz.is_first_name(word) or word in gaz.common_first_names
