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

from typing import Final

from analyzers.entities.memo import word_memo

VOWELS = frozenset("aeiouyëAEIOUYË")
# Masculine stems ending in a velar or h take the -u declension (Irak-u).
U_STEMS: Final = frozenset("kghKGH")

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


@word_memo(65536)
def readings(word: str) -> tuple[tuple[str, str], ...]:
    """Possible (bare canonical, gender) readings of an inflected name, best first.

    The first reading is what the ending most often means in news text; the
    word itself, taken as already canonical, is always among them (if of two
    letters or more).

    The rules, in the order their readings are listed (n: the word's
    letters; a reading drops the last letters of the word and may add some):

    ====  ===============================  ========================  ============
    rule  ending (of the word lowercased)  and                       reading
    ====  ===============================  ========================  ============
    1     -eve                             n > 5                     -eve +et pl
    2     -ave                             n > 5                     -ave +at pl
    3     -isë -ise -inë -ine              n > 5                     -2 +a f
    4     -ës -ën -es -en                  n > 4, no vowel before    -2 +a f
    5     -së -në -se -ne                  n > 4, a o e u before     -2 m
    6     -it -in                          n > 4, no vowel before    -2 m
    7     -ut -un                          n > 4, k g h before       -2 m
    8     -it -in                          n > 4                     -1 m
    9     -jt -jn                          n > 4                     -1 m
    10    -os -on -es -as -us -en          n > 3                     -1 m
    11    -yt -ët -ot -yn -ën -on          n > 3                     -1 m
    12    -ja                              n > 4, vowel before       -2 m
    13    -a                               n > 2                     itself f
    14    -ë -e                            n > 2                     -1 +a f
    15    -i                               n > 3, no vowel before    -1 m
    16    -u                               n > 3, k g h before       -1 m
    17    -i                               n > 2                     +a f
    18    (any)                            n > 1                     itself m
    19    -at -et (n > 4), -itë (n > 6)                              itself pl
    ====  ===============================  ========================  ============

    A reading two rules give is listed once (only -on has two: rules 10
    and 11). The word's last letter picks the rules that can apply, tried
    in order; tests/test_entities_shortcuts.py holds this to the rules
    tried one after another.
    """
    w = word
    low = w.lower()
    n = len(w)
    last = low[-1:]
    out: list[tuple[str, str]] = []
    if last == "i":
        if n > 3 and w[-2] not in VOWELS:
            out.append((w[:-1], MASC))  # Trumpi -> Trump
        if n > 2:
            out.append((w + "a", FEM))  # Rusi -> Rusia (indefinite feminine in -i)
    elif last == "t":
        if n > 4:
            if low.endswith("it"):
                if w[-3] not in VOWELS:
                    out.append((w[:-2], MASC))  # Putinit -> Putin
                out.append((w[:-1], MASC))  # Kurtit -> Kurti
            elif low.endswith("ut"):
                if w[-3] in U_STEMS:
                    out.append((w[:-2], MASC))  # Irakut -> Irak
            elif low.endswith("jt"):
                out.append((w[:-1], MASC))  # Haradinajt -> Haradinaj
        if n > 3 and low[-2] in "yëo":
            out.append((w[:-1], MASC))  # Cityt -> City
    elif last == "n":
        if n > 4:
            if low.endswith(("ën", "en")) and w[-3] not in VOWELS:
                out.append((w[:-2] + "a", FEM))  # Moskën -> Moska
            if low.endswith("in"):
                if w[-3] not in VOWELS:
                    out.append((w[:-2], MASC))  # Putinin -> Putin
            elif low.endswith("un") and w[-3] in U_STEMS:
                out.append((w[:-2], MASC))  # Irakun -> Irak
            if low.endswith(("in", "jn")):
                out.append((w[:-1], MASC))  # Kurtin -> Kurti, Haradinajn -> Haradinaj
        if n > 3:
            if low.endswith(("on", "en")):
                out.append((w[:-1], MASC))  # Kriston -> Kristo, Zidanen -> Zidane
            if low[-2] in "yëo":
                out.append((w[:-1], MASC))  # Navalnyn -> Navalny
    elif last == "a":
        if n > 4 and low.endswith("ja") and w[-3] in VOWELS:
            out.append((w[:-2], MASC))  # Kristoja -> Kristo, Kanadaja -> Kanada
        if n > 2:
            out.append((w, FEM))  # Kina, Rusia, Berisha: already canonical
    elif last == "s":
        if n > 4 and low.endswith(("ës", "es")) and w[-3] not in VOWELS:
            out.append((w[:-2] + "a", FEM))  # Kinës -> Kina
        if n > 3 and low.endswith(("os", "es", "as", "us")):
            out.append((w[:-1], MASC))  # Kristos -> Kristo, Duas -> Dua
    elif last == "e":
        if n > 5:
            if low.endswith("eve"):
                out.append((w[:-3] + "et", PLURAL))  # Shteteve -> Shtetet
            elif low.endswith("ave"):
                out.append((w[:-3] + "at", PLURAL))  # Konventave -> Konventat
            elif low.endswith(("ise", "ine")):
                out.append((w[:-2] + "a", FEM))  # Rusise -> Rusia
        if n > 4 and low.endswith(("se", "ne")) and w[-3] in "aoeuAOEU":
            out.append((w[:-2], MASC))  # Kanadase -> Kanada
        if n > 2:
            out.append((w[:-1] + "a", FEM))  # Lindje -> Lindja
    elif last == "ë":
        if n > 5 and low.endswith(("isë", "inë")):
            out.append((w[:-2] + "a", FEM))  # Rusisë / Rusinë -> Rusia
        if n > 4 and low.endswith(("së", "në")) and w[-3] in "aoeuAOEU":
            out.append((w[:-2], MASC))  # Kanadasë -> Kanada
        if n > 2:
            out.append((w[:-1] + "a", FEM))  # Kinë -> Kina
    elif last == "u":
        if n > 3 and w[-2] in U_STEMS:
            out.append((w[:-1], MASC))  # Iraku -> Irak
    if n >= 2:
        out.append((w, MASC))  # bare: Pekin, Putin, Kurti
    if last == "t" and n > 4 and low.endswith(("at", "et")) or last == "ë" and n > 6 and low.endswith("itë"):
        # a definite plural is its own canonical form: Lojërat, Autoritetet,
        # Ministritë (not the masculine Lojërati); after the bare reading,
        # since a masculine head may end so too (Komitet, Sekretariat): the
        # words after the head choose (extract._prefer_head)
        out.append((w, PLURAL))
    return tuple(dict.fromkeys(out)) if last == "n" else tuple(out)


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
