"""Light suffix rules for Albanian words the lexicon does not know (mostly names).

One pass: strip the longest ending below that leaves a stem of at least
`MIN_STEM` letters. Every ending is a noun article/case ending of Albanian
(Buchholz & Fiedler, *Albanische Grammatik*; Newmark et al., *Standard
Albanian*, ch. 2); verbs are left whole because unknown words are nouns
(names, loanwords) far more often than verbs, and verb endings would cut names.
Works on lowercased words, folded (ë→e) or not: each ending is listed in both.
"""

from __future__ import annotations

from analyzers.normalizer import fold_diacritics

MIN_STEM = 3

_ENDINGS = [
    # plural, genitive/dative/ablative definite and indefinite: projekt-eve, vajza-ve
    "ëve",
    "eve",
    "ave",
    "ve",
    # plural ablative indefinite: qytet-esh
    "esh",
    # plural definite: qytet-et, lumenj-të, mal-et, shqiptar-ët
    "et",
    "ët",
    "të",
    # masculine singular definite: Uashington-it / -in / -i
    "it",
    "in",
    # after -k/-g/-h stems the masculine article is -u: mik-u, mik-ut, mik-un
    "ut",
    "un",
    # feminine singular definite: Kin-a, Kin-ës, Kin-ën; after a vowel -ja, -së, -në
    "ës",
    "ën",
    "së",
    "në",
    "ja",
    # feminine indefinite genitive after a vowel: shtëpi-je
    "je",
    # one-letter articles and the unstressed stem-final -ë: mal-i, mik-u, Kin-a,
    # (gen.) vajz-e, Kin-ë
    "i",
    "u",
    "a",
    "e",
    "ë",
]

# Folded variants (ës -> es, të -> te, ...) for folded keys; order by length so
# the longest ending wins, then by the list above.
_ALL = sorted(dict.fromkeys(_ENDINGS + [fold_diacritics(e) for e in _ENDINGS]), key=lambda e: -len(e))


def stem(word: str) -> str:
    """Returns `word` (lowercase) without its longest Albanian noun ending."""
    for ending in _ALL:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word
