"""How much weight a real title (a headline) should get, measured as honestly as the data allow.

    python benchmarks/title_weight.py [--weights 0 0.1 0.2 0.3 0.5 1] [--work /tmp/searchidx-titles]

The development query sets (../shared/data/news-dev/*.queries.tsv) pair a
headline with its article, and the articles have no titles: the headline is
the query. Giving every article its headline as its title would make every
query match its target's title word for word, which measures nothing. So
each set is split by query position: the articles of the even queries
(half A) get their headline as title, written as a JSON Lines export (id,
title, date, text), and the articles of the odd queries (half B) stay
untitled, as in an archive that mixes exports with and without titles.
Measured with `searchidx`'s own evaluation (searchidx.evaluation), per
title weight, on one index per set:

  B, untitled targets   the odd headlines against an index where other
                        articles have titles: what titles cost the articles
                        that have none (the titled ones can now outrank
                        them). Clean: no B headline is in the index.
  A, exact headline     the even headlines, each its target's title: a
                        reader pasting a headline seen elsewhere. The title
                        matches word for word, so this is a ceiling.
  A, half the words     a seeded half of each even headline's words, in
                        order: a reader recalling part of a headline.
                        Synthetic; no set of real partial recollections or
                        paraphrases of titles exists here.

What cannot be measured here: queries that paraphrase a title, or queries
about a story whose title says little; the weight is chosen on lajmi and
ntrex is reported beside it as a check, not tuned on.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from searchidx import Index  # noqa: E402
from searchidx.evaluation import QuerySet, evaluate  # noqa: E402
from searchidx.rank.settings import DEFAULT_RANKING  # noqa: E402
from searchidx.sources.text import read_document  # noqa: E402

NEWS_DEV = REPO.parent / "shared" / "data" / "news-dev"
EXPORT = "articles.jsonl"


def read_queries(name: str) -> list[tuple[str, str, str]]:
    with (NEWS_DEV / f"{name}.queries.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(qid, query, target) for qid, query, target in rows[1:]]


def half_of_words(qid: str, text: str) -> str:
    words = text.split()
    if len(words) <= 2:
        return text
    keep = sorted(random.Random(qid).sample(range(len(words)), max(2, len(words) // 2)))
    return " ".join(words[i] for i in keep)


def build_export(name: str, queries, folder: Path) -> None:
    """The set as one JSON Lines export: half A's articles titled with their headlines."""
    titled = {target: query for position, (_, query, target) in enumerate(queries) if position % 2 == 0}
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / EXPORT).open("w", encoding="utf-8") as out:
        for path in sorted((NEWS_DEV / name).glob("*.txt")):
            document = read_document(path, path.parent)
            record = {"id": path.name, "text": document.body}
            if document.date is not None:
                record["date"] = str(document.date)
            if path.name in titled:
                record["title"] = titled[path.name]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def query_sets(queries) -> dict[str, QuerySet]:
    def make(chosen, rewrite=lambda qid, text: text) -> QuerySet:
        return QuerySet(
            {qid: rewrite(qid, text) for qid, text, _ in chosen},
            {qid: {f"{EXPORT}#{target}": 1} for qid, _, target in chosen},
        )

    half_a = [q for position, q in enumerate(queries) if position % 2 == 0]
    half_b = [q for position, q in enumerate(queries) if position % 2 == 1]
    return {
        "B, untitled targets": make(half_b),
        "A, exact headline": make(half_a),
        "A, half the words": make(half_a, half_of_words),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--weights", type=float, nargs="+", default=[0.0, 0.1, 0.2, 0.3, 0.5, 1.0])
    parser.add_argument("--sets", nargs="+", default=["lajmi", "ntrex"])
    parser.add_argument("--work", type=Path, default=Path("/tmp/searchidx-titles"))
    args = parser.parse_args()
    for name in args.sets:
        queries = read_queries(name)
        folder = args.work / name
        shutil.rmtree(folder, ignore_errors=True)
        build_export(name, queries, folder)
        index_dir = args.work / f"{name}-index"
        shutil.rmtree(index_dir, ignore_errors=True)
        with Index.create(index_dir) as index:
            index.add_folder(folder)
            sets = query_sets(queries)
            print(
                f"{name}: MRR@10 by title weight ({', '.join(f'{k}: {len(v.queries)}' for k, v in sets.items())} queries)"
            )
            print(f"{'title weight':>12}  " + "  ".join(f"{label:>20}" for label in sets))
            for weight in args.weights:
                index.ranking = dataclasses.replace(DEFAULT_RANKING, title_weight=weight)
                scores = [evaluate(index, query_set).summary()["mrr@10"] for query_set in sets.values()]
                print(f"{weight:>12g}  " + "  ".join(f"{score:>20.4f}" for score in scores))
        print()


if __name__ == "__main__":
    main()
