"""The canonical form of a state's or territory's name as CLDR (through
Babel) and ISO 3166 (through pycountry) give it in Albanian: those lists
name a country in its indefinite form (Kinë, Rusi, Kore e Veriut), and
facets name it in the definite nominative (Kina, Rusia, Koreja e Veriut;
docs/entities.md, canonical forms). Used by analyzers.entities.sources."""

from __future__ import annotations

import re
from typing import Final

from analyzers.entities.canonical import FEM, MASC, PLURAL, feminine_canonical, is_vowel


def territory_canonical(name: str, feminine_hint: set[str]) -> tuple[str, str]:
    """Canonical form and head gender of a CLDR / ISO territory name."""
    name = re.sub(r"\s*\(.*\)$", "", name).strip()
    words = name.split()
    head = words[0]
    if "’" in name or "'" in name:
        return name, "-"  # a name in its own language (Côte d’Ivoire): not declined
    if head.endswith("e") and len(head) > 2:
        if "-" in head or is_vowel(head[-2]) or not _ALBANIAN_LETTERS.fullmatch(head):
            return name, "-"  # Sao-Tome e Principe, Niue: as written
        return _stressed_e_canonical(head, words[1:])
    if len(words) == 1:
        if "-" in name:
            return name, "-"
        if name.endswith("a"):
            return name, FEM
        if name.endswith("ë") or name in feminine_hint:
            return feminine_canonical(name), FEM
        if name.endswith("i") and len(name) > 4 and not is_vowel(name[-2]) and name not in MASCULINE_IN_I:
            # Albanian country names in -i are feminine: Bjellorusi -> Bjellorusia
            return name + "a", FEM
        return name, MASC
    if head.endswith("et") or head.endswith("jt"):
        return name, PLURAL
    if head.endswith("a"):
        return name, FEM
    if head.endswith("ë"):
        return " ".join([feminine_canonical(head), *words[1:]]), FEM
    if len(words) > 1 and words[1] == "i" and not is_vowel(head[-1]):
        return " ".join([head + ("u" if head[-1] in "kgh" else "i"), *words[1:]]), MASC
    return name, MASC


# Territory names in a stressed -e take -ja in the definite form (Kore e
# Veriut -> Koreja e Veriut, Guine -> Guineja, Zimbabve -> Zimbabveja), not
# the -a of Albanian nouns in an unstressed -e (Lindje -> Lindja): the CLDR
# and ISO names of this shape are all foreign. Those naming island groups
# are plurals (Filipine -> Filipinet).
PLURAL_IN_E: Final = frozenset({"Filipine", "Maldive", "Komore", "Bermude", "Sejshelle", "Karaibe"})
_ALBANIAN_LETTERS: Final = re.compile(r"[A-Za-zÇçËë]+")


def _stressed_e_canonical(head: str, rest: list[str]) -> tuple[str, str]:
    if head in PLURAL_IN_E:
        return " ".join([head + "t", *rest]), PLURAL
    return " ".join([head + "ja", *rest]), FEM


# Country names in -i that are not feminine nouns in -i (Mali, Haiti).
MASCULINE_IN_I: Final = frozenset(
    {"Mali", "Haiti", "Burundi", "Brunei", "Kiribati", "Malavi", "Fixhi", "Xhibuti", "Malaui"}
)
