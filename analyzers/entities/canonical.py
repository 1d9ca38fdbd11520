"""Albanian case and gender morphology of proper names.

The convention for canonical names (one form per entity, what facets show):

* feminine names in the definite nominative: ``Kina``, ``Moska``, ``Rusia``,
  ``Lindja`` (the -a of the definite nominative singular);
* masculine names bare, i.e. the indefinite nominative: ``Pekin``,
  ``Uashington``, ``Putin``, ``Irak``; a name whose bare form itself ends in a
  vowel stays as it is (``Kurti``, ``Haradinaj``, ``Berisha``);
* acronyms bare, without their hyphenated case ending: ``OKB-së`` -> ``OKB``;
* multi-word names with the head noun in the definite nominative, the
  connecting article agreeing with it (``i`` after a masculine singular head,
  ``e`` after a feminine or plural one) and the rest left as written, since
  adjectives after the head do not decline for case in the definite form and
  genitive complements stay genitive: ``Shteteve të Bashkuara`` ->
  ``Shtetet e Bashkuara``, ``Malit të Zi`` -> ``Mali i Zi``,
  ``Republikës së Kosovës`` -> ``Republika e Kosovës``.

Albanian case endings of nouns, which the rules below undo:

=============  ====================  ======================  ================
               feminine (Kinë)       masculine (Pekin)       plural (Shtete)
=============  ====================  ======================  ================
indef. nom.    Kinë, Rusi, Lindje    Pekin                   Shtete
def. nom.      Kina, Rusia, Lindja   Pekini, Iraku           Shtetet
def. gen/dat   Kinës, Rusisë,        Pekinit, Irakut         Shteteve
               Lindjes
def. acc.      Kinën, Rusinë,        Pekinin, Irakun         Shtetet
               Lindjen
=============  ====================  ======================  ================

Masculine nouns ending in -k, -g, -h take -u/-ut/-un instead of -i/-it/-in;
nouns ending in a vowel add only -t / -n (``Kurti`` -> ``Kurtit``,
``Haradinaj`` -> ``Haradinajt``), and those in -a/-o/-e take -s/-n
(``Berisha`` -> ``Berishës``, ``Kristo`` -> ``Kriston``).

A final -i or -u is ambiguous: ``Trumpi`` is the definite form of ``Trump``,
but ``Kurti`` is a bare surname. This module only lists the readings; which
one holds is decided with evidence (dictionaries, the rest of the article,
the rest of the index) in :mod:`analyzers.entities.extract`.
"""

from __future__ import annotations

from functools import lru_cache

VOWELS = frozenset("aeiouyëAEIOUYË")
# Masculine stems ending in a velar or h take the -u declension (Irak-u).
U_STEMS = frozenset("kghKGH")

MASC, FEM, PLURAL = "m", "f", "pl"


def is_vowel(ch: str) -> bool:
    return ch in VOWELS


def feminine_canonical(indefinite: str) -> str:
    """Definite nominative of a feminine name given its indefinite form.

    ``Kinë`` -> ``Kina``, ``Lindje`` -> ``Lindja``, ``Rusi`` -> ``Rusia``;
    a form already in -a is returned unchanged.
    """
    if indefinite.endswith("a"):
        return indefinite
    if indefinite.endswith("ër") and len(indefinite) > 3 and not is_vowel(indefinite[-3]):
        # the unstressed ë of a final -ër drops before the ending, as in
        # motër -> motra: Zvicër -> Zvicra
        return indefinite[:-2] + "ra"
    if indefinite[-1:] in ("ë", "e"):
        return indefinite[:-1] + "a"
    return indefinite + "a"


def masculine_definite(bare: str) -> str:
    """Definite nominative of a masculine noun: ``Mal`` -> ``Mali``, ``Irak`` -> ``Iraku``."""
    if not bare:
        return bare
    last = bare[-1]
    if is_vowel(last):
        return bare
    if last in U_STEMS:
        return bare + "u"
    if bare.endswith("ër"):  # Aleksandër -> Aleksandri: the ë drops
        return bare[:-2] + "ri"
    return bare + "i"


def inflections(canonical: str, gender: str) -> set[str]:
    """The written forms of a one-word name, its canonical form included.

    Both -ë and -e spellings are generated where Albanian has ë, since news
    text typed without diacritics is common (``Kines`` for ``Kinës``).
    """
    forms = {canonical}
    word = canonical
    if gender == PLURAL:
        if word.endswith("et"):  # Shtetet, Shteteve, Shtete
            stem = word[:-2]
            forms |= {stem + "eve", stem + "e", stem + "ët", stem + "ëve"}
        elif word.endswith("at"):  # Konventat, Konventave
            forms |= {word[:-2] + "ave", word[:-2] + "a"}
        elif word.endswith("t"):  # Ishujt, Ishujve
            forms |= {word[:-1] + "ve"}
        return forms
    if word.endswith("a") and len(word) > 2:
        stem = word[:-1]
        if gender == FEM and is_vowel(stem[-1]):
            # Rusia: Rusi, Rusisë, Rusinë, Rusie
            for ending in ("", "së", "në", "se", "ne", "e"):
                forms.add(stem + ending)
        elif gender == FEM or not is_vowel(stem[-1]):
            # Kina / Berisha (masculine names in -a decline like feminines)
            for ending in ("ë", "e", "ës", "ën", "es", "en"):
                forms.add(stem + ending)
            if gender == FEM and stem.endswith("r") and len(stem) > 2 and not is_vowel(stem[-2]):
                forms |= {stem[:-1] + "ër", stem[:-1] + "er"}  # Zvicra: Zvicër
        # Kanada, Kanadaja, Kanadasë, Kanadanë
        for ending in ("ja", "së", "në", "s", "n", "se", "ne"):
            forms.add(word + ending)
        return forms
    last = word[-1]
    if is_vowel(last):
        # Kurti: Kurtit, Kurtin; Kristo: Kristos, Kriston, Kristoja
        forms |= {word + "t", word + "n"}
        if last in "oeuy":
            forms |= {word + "s", word + "ja", word + "së", word + "në"}
        return forms
    if word.endswith(("aj", "ej", "oj", "uj")):  # Haradinaj, Haradinajt, Haradinajn
        forms |= {word + "t", word + "n", word + "i", word + "it", word + "in"}
        return forms
    definite = masculine_definite(word)
    forms |= {definite, definite + "t", definite + "n"}
    if last not in U_STEMS:
        forms |= {word + "it", word + "in"}
    return forms


@lru_cache(maxsize=65536)
def readings(word: str) -> tuple[tuple[str, str], ...]:
    """Possible (bare canonical, gender) readings of an inflected name, best first.

    The first reading is what the ending most often means in news text; the
    word itself, taken as already canonical, is always among them.
    """
    out: list[tuple[str, str]] = []

    def add(base: str, gender: str) -> None:
        if len(base) >= 2 and (base, gender) not in out:
            out.append((base, gender))

    w = word
    low = w.lower()
    n = len(w)
    # Plural: -eve genitive, -et nominative/accusative (Shteteve -> Shtetet).
    if low.endswith("eve") and n > 5:
        add(w[:-3] + "et", PLURAL)
    if low.endswith("ave") and n > 5:
        add(w[:-3] + "at", PLURAL)  # Konventave -> Konventat
    if low.endswith(("isë", "ise", "inë", "ine")) and n > 5:
        add(w[:-2] + "a", FEM)  # Rusisë / Rusinë -> Rusia
    if low.endswith(("ës", "ën", "es", "en")) and n > 4 and not is_vowel(w[-3]):
        add(w[:-2] + "a", FEM)  # Kinës / Moskën -> Kina / Moska
    if low.endswith(("së", "në", "se", "ne")) and n > 4 and w[-3] in "aoeuAOEU":
        add(w[:-2], MASC)  # Kanadasë -> Kanada; Kristosë rarely
    if low.endswith(("it", "in")) and n > 4 and not is_vowel(w[-3]):
        add(w[:-2], MASC)  # Putinit / Putinin -> Putin
    if low.endswith(("ut", "un")) and n > 4 and w[-3] in U_STEMS:
        add(w[:-2], MASC)  # Irakut -> Irak
    if low.endswith(("it", "in")) and n > 4:
        add(w[:-1], MASC)  # Kurtit / Kurtin -> Kurti (a bare name in -i)
    if low.endswith(("jt", "jn")) and n > 4:
        add(w[:-1], MASC)  # Haradinajt -> Haradinaj
    if low.endswith(("os", "on", "es", "as", "us", "en")) and n > 3 and low[-2] in "oeau":
        add(w[:-1], MASC)  # Kristos -> Kristo, Duas -> Dua, Zidanen -> Zidane
    if low[-1:] in ("t", "n") and n > 3 and low[-2] in "yëo":
        add(w[:-1], MASC)  # Cityt -> City, Navalnyn -> Navalny
    if low.endswith("ja") and n > 4 and is_vowel(w[-3]):
        add(w[:-2], MASC)  # Kristoja -> Kristo, Kanadaja -> Kanada
    if low.endswith("a") and n > 2:
        add(w, FEM)  # Kina, Rusia, Berisha: already canonical
    if low.endswith(("ë", "e")) and n > 2:
        add(w[:-1] + "a", FEM)  # Kinë / Lindje -> Kina / Lindja
    if low.endswith("i") and n > 3 and not is_vowel(w[-2]):
        add(w[:-1], MASC)  # Trumpi -> Trump
    if low.endswith("u") and n > 3 and w[-2] in U_STEMS:
        add(w[:-1], MASC)  # Iraku -> Irak
    if low.endswith("i") and n > 2:
        add(w + "a", FEM)  # Rusi -> Rusia (indefinite feminine in -i)
    add(w, MASC)  # bare: Pekin, Putin, Kurti
    if low.endswith(("at", "et")) and n > 4 or low.endswith("itë") and n > 6:
        # a definite plural is its own canonical form: Lojërat, Autoritetet,
        # Ministritë (not the masculine Lojërati); after the bare reading,
        # since a masculine head may end so too (Komitet, Sekretariat): the
        # words after the head choose (extract._prefer_head)
        add(w, PLURAL)
    return tuple(out)


def connector_for(gender: str) -> str:
    """The article that links a definite nominative head to what follows."""
    return "i" if gender == MASC else "e"


def head_readings(word: str) -> tuple[tuple[str, str], ...]:
    """Readings of the head of a multi-word name, as definite nominatives.

    ``Bashkimit`` -> ``Bashkimi`` (m), ``Lindje`` -> ``Lindja`` (f),
    ``Shteteve`` -> ``Shtetet`` (pl), ``Azinë`` -> ``Azia`` (f).
    """
    out = []
    for base, gender in readings(word):
        if gender == MASC:
            head = masculine_definite(base)
        else:
            head = base
        if (head, gender) not in out:
            out.append((head, gender))
    return tuple(out)
