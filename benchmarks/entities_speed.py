"""Speed of entity extraction, alone and as a share of indexing time.

    python benchmarks/entities_speed.py [--repeat 7] [--processes 1]

1. Extraction alone: `analyzers.extract_entities` over the lajmi articles
   in ../shared/data/news-dev/lajmi (read at run time; --folder another), tokens (whitespace
   words) per second, best of --repeat passes, after one warm-up pass that
   loads the dictionaries.
2. Indexing with and without it: the same folder indexed into a fresh index
   with `searchidx.index.documents.entity_fields` as it is, then with it
   replaced by a function returning no entities (there and where the
   run's warm-up calls it, so that a build without entities neither
   extracts nor loads the extractor's dictionaries); --repeat builds each, interleaved
   (without, with, without, ...) so that drift affects both alike; the
   overhead is the ratio of the medians (best of each shown too). Every
   build starts cold on both sides, as a new `searchidx index` process
   does: the analyzer's memos of word forms and its lexicon table, the
   entity extractor's per-word caches and its dictionaries, and the
   regular expressions compiled on the fly, are all forgotten before it,
   and loaded again (from their cache files) inside the timed build. The
   target is that extraction adds at most 30%.

Times are CPU seconds of this process (time.process_time), so that other
work on the machine does not count, when indexing runs in one process
(--processes 1, the default); with worker processes (--processes 0: one
per core, as `searchidx index` does) they are wall-clock seconds.

With --fresh each build runs in a new Python process instead, as
`searchidx index` does (times are the child's, of `add_folder` alone, as
above): the same cold start, the interpreter's own state included, at the
cost of a process per build. Before the analyzer's memos were cleared
too, the default setting was biased against extraction: the untimed first
build left the analyzer's memo of word keys warm for every build without
entities, while every build with them extracted cold (+54.8% where
--fresh measured +33.8%).

Also reports how long the dictionaries take to load from their cache, and
to build from the source packages when there is no cache; and first, which
build of the extractor it measured: compiled with mypyc, or pure Python and
why (SEARCHIDX_PURE_PYTHON=1 measures the pure build of a compiled install).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LAJMI = REPO.parent / "shared" / "data" / "news-dev" / "lajmi"

_LOAD = r"""
import json, os, time
t0 = time.perf_counter()
from analyzers.entities import gazetteer
t1 = time.perf_counter()
g = gazetteer.load()
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "entries": len(g.entries)}))
"""


def load_times(cache: str | None) -> dict:
    env = None
    if cache is not None:
        import os

        env = dict(os.environ, SEARCHIDX_CACHE=cache)
    out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, env=env, cwd=REPO, check=True)
    return json.loads(out.stdout)


def extraction_speed(texts: list[str], repeat: int) -> dict:
    from analyzers.entities import extract_entities

    for text in texts:  # warm-up: dictionaries, caches
        extract_entities(text)
    tokens = sum(len(t.split()) for t in texts)
    best = float("inf")
    mentions = 0
    for _ in range(repeat):
        started = time.process_time()
        mentions = sum(len(extract_entities(t)) for t in texts)
        best = min(best, time.process_time() - started)
    return {
        "documents": len(texts),
        "tokens": tokens,
        "mentions": mentions,
        "seconds": best,
        "tokens_per_s": tokens / best,
    }


def index_once(folder: Path, processes: int | None, with_entities: bool) -> float:
    # the module that calls entity_fields for each document, and the one
    # whose entity_fields warm_up calls once before a run to load the
    # dictionaries: both are replaced, so that a build without entities
    # neither extracts nor loads the extractor's dictionaries
    import searchidx.index.documents as documents
    import searchidx.index.entities as entities
    from analyzers.analyzer import clear_caches as clear_analysis_caches
    from analyzers.entities.extract import clear_caches as clear_entity_caches
    from searchidx.api import Index

    # Each build starts cold on both sides, as a new process does: the
    # analyzer's word memos and lexicon table, the extractor's word caches
    # and dictionaries are loaded or filled again inside the timed build.
    clear_analysis_caches()
    clear_entity_caches()
    re.purge()  # and the patterns compiled on the fly (a quoted name's repeats)
    original = documents.entity_fields, entities.entity_fields
    if not with_entities:
        documents.entity_fields = entities.entity_fields = no_entities
    try:
        with tempfile.TemporaryDirectory() as tmp:
            index = Index.create(Path(tmp) / "index")
            # one process: its CPU time; worker processes: wall-clock time
            clock = time.process_time if processes == 1 else time.perf_counter
            started = clock()
            summary = index.add_folder(folder, processes=processes)
            seconds = clock() - started
            index.close()
            assert summary.indexed > 0
            return seconds
    finally:
        documents.entity_fields, entities.entity_fields = original


def no_entities(body: str, title: str | None = None) -> dict[str, list[str]]:
    """entity_fields for a build without entities: every field empty."""
    from searchidx.index.schema import EDGE_FIELD, ENTITY_FIELDS

    return {name: [] for name in (*ENTITY_FIELDS, EDGE_FIELD)}


# One build in a new process (--fresh): argv folder, processes (0: one per
# core), 1 with entities or 0 without; prints the seconds of add_folder.
_FRESH_BUILD = r"""
import json, sys
sys.path.insert(0, sys.argv[4])
from entities_speed import index_once
print(json.dumps(index_once(__import__("pathlib").Path(sys.argv[1]), int(sys.argv[2]) or None, sys.argv[3] == "1")))
"""


def index_fresh(folder: Path, processes: int | None, with_entities: bool) -> float:
    """index_once in a new Python process: everything starts cold, the
    analyzer's memo too, as in a `searchidx index` run."""
    argv = [str(folder), str(processes or 0), "1" if with_entities else "0", str(Path(__file__).resolve().parent)]
    out = subprocess.run(
        [sys.executable, "-c", _FRESH_BUILD, *argv], capture_output=True, text=True, cwd=REPO, check=True
    )
    return float(out.stdout)


def indexing_overhead(folder: Path, repeat: int, processes: int | None, fresh: bool = False) -> dict:
    build = index_fresh if fresh else index_once
    without, with_ = [], []
    # untimed: reads the folder and the cache files into the disk's cache
    # and imports the modules, so that the first timed build is not the
    # only one paying for them (every build clears the memos it fills)
    build(folder, processes, with_entities=True)
    for _ in range(repeat):  # interleaved, so drift affects both alike
        without.append(build(folder, processes, with_entities=False))
        with_.append(build(folder, processes, with_entities=True))
    return {
        "processes": processes,
        "fresh": fresh,
        "repeat": repeat,
        "without_entities_s": statistics.median(without),
        "with_entities_s": statistics.median(with_),
        "overhead": statistics.median(with_) / statistics.median(without) - 1,
        "overhead_best": min(with_) / min(without) - 1,
        "without_runs_s": [round(s, 3) for s in without],
        "with_runs_s": [round(s, 3) for s in with_],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--processes", type=int, default=1, help="indexing worker processes (0: one per core)")
    parser.add_argument("--fresh", action="store_true", help="each build in a new process (all caches cold)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--folder",
        type=Path,
        default=LAJMI,
        help="the articles to extract from and index (default: news-dev/lajmi; a larger folder, such as "
        "a corpus of benchmarks/resample.py, shows the share once the cold start is paid off)",
    )
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"{args.folder} not found", file=sys.stderr)
        return 2
    from analyzers.entities import extraction_build

    build = extraction_build()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.folder.rglob("*.txt"))]
    with tempfile.TemporaryDirectory() as empty_cache:
        cold = load_times(empty_cache)
    warm = load_times(None)
    result = {
        "extraction_build": {"describe": build.describe(), "compiled": build.compiled, "reason": build.reason},
        "dictionaries_build_s": cold["load_s"],
        "dictionaries_cached_load_s": warm["load_s"],
        "extraction": extraction_speed(texts, args.repeat),
        "indexing": indexing_overhead(args.folder, args.repeat, args.processes or None, args.fresh),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    e, ix = result["extraction"], result["indexing"]
    print(f"entity extractor: {build.describe()}")
    print(
        f"dictionaries: built in {result['dictionaries_build_s']:.2f} s, loaded from cache in {result['dictionaries_cached_load_s']:.3f} s"
    )
    print(
        f"extraction: {e['documents']} articles, {e['tokens']} tokens, {e['mentions']} mentions in {e['seconds']:.2f} s = {e['tokens_per_s']:,.0f} tokens/s"
    )
    print(
        f"indexing ({ix['processes'] or 'all'} process(es){', a new one per build' if ix['fresh'] else ''}, "
        f"median of {ix['repeat']}): "
        f"{ix['without_entities_s']:.3f} s without entities, {ix['with_entities_s']:.3f} s with: "
        f"+{ix['overhead']:.1%} (target <= 30%; best of each: +{ix['overhead_best']:.1%})"
    )
    print(f"  without: {ix['without_runs_s']}\n  with:    {ix['with_runs_s']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
