"""A name of a known place and the plural of an English noun is a team's
(or a band's, a company's), no person's: `Belfast Giants`, `Brooklyn
Nets`, `Tennessee Titans`. The plural ends in a consonant and `-s`
(`Giants`, `Nets`, `Tigers`), which an Albanian case ending never does: a
foreign name takes the genitive `-s` after a vowel only (`Lukashenkos`).
Surnames end so too (`Woods`, `Jacobs`, `Roberts`), so the place before
it is asked for as well: an unlisted first name before such a surname
(`Keaghan Jacobs`, `Tiger Woods`) stays the person its shape says."""

from __future__ import annotations

import re

from analyzers.entities.gazetteer_table import Gazetteer
from analyzers.entities.lexical import person_form

_ENGLISH_PLURAL = re.compile(r"[A-Z][a-z]*[b-df-hj-np-rtv-z]s$")


def english_plural(word: str) -> bool:
    """Whether a capitalised word is shaped as such a plural."""
    return len(word) > 3 and _ENGLISH_PLURAL.match(word) is not None


def plural_closes(written: tuple[str, ...], gaz: Gazetteer) -> bool:
    """Whether a name of two words is a place the dictionaries know and
    such a plural that they have as no person's name."""
    return (
        len(written) == 2
        and english_plural(written[1])
        and any(gaz.entries[c].type == "LOC" for c in gaz.lookup(written[0]))
        and not person_form(written[1], gaz)
    )
