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

from resample import NEWS_DEV, ResampleOptions, read_sentences, resample_corpus  # noqa: E402

from whoosh import index as whoosh_index  # noqa: E402
from whoosh import query as wq  # noqa: E402
from whoosh.analysis import StandardAnalyzer  # noqa: E402
from whoosh.fields import DATETIME, ID, STORED, TEXT, Schema  # noqa: E402
from whoosh.qparser import MultifieldParser, OrGroup  # noqa: E402
from whoosh.sorting import FieldFacet  # noqa: E402

from analyzers import ANALYZER_VERSION  # noqa: E402
from searchidx import Index  # noqa: E402
from searchidx.corpus import read_corpus  # noqa: E402
from searchidx.schema import SCHEMA_VERSION  # noqa: E402

WORD = re.compile(r"[^\W\d_]{3,}")
KINDS = ("word", "words", "phrase", "headline")
VARIANTS = ("plain", "facets", "date filter")


@dataclass
class Timings:
    searchidx: dict[str, list[float]] = field(default_factory=dict)
    whoosh: dict[str, list[float]] = field(default_factory=dict)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * p / 100
    low, high = int(rank), min(int(rank) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def make_queries(count: int, seed: int) -> dict[str, list[str]]:
    """Query texts of each kind, drawn from the news-dev sentences and headlines."""
    rng = random.Random(seed)
    sentences = [WORD.findall(s) for s in read_sentences()]
    sentences = [s for s in sentences if len(s) >= 4]
    headlines = []
    for name in ("lajmi", "ntrex"):
        lines = (NEWS_DEV / f"{name}.queries.tsv").read_text(encoding="utf-8").splitlines()[1:]
        headlines += [line.split("\t")[1] for line in lines if 8 <= len(line.split("\t")[1].split()) <= 15]

    def span(length: int) -> list[str]:
        words = rng.choice([s for s in sentences if len(s) >= length] or sentences)
        start = rng.randrange(len(words) - length + 1)
        return words[start : start + length]

    return {
        "word": [span(1)[0] for _ in range(count)],
        "words": [" ".join(span(rng.randint(2, 3))) for _ in range(count)],
        "phrase": ['"' + " ".join(span(rng.randint(2, 3))) + '"' for _ in range(count)],
        "headline": rng.sample(headlines, min(count, len(headlines))),
    }


def build_corpus(work: Path, count: int) -> Path:
    corpus = work / f"corpus-{count}"
    marker = corpus / ".complete"
    if not marker.exists():
        resample_corpus(corpus, ResampleOptions(count=count))
        marker.write_text("ok")
    return corpus


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


def whoosh_schema() -> Schema:
    analyzer = StandardAnalyzer()
    return Schema(
        path=ID(stored=True),
        title=TEXT(analyzer=analyzer, stored=True),
        body=TEXT(analyzer=analyzer, stored=True),
        date=DATETIME(stored=True, sortable=True),
        year=ID(stored=True, sortable=True),
    )


def build_whoosh(work: Path, corpus: Path, count: int) -> Path:
    path = work / f"whoosh-standard-{count}"
    marker = path / ".complete"
    if not marker.exists():
        started = time.perf_counter()
        path.mkdir(parents=True, exist_ok=True)
        ix = whoosh_index.create_in(str(path), whoosh_schema())
        writer = ix.writer(limitmb=256, procs=2, multisegment=True)
        for document in read_corpus(corpus):
            if not hasattr(document, "body"):
                continue
            fields = {"path": document.path, "title": document.title, "body": document.body}
            if document.date is not None:
                fields["date"] = document.date.start
                fields["year"] = f"{document.date.year:04d}"
            writer.add_document(**fields)
        writer.commit(optimize=True)
        marker.write_text("ok")
        print(f"whoosh index: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


class WhooshBaseline:
    """Plain Whoosh as a user of it would write the same searches."""

    def __init__(self, path: Path):
        self.ix = whoosh_index.open_dir(str(path))
        self.searcher = self.ix.searcher()
        self.parser = MultifieldParser(["title", "body"], self.ix.schema, group=OrGroup)

    def search(self, text: str, variant: str, first: datetime, last: datetime) -> int:
        query = self.parser.parse(text)
        options = {}
        if variant == "date filter":
            options["filter"] = wq.DateRange("date", first, last)
        if variant == "facets":
            options["groupedby"] = {"year": FieldFacet("year")}
        results = self.searcher.search(query, limit=10, **options)
        for hit in results:
            hit["title"]
        if variant == "facets":
            results.groups("year")
        return len(results)  # the total count


def time_call(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def run(count: int, queries_per_kind: int, work: Path, seed: int, cold: bool = False) -> dict:
    corpus = build_corpus(work, count)
    searchidx_path = build_searchidx(work, corpus, count)
    whoosh_path = build_whoosh(work, corpus, count)
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
        theirs.search(text, "facets", datetime(2019, 1, 1), datetime(2019, 12, 31))
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
                ours_ms.append(time_call(lambda: ours.search(text, **options)))
                plain_text = text if kind != "headline" else re.sub(r"[\"“”:()*+\-]", " ", text)
                theirs_ms.append(time_call(lambda: theirs.search(plain_text, variant, first, last)))
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
    print(f"load average before {load['before'][0]:.2f}, after {load['after'][0]:.2f}; "
          f"first search (open + 'Kr' with facets) {report['first_search_ms']} ms")
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
    parser.add_argument("--work", type=Path, default=Path("/tmp/searchidx-latency"),
                        help="where the corpus and indexes are built and kept between runs")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--cold", action="store_true",
                        help="drop searchidx's decoded posting lists before every query (its worst case: "
                             "otherwise a query's facets and date-filter runs find them decoded by its plain run)")
    args = parser.parse_args(argv)
    report = run(args.count, args.queries, args.work, args.seed, cold=args.cold)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
