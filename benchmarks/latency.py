"""Query latency on 20,000 articles: searchidx against plain Whoosh, in one run.

    python benchmarks/latency.py [--count 20000] [--queries 100] [--work DIR] [--json] [--cold]

Builds (or reuses, under --work) a corpus resampled from news-dev sentences
(benchmarks/resample.py), a searchidx index of it, and a Whoosh index of the
same documents with StandardAnalyzer (title and body, a date column and a
year column for facets). Then times query kinds on both, interleaved query by
query so both see the same machine noise:

    word      one word                       headline  a lajmi headline (8-15 words)
    words     two or three words             phrase    a quoted run of 2-3 words

each alone, with facets (dates and entities over all matches) and with a
date filter. searchidx runs its API (`Index.search`, page of 10 with
snippets, total, facets); Whoosh runs MultifieldParser(OrGroup) over title
and body with limit=10, the total count, `groupedby` year facets and a
DateRange filter. Latencies are per query, in milliseconds: p50, p95, p99.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import percentile, time_ms  # noqa: E402
from query_sets import make_queries  # noqa: E402
from resample import ResampleOptions, cached_corpus  # noqa: E402
from whoosh_baseline import WhooshBaseline, build_whoosh  # noqa: E402

from analyzers import ANALYZER_VERSION  # noqa: E402
from searchidx import Index  # noqa: E402
from searchidx.index.schema import SCHEMA_VERSION  # noqa: E402

KINDS = ("word", "words", "phrase", "headline")
VARIANTS = ("plain", "facets", "date filter")


@dataclass
class Timings:
    searchidx: dict[str, list[float]] = field(default_factory=dict)
    whoosh: dict[str, list[float]] = field(default_factory=dict)


def build_corpus(work: Path, count: int) -> Path:
    return cached_corpus(work / f"corpus-{count}", ResampleOptions(count=count))


def build_searchidx(work: Path, corpus: Path, count: int) -> Path:
    path = work / f"searchidx-{count}-s{SCHEMA_VERSION}-{ANALYZER_VERSION}"
    marker = path / ".complete"
    if not marker.exists():
        started = time.perf_counter()
        with Index.create(path) as index:
            index.add_folder(corpus, processes=2)
        marker.write_text("ok")
        print(f"searchidx index: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def build_whoosh_index(work: Path, corpus: Path, count: int) -> Path:
    path = work / f"whoosh-standard-{count}"
    marker = path / ".complete"
    if not marker.exists():
        started = time.perf_counter()
        build_whoosh(corpus, path, limitmb=256, procs=2, multisegment=True, optimize=True)
        marker.write_text("ok")
        print(f"whoosh index: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def run(count: int, queries_per_kind: int, work: Path, seed: int, cold: bool = False) -> dict:
    corpus = build_corpus(work, count)
    searchidx_path = build_searchidx(work, corpus, count)
    whoosh_path = build_whoosh_index(work, corpus, count)
    queries = make_queries(queries_per_kind, seed)
    rng = random.Random(seed + 1)
    load_before = os.getloadavg()
    # The first search of a fresh process reads the columns facets need (and
    # the app's first keystroke pays it): timed apart, from opening on.
    started = time.perf_counter()
    ours = Index.open(searchidx_path)
    ours.search("Kr", facets=True)
    first_search_ms = (time.perf_counter() - started) * 1000
    theirs = WhooshBaseline(whoosh_path)
    # Warm both: first searches read columns, load the stemmer's lexicon, etc.
    for text in queries["words"][:5]:
        ours.search(text, facets=True, filters=["data:2019"])
        theirs.search(text, facets=True)
    timings = Timings()
    for kind in KINDS:
        for variant in VARIANTS:
            name = f"{kind} / {variant}"
            ours_ms, theirs_ms = [], []
            for text in queries[kind]:
                year = rng.randint(2015, 2023)
                date_filter = f"data:{year}..{year + 1}-06"
                first, last = datetime(year, 1, 1), datetime(year + 1, 6, 30, 23, 59, 59)
                options = dict(syntax=kind != "headline")
                if variant == "facets":
                    options["facets"] = True
                if variant == "date filter":
                    options["filters"] = [date_filter]
                if cold:
                    ours._search_session().forget_postings()
                ours_ms.append(time_ms(lambda: ours.search(text, **options)))  # noqa: B023 - called at once
                plain_text = text if kind != "headline" else re.sub(r"[\"“”:()*+\-]", " ", text)
                whoosh_options = dict(
                    facets=variant == "facets", date_range=(first, last) if variant == "date filter" else None
                )
                theirs_ms.append(time_ms(lambda: theirs.search(plain_text, **whoosh_options)))  # noqa: B023 - called at once
            timings.searchidx[name] = ours_ms
            timings.whoosh[name] = theirs_ms
    ours.close()
    report = {
        "articles": count,
        "queries_per_kind": queries_per_kind,
        "load_average": {"before": load_before, "after": os.getloadavg()},  # other processes skew timings
        "first_search_ms": round(first_search_ms, 1),  # open + `Kr` with facets
        "cold": cold,  # searchidx decoded every posting list anew for each query
        "rows": [],
    }
    for name in timings.searchidx:
        row = {"kind": name}
        for engine, values in (("searchidx", timings.searchidx[name]), ("whoosh", timings.whoosh[name])):
            for p in (50, 95, 99):
                row[f"{engine}_p{p}"] = round(percentile(values, p), 1)
            row[f"{engine}_mean"] = round(statistics.fmean(values), 1)
        report["rows"].append(row)
    return report


def print_table(report: dict) -> None:
    print(f"{report['articles']} articles, {report['queries_per_kind']} queries per kind; milliseconds")
    load = report["load_average"]
    print(
        f"load average before {load['before'][0]:.2f}, after {load['after'][0]:.2f}; "
        f"first search (open + 'Kr' with facets) {report['first_search_ms']} ms"
    )
    print(f"{'kind':<26} {'searchidx p50':>13} {'p95':>7} {'p99':>7} | {'whoosh p50':>10} {'p95':>7} {'p99':>7}")
    for row in report["rows"]:
        print(
            f"{row['kind']:<26} {row['searchidx_p50']:>13} {row['searchidx_p95']:>7} {row['searchidx_p99']:>7} | "
            f"{row['whoosh_p50']:>10} {row['whoosh_p95']:>7} {row['whoosh_p99']:>7}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=20_000, help="articles in the corpus")
    parser.add_argument("--queries", type=int, default=100, help="queries of each kind")
    parser.add_argument(
        "--work",
        type=Path,
        default=Path("/tmp/searchidx-latency"),
        help="where the corpus and indexes are built and kept between runs",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="drop searchidx's decoded posting lists before every query (its worst case: "
        "otherwise a query's facets and date-filter runs find them decoded by its plain run)",
    )
    args = parser.parse_args(argv)
    report = run(args.count, args.queries, args.work, args.seed, cold=args.cold)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
