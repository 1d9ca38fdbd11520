"""Dumps what entity extraction gives for every news-dev article, to diff two
versions of the code.

    python benchmarks/entities_dump.py > before.jsonl
    (change the code)
    python benchmarks/entities_dump.py > after.jsonl && cmp before.jsonl after.jsonl

One JSON line per article of ../shared/data/news-dev/lajmi and ntrex (622),
in file order: its mentions (offsets, text, type, canonical form) and the
index fields `searchidx.index.entities.entity_fields` makes of them (person,
place, org, edge). A change meant to make extraction faster must leave
this output byte-identical; a change of rules shows here what it changes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news-dev"


def articles(folders=("lajmi", "ntrex")) -> list[Path]:
    paths = []
    for folder in folders:
        paths.extend(sorted((NEWS / folder).glob("*.txt"), key=lambda p: (len(p.stem), p.stem)))
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", default=["lajmi", "ntrex"])
    args = parser.parse_args()
    from analyzers.entities import extract_entities
    from searchidx.index.entities import entity_fields

    out = sys.stdout
    for path in articles(args.folders):
        text = path.read_text(encoding="utf-8")
        row = {
            "file": f"{path.parent.name}/{path.name}",
            "mentions": [[m.start, m.end, m.text, m.type, m.canonical] for m in extract_entities(text)],
            "fields": entity_fields(text),
        }
        out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
