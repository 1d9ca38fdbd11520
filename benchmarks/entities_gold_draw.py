"""Draws the articles of the news entity gold, and splits them, before any annotation.

    python benchmarks/entities_gold_draw.py [--seed 15] [--count 60]
    python benchmarks/entities_gold_draw.py --fresh --seed 152 [--count 60]

Prints, in drawing order, one line per article: the split it belongs to
(``dev`` or ``test``), the file (relative to ../shared/data) and the passage
scored (character offsets). The order and the split are fixed by the seed
alone, so they were settled before a single mention was written down:

* candidates: every article of news-dev/lajmi and news-dev/ntrex that the
  older gold files (tests/data/entities_gold_lajmi*.jsonl, tuned on) do
  not use; with ``--fresh``, also none that the first round's news gold
  uses or that an earlier draw drew (``EARLIER_DRAWS``: the first round's
  60, annotated or not), for a second round whose test half nobody has
  scored or read the extractor's output on (the second round's own gold,
  entities_gold_news2_*, is not excluded, so the draw stays reproducible);
* order: lajmi and ntrex shuffled apart with the seed, then interleaved two
  lajmi to one ntrex (lajmi is four times as large, and the news that
  searchidx serves);
* split: the k-th article drawn goes to ``dev`` when k is even, to
  ``test`` when odd, so each half gets as many of each source;
* passage: from the first word after the ``date`` header to the end of the
  paragraph that reaches character 1,200 of the article (the whole article
  when shorter): long articles are not skipped, only their first part is
  scored (extraction still reads the whole article).

Articles are annotated in drawing order until each half holds at least 200
mentions; what was drawn and not annotated is listed as such in the gold's
``about`` line.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
GOLD = REPO / "tests" / "data"
OLD_GOLD = [GOLD / "entities_gold_lajmi.jsonl", GOLD / "entities_gold_lajmi_heldout.jsonl"]
FIRST_ROUND_GOLD = OLD_GOLD + [GOLD / "entities_gold_news_dev.jsonl", GOLD / "entities_gold_news_test.jsonl"]
# Draws made before, as (seed, count): --fresh leaves out what they drew.
EARLIER_DRAWS = [(15, 60)]
PASSAGE_CHARS = 1200
HEADER = re.compile(r"\A\s*date[ \t]+\S+[ \t]*")


def used_files(fresh: bool = False) -> set[str]:
    used = set()
    for path in FIRST_ROUND_GOLD if fresh else OLD_GOLD:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if "file" in row:
                used.add(row["file"])
    if fresh:
        for seed, count in EARLIER_DRAWS:
            used.update(name for _, name in draw(seed)[:count])
    return used


def passage(text: str) -> tuple[int, int]:
    header = HEADER.match(text)
    start = header.end() if header else 0
    while start < len(text) and text[start].isspace():
        start += 1
    if len(text) <= PASSAGE_CHARS:
        end = len(text)
    else:
        cut = text.find("\n", PASSAGE_CHARS)
        end = len(text) if cut == -1 else cut
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def draw(seed: int, fresh: bool = False) -> list[tuple[str, str]]:
    used = used_files(fresh)
    pools = []
    for folder in ("lajmi", "ntrex"):
        names = sorted(f"news-dev/{folder}/{p.name}" for p in (DATA / "news-dev" / folder).glob("*.txt"))
        names = [n for n in names if n not in used]
        random.Random(f"{seed}:{folder}").shuffle(names)
        pools.append(names)
    lajmi, ntrex = pools
    order = []
    while lajmi or ntrex:
        for pool, take in ((lajmi, 2), (ntrex, 1)):
            for _ in range(take):
                if pool:
                    order.append(pool.pop(0))
    return [("dev" if k % 2 == 0 else "test", name) for k, name in enumerate(order)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument(
        "--fresh", action="store_true", help="leave out every article the first round's gold or draw holds"
    )
    args = parser.parse_args()
    for split, name in draw(args.seed, args.fresh)[: args.count]:
        text = (DATA / name).read_text(encoding="utf-8")
        start, end = passage(text)
        print(f"{split}\t{name}\t{start}\t{end}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
