"""Measures a stemmer against gold lemmas: pairwise precision, recall and F1.

Usage::

    python -m analyzers.evaluate GOLD.conllu [GOLD2 ...] [--stemmer albanian]

Gold files are CoNLL-U (FORM and LEMMA columns) or UniMorph (lemma, form,
features; any file not ending in ``.conllu``). Several files are pooled.

Definition (issue 3): over the distinct lowercased word forms that contain a
letter, each form's lemma is its most frequent gold lemma (lowercased). A pair
of forms is a *true pair* when both have the same lemma. Precision is the share
of true pairs among the pairs with the same key; recall is the share of true
pairs that got the same key. Lemma accuracy is the share of forms whose key
equals their gold lemma (after the same normalization the key went through), so
it is only meaningful for a stemmer whose keys are lemmas.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from analyzers.normalizer import fold_diacritics


def read_conllu(path: Path) -> Iterator[tuple[str, str]]:
    """Yields (form, lemma) for each syntactic word; multiword tokens skipped."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3 or "-" in cols[0] or "." in cols[0]:
                continue
            if cols[2] in ("_", ""):
                continue
            yield cols[1], cols[2]


def read_unimorph(path: Path) -> Iterator[tuple[str, str]]:
    """Yields (form, lemma) from UniMorph's lemma<TAB>form<TAB>features lines."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            # Periphrastic cells ("do të abdikoj") are phrases, not word forms.
            if len(cols) >= 2 and cols[0] and cols[1] and " " not in cols[1]:
                yield cols[1], cols[0]


def read_gold(paths: Iterable[Path]) -> dict[str, str]:
    """Returns {distinct lowercased form with a letter: its most frequent gold lemma}."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for path in paths:
        path = Path(path)
        reader = read_conllu if path.suffix == ".conllu" else read_unimorph
        for form, lemma in reader(path):
            form = form.lower()
            if any(ch.isalpha() for ch in form):
                counts[form][lemma.lower()] += 1
    # most_common keeps first-seen order among ties, so this is deterministic.
    return {form: c.most_common(1)[0][0] for form, c in counts.items()}


@dataclass
class Scores:
    forms: int
    precision: float
    recall: float
    f1: float
    lemma_accuracy: float

    def __str__(self) -> str:
        return (
            f"forms={self.forms} precision={self.precision:.4f} recall={self.recall:.4f} "
            f"F1={self.f1:.4f} lemma_accuracy={self.lemma_accuracy:.4f}"
        )


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def score(gold: dict[str, str], key: Callable[[str], str], fold_lemma: bool = False) -> Scores:
    """Pairwise scores of `key` against gold lemmas (see module docstring)."""
    by_key: Counter = Counter()
    by_lemma: Counter = Counter()
    by_both: Counter = Counter()
    exact = 0
    for form, lemma in gold.items():
        k = key(form)
        by_key[k] += 1
        by_lemma[lemma] += 1
        by_both[(k, lemma)] += 1
        if k == (fold_diacritics(lemma) if fold_lemma else lemma):
            exact += 1
    same_key = sum(_pairs(n) for n in by_key.values())
    true = sum(_pairs(n) for n in by_lemma.values())
    both = sum(_pairs(n) for n in by_both.values())
    p = both / same_key if same_key else 1.0
    r = both / true if true else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(len(gold), p, r, f1, exact / len(gold) if gold else 0.0)


def _key_function(name: str) -> tuple[Callable[[str], str], bool]:
    """Returns (key function, whether its keys are diacritic-folded)."""
    if name == "lowercase":
        return (lambda w: w), False
    if name.startswith("truncate"):
        n = int(name[len("truncate") :] or 5)
        return (lambda w: w[:n]), False
    from analyzers.stemmer import AlbanianStemmer, stemmer

    if name == "albanian":
        s = stemmer("albanian")
        return s.stemWord, s.fold_keys
    if name == "albanian-strict":
        s = AlbanianStemmer(fold=False)
        return s.stemWord, False
    if name == "albanian-foldkeys":
        s = AlbanianStemmer(fold_keys=True)
        return s.stemWord, True
    if name == "albanian-rules":
        s = AlbanianStemmer(use_lexicon=False)
        return s.stemWord, s.fold_keys
    return stemmer(name).stemWord, False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analyzers.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="+", type=Path, help="CoNLL-U or UniMorph files, pooled")
    parser.add_argument(
        "--stemmer",
        action="append",
        help="albanian (default), albanian-strict, albanian-foldkeys, albanian-rules, lowercase, truncate5, "
        "or any Snowball language; repeat to compare",
    )
    args = parser.parse_args(argv)
    gold = read_gold(args.gold)
    for name in args.stemmer or ["albanian"]:
        key, folded = _key_function(name)
        print(f"{name:16} {score(gold, key, fold_lemma=folded)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
