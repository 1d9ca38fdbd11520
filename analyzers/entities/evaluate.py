"""Scores entity extraction against a gold file.

    python -m analyzers.entities.evaluate tests/data/entities_gold_news_dev.jsonl [--data DIR] [--errors]

The gold file is JSON lines: an optional first line ``{"about": ...}``, then
one passage a line, either ``{"file", "start", "end", "mentions": [{"start",
"end", "text", "type", "canonical"}]}``, offsets in characters of the file
named relative to the data folder (default ``<repo>/../shared/data``), whose
text is read from there at run time (the gold file holds no article text),
or ``{"text", "mentions"}`` for text written for the gold file itself (the
mixed-domain sentences), offsets into that text.

Extraction runs on the whole article (so that short mentions can be resolved
against the rest of it); the mentions that fall inside a gold passage are
scored. Reported: precision, recall and F1 of (span, type) exact matches
over PER/LOC/ORG, the types the facets show (a MISC mention is neither
counted nor missed there), then over all four types and by type, and the
share of exactly matched spans whose canonical form is right.

Never run ``--errors`` on a test half: its errors are not to be looked at
while tuning (see tests/data/entities_gold_news_test.jsonl's ``about``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from analyzers.entities import extract_entities

REPO = Path(__file__).resolve().parents[2]
# The types the index files as facets (searchidx.index.entities.FIELD_OF_TYPE).
FACET_TYPES = ("PER", "LOC", "ORG")
DEFAULT_DATA = REPO.parent / "shared" / "data"


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    span_matches: int = 0
    canonical_right: int = 0
    sentences: int = 0
    errors: list[str] = field(default_factory=list)

    def prf(self, type_: str | tuple[str, ...] | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 over one type, several, or all (None)."""
        types = (
            set(self.tp) | set(self.fp) | set(self.fn)
            if type_ is None
            else {type_}
            if isinstance(type_, str)
            else set(type_)
        )
        tp = sum(self.tp[t] for t in types)
        fp = sum(self.fp[t] for t in types)
        fn = sum(self.fn[t] for t in types)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def canonical_share(self) -> float:
        return self.canonical_right / self.span_matches if self.span_matches else 0.0

    def as_dict(self) -> dict:
        p, r, f = self.prf()
        fp_, fr, ff = self.prf(FACET_TYPES)
        return {
            "sentences": self.sentences,
            "gold": sum(self.tp.values()) + sum(self.fn.values()),
            "predicted": sum(self.tp.values()) + sum(self.fp.values()),
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "facet_types": {
                "gold": sum(self.tp[t] + self.fn[t] for t in FACET_TYPES),
                "precision": round(fp_, 4),
                "recall": round(fr, 4),
                "f1": round(ff, 4),
            },
            "by_type": {
                t: dict(zip(("precision", "recall", "f1"), (round(x, 4) for x in self.prf(t))))
                for t in sorted(set(self.tp) | set(self.fp) | set(self.fn))
            },
            "canonical_right": round(self.canonical_share, 4),
            "canonical_scored": self.span_matches,
        }


def read_gold(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if "file" in row or "text" in row:
                rows.append(row)
    return rows


def evaluate(gold_path: Path, data: Path = DEFAULT_DATA) -> Scores:
    scores = Scores()
    cache: dict[str, tuple[str, list]] = {}
    for number, row in enumerate(read_gold(gold_path), 1):
        if "file" in row:
            name = row["file"]
            if name not in cache:
                text = (data / name).read_text(encoding="utf-8")
                cache[name] = (text, extract_entities(text))
            text, mentions = cache[name]
            s, e = row["start"], row["end"]
        else:
            name = f"{gold_path.name}:{number}"
            text = row["text"]
            mentions = extract_entities(text)
            s, e = 0, len(text)
        scores.sentences += 1
        predicted = {(m.start, m.end, m.type): m for m in mentions if s <= m.start and m.end <= e}
        gold = {(g["start"], g["end"], g["type"]): g for g in row["mentions"]}
        for g in row["mentions"]:  # the gold must point at its own text
            if text[g["start"] : g["end"]] != g["text"]:
                raise ValueError(f"{name}: gold span {g['start']}-{g['end']} is not {g['text']!r}")
        for key, g in gold.items():
            if key in predicted:
                scores.tp[key[2]] += 1
                scores.span_matches += 1
                got = predicted[key].canonical
                if got == g["canonical"]:
                    scores.canonical_right += 1
                else:
                    scores.errors.append(f"{name}: canonical {g['text']!r}: {got!r} != {g['canonical']!r}")
            else:
                scores.fn[key[2]] += 1
                scores.errors.append(f"{name}: missed {g['text']!r} {key[2]}")
        for key, m in predicted.items():
            if key not in gold:
                scores.fp[key[2]] += 1
                scores.errors.append(f"{name}: extra {m.text!r} {m.type} -> {m.canonical!r}")
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder the gold's file names are relative to")
    parser.add_argument("--errors", action="store_true", help="list every miss, extra and wrong canonical form")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"data folder {args.data} not found", file=sys.stderr)
        return 2
    scores = evaluate(args.gold, args.data)
    result = scores.as_dict()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        facet = result["facet_types"]
        print(
            f"{result['sentences']} passages, {result['gold']} gold mentions, {result['predicted']} predicted\n"
            f"PER/LOC/ORG typed span P {facet['precision']:.3f}  R {facet['recall']:.3f}  F1 {facet['f1']:.3f}"
            f"  ({facet['gold']} gold)\n"
            f"all types   typed span P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}\n"
            f"canonical forms right: {result['canonical_right']:.1%} of {result['canonical_scored']} matched spans"
        )
        for t, v in result["by_type"].items():
            print(f"  {t:5} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}")
    if args.errors:
        print("\n".join(scores.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
