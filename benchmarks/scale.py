"""Scale: searchidx against plain Whoosh, Tantivy and SQLite FTS5, from 20,000 to 200,000 articles, in one run.

    python benchmarks/scale.py [--sizes 20000 80000 200000] [--work /work/bench]
        [--engines searchidx searchidx-1 whoosh tantivy sqlite] [--queries 50]
        [--cold-queries 20] [--rebuild [ENGINE ...]] [--json]

Corpora. Each size is a corpus resampled from the news-dev sentences
(benchmarks/resample.py): 4 to 30 real sentences an article, dates spread
over ten years at mixed precisions, so date facets have years to count.
Corpora are written once under --work (corpora/) and reused by later runs.

Engines, all fed by searchidx's own corpus reader (the same documents):
  searchidx    `Index.add_folder` with its default worker processes (one per
               core); searches through `Index.search`: a page of 10 with
               snippets, the total, date and entity facets
  searchidx-1  the same build with one process (`--jobs 1`); indexing only
               (its index is the same: its queries would repeat searchidx's)
  whoosh       plain Whoosh (benchmarks/whoosh_baseline.py): StandardAnalyzer
               on title and body, one SegmentWriter; a page of 10 titles, the
               total and per-year counts (`groupedby`)
  tantivy      the `tantivy` package (pip install '.[bench]'), if installed:
               default tokenizer on title and body, a year fast field; a page
               of 10 titles, the count and a terms aggregation over years
  sqlite       Python's sqlite3 with an FTS5 table (title, body; unindexed path
               and year), if FTS5 is compiled in: 10 titles ORDER BY rank and
               one GROUP BY year over the matches (which also gives the total)

Queries (benchmarks/query_sets.py), the same words for every engine:
  headline  a real lajmi or ntrex headline of 8-15 words, its words OR-ed
  short     a run of 1-3 words from a news-dev sentence, OR-ed
  phrase    2-3 consecutive words of a sentence (short words too), quoted
Facets are on for every query (searchidx: all its facets; the others: years).

Measured, per size, in one run:
  indexing  articles/s (wall clock of the build inside a fresh process),
            CPU seconds of all its processes, the peak memory of the whole
            process tree (RSS summed over the process and its workers,
            sampled from /proc every 0.5 s; also PSS, which counts pages the
            forked workers share once), and the index's size on disk
  warm      the latency of each query in a process that has every engine's
            index open and has already run the same query set once (a
            long-lived searcher: whatever its caches and the OS page cache
            keep). Engines take turns query by query, in a rotating order,
            so all see the same machine noise.
  cold      the latency of opening the index and running its first query:
            for each query, the index is closed, its files are evicted from
            the OS page cache (posix_fadvise DONTNEED on every file in the
            index folder: no root needed, other processes' files untouched),
            the index is opened anew and the query run; the time counts the
            open and the query. Each engine runs its cold queries in a
            process of its own, which first runs one unrelated query to pay
            the process's one-time costs (imports, the analyzer's lexicon):
            CLI start-up is not part of it. Afterwards that process runs
            every cold query once more on one open index, and its peak RSS
            is reported as the memory of a search process.
  growth    each latency percentile, rate and size at the largest size over
            the smallest (`--sizes 20000 200000`: ten times the data).
Latencies are milliseconds, p50 / p95 / p99; the machine's load average is
recorded at the start and end of each size and of each build: compare
numbers only within one run. Each size's table is printed, and the JSON
report saved, as soon as that size is done.

Reuse between runs. Indexes live under --work/indexes/, each folder named by
engine, size and what built it: searchidx by a hash of its source code
(searchidx/ and analyzers/, so a commit that changes the code or the schema
never reuses a stale index; the git commit is recorded beside it), the other
engines by their version and a hash of the corpus reader and this script's
baseline format. Beside each index, `<name>.json` records its build
measurements; an index with a record is reused and its indexing numbers shown
with `*` (measured in an earlier run, at the load recorded there).
`--rebuild` rebuilds every engine's index in this run (`--rebuild searchidx
whoosh` only those), which is what indexing comparisons should use. Reports
are also saved as JSON under --work/reports/.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib.metadata
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = REPO / "benchmarks"
# The code measured is the checkout this script is in, whatever is installed.
sys.path[:0] = [str(REPO), str(BENCHMARKS)]

from measure import (  # noqa: E402
    disk_bytes,
    evict_from_page_cache,
    last_json_line,
    load_average,
    own_peak_rss_mb,
    run_sampled,
    summarize,
)
from query_sets import make_queries, plain_words  # noqa: E402
from resample import ResampleOptions, cached_corpus  # noqa: E402

ENGINES = ("searchidx", "searchidx-1", "whoosh", "tantivy", "sqlite")
KINDS = ("headline", "short", "phrase")
# The query_sets kind each is drawn as: phrases are consecutive words that occur.
DRAWN_AS = {"headline": "headline", "short": "short", "phrase": "adjacent"}
DEFAULT_SIZES = (20_000, 80_000, 200_000)
DEFAULT_WORK = Path("/work/bench")
DEFAULT_DATA = REPO.parent / "shared" / "data"
# Bump when the Tantivy or SQLite schema below changes: their indexes are rebuilt.
BASELINE_FORMAT = 1
PAGE = 10


def log(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Queries


@dataclass(frozen=True)
class BenchQuery:
    kind: str
    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)


def bench_queries(count: int, seed: int, news_dev: Path) -> dict[str, list[BenchQuery]]:
    """`count` queries of each kind, as plain words every engine reads alike."""
    drawn = make_queries(count, seed, news_dev)
    queries = {kind: [] for kind in KINDS}
    for kind in KINDS:
        for text in drawn[DRAWN_AS[kind]]:
            words = tuple(plain_words(text))
            if words:
                queries[kind].append(BenchQuery(kind, words))
    return queries


# ---------------------------------------------------------------------------
# Engines: how each builds an index and answers a query


def source_hash(*paths: Path) -> str:
    """A hash of the files' contents (folders: every file below them but caches)."""
    digest = hashlib.sha256()
    for root in paths:
        if not root.exists():
            # A moved module would otherwise hash as nothing, and every
            # cached index would be reused whatever the code it moved to.
            raise FileNotFoundError(f"source_hash: {root} does not exist (moved? update the path here)")
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# The code that turns corpus files into documents, which every engine indexes.
READER_SOURCES = (REPO / "searchidx" / "sources", REPO / "searchidx" / "dates.py")


def reader_hash() -> str:
    return source_hash(*READER_SOURCES)[:8]


class SearchidxEngine:
    def __init__(self, name: str, jobs: int | None):
        self.name, self.jobs = name, jobs

    def missing(self) -> str | None:
        return None

    def tag(self) -> str:
        return "code" + source_hash(REPO / "searchidx", REPO / "analyzers")[:10]

    def build(self, corpus: Path, index_dir: Path) -> int:
        from searchidx import Index

        with Index.create(index_dir) as index:
            return index.add_folder(corpus, processes=self.jobs).added

    def open(self, index_dir: Path):
        return SearchidxSearcher(index_dir)


class SearchidxSearcher:
    def __init__(self, index_dir: Path):
        from searchidx import Index

        self.index = Index.open(index_dir)

    def search(self, query: BenchQuery) -> int:
        if query.kind == "phrase":
            results = self.index.search(f'"{query.text}"', facets=True, limit=PAGE)
        else:
            results = self.index.search(query.text, facets=True, limit=PAGE, syntax=False)
        return results.total

    def close(self) -> None:
        self.index.close()


class WhooshEngine:
    name = "whoosh"

    def missing(self) -> str | None:
        return None

    def tag(self) -> str:
        import whoosh

        return f"w{whoosh.versionstring()}-r{reader_hash()}-{source_hash(BENCHMARKS / 'whoosh_baseline.py')[:6]}"

    def build(self, corpus: Path, index_dir: Path) -> int:
        from whoosh_baseline import build_whoosh

        return build_whoosh(corpus, index_dir)

    def open(self, index_dir: Path):
        return WhooshSearcher(index_dir)


class WhooshSearcher:
    def __init__(self, index_dir: Path):
        from whoosh_baseline import WhooshBaseline

        self.baseline = WhooshBaseline(index_dir)

    def search(self, query: BenchQuery) -> int:
        text = f'"{query.text}"' if query.kind == "phrase" else query.text
        return self.baseline.search(text, facets=True, limit=PAGE)

    def close(self) -> None:
        self.baseline.close()


class TantivyEngine:
    name = "tantivy"

    def missing(self) -> str | None:
        try:
            import tantivy  # noqa: F401
        except ImportError:
            return "the tantivy package is not installed (pip install '.[bench]')"
        return None

    def tag(self) -> str:
        return f"t{importlib.metadata.version('tantivy')}-r{reader_hash()}-f{BASELINE_FORMAT}"

    @staticmethod
    def schema():
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("title", stored=True)
        builder.add_text_field("body", stored=True)
        builder.add_text_field("path", stored=True, tokenizer_name="raw")
        builder.add_integer_field("year", indexed=True, fast=True)
        return builder.build()

    def build(self, corpus: Path, index_dir: Path) -> int:
        import tantivy

        from searchidx.sources.folder import read_corpus

        index_dir.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(self.schema(), path=str(index_dir))
        writer = index.writer()  # its defaults: 128 MB, a thread per core
        count = 0
        for document in read_corpus(corpus):
            if not hasattr(document, "body"):
                continue
            fields = {"title": document.title, "body": document.body, "path": document.path}
            if document.date is not None:
                fields["year"] = document.date.year
            writer.add_document(tantivy.Document(**fields))
            count += 1
        writer.commit()
        writer.wait_merging_threads()
        return count

    def open(self, index_dir: Path):
        return TantivySearcher(index_dir)


class TantivySearcher:
    YEARS = {"years": {"terms": {"field": "year", "size": 100}}}

    def __init__(self, index_dir: Path):
        import tantivy

        self.index = tantivy.Index.open(str(index_dir))
        self.searcher = self.index.searcher()

    def search(self, query: BenchQuery) -> int:
        # The words hold only letters and digits and no operator: Tantivy's
        # query language reads them as words, OR-ed by default.
        text = f'"{query.text}"' if query.kind == "phrase" else query.text
        parsed = self.index.parse_query(text, ["title", "body"])
        result = self.searcher.search(parsed, PAGE, count=True)
        for _score, address in result.hits:
            self.searcher.doc(address)["title"]
        self.searcher.aggregate(parsed, self.YEARS)
        return result.count

    def close(self) -> None:
        del self.searcher, self.index


class SqliteEngine:
    name = "sqlite"
    FILE = "fts.sqlite"

    def missing(self) -> str | None:
        try:
            sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
        except sqlite3.OperationalError:
            return f"this Python's SQLite {sqlite3.sqlite_version} has no FTS5"
        return None

    def tag(self) -> str:
        return f"s{sqlite3.sqlite_version}-r{reader_hash()}-f{BASELINE_FORMAT}"

    def build(self, corpus: Path, index_dir: Path) -> int:
        from searchidx.sources.folder import read_corpus

        index_dir.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(index_dir / self.FILE)
        connection.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, path UNINDEXED, year UNINDEXED)")
        rows = (
            (d.title, d.body, d.path, d.date.year if d.date else None)
            for d in read_corpus(corpus)
            if hasattr(d, "body")
        )
        with connection:  # one transaction
            connection.executemany("INSERT INTO docs (title, body, path, year) VALUES (?, ?, ?, ?)", rows)
        count = connection.execute("SELECT count(*) FROM docs").fetchone()[0]
        connection.close()
        return count

    def open(self, index_dir: Path):
        return SqliteSearcher(index_dir / self.FILE)


class SqliteSearcher:
    def __init__(self, path: Path):
        self.connection = sqlite3.connect(path)

    def search(self, query: BenchQuery) -> int:
        if query.kind == "phrase":
            match = f'"{query.text}"'
        else:
            match = " OR ".join(f'"{word}"' for word in query.words)
        self.connection.execute(
            "SELECT path, title FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?", (match, PAGE)
        ).fetchall()
        years = self.connection.execute(
            "SELECT year, count(*) FROM docs WHERE docs MATCH ? GROUP BY year", (match,)
        ).fetchall()
        return sum(count for _year, count in years)

    def close(self) -> None:
        self.connection.close()


def engine(name: str):
    if name == "searchidx":
        return SearchidxEngine("searchidx", None)
    if name == "searchidx-1":
        return SearchidxEngine("searchidx-1", 1)
    return {"whoosh": WhooshEngine, "tantivy": TantivyEngine, "sqlite": SqliteEngine}[name]()


def queried_index(name: str) -> str:
    """The engine whose index a name's queries run on (searchidx-1 builds searchidx's)."""
    return "searchidx" if name == "searchidx-1" else name


# ---------------------------------------------------------------------------
# Child processes: one build, the warm round, one engine's cold queries


def child_build(name: str, corpus: Path, index_dir: Path) -> dict:
    started = time.perf_counter()
    articles = engine(name).build(corpus, index_dir)
    seconds = time.perf_counter() - started
    import resource

    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "articles": articles,
        "seconds": round(seconds, 2),
        # CPU seconds of all the build's processes: its cost whatever else runs.
        "cpu_seconds": round(sum(u.ru_utime + u.ru_stime for u in (own, workers)), 1),
    }


def child_warm(spec: dict) -> dict:
    """Every engine's index open in this process; each query set run twice, the second timed."""
    queries = bench_queries(spec["queries"], spec["seed"], Path(spec["news_dev"]))
    names = list(spec["indexes"])
    opened, open_ms = {}, {}
    for name in names:
        started = time.perf_counter()
        opened[name] = engine(name).open(Path(spec["indexes"][name]))
        open_ms[name] = round((time.perf_counter() - started) * 1000, 1)
    timings = {name: {kind: [] for kind in KINDS} for name in names}
    matches = {name: {kind: [] for kind in KINDS} for name in names}
    for kind in KINDS:
        for timed in (False, True):
            for number, query in enumerate(queries[kind]):
                turn = number % len(names)
                for name in names[turn:] + names[:turn]:
                    started = time.perf_counter()
                    total = opened[name].search(query)
                    if timed:
                        timings[name][kind].append((time.perf_counter() - started) * 1000)
                        matches[name][kind].append(total)
        log(f"  warm {kind}: done")
    for searcher in opened.values():
        searcher.close()
    return {"open_ms": open_ms, "timings": timings, "matches": matches}


def child_cold(spec: dict) -> dict:
    """One engine's cold queries: evict the index's files, open, run one query; repeat."""
    name, index_dir = spec["engine"], Path(spec["index"])
    queries = bench_queries(spec["queries"], spec["seed"], Path(spec["news_dev"]))
    chosen = [query for kind in KINDS for query in queries[kind][: spec["cold_queries"]]]
    this = engine(name)
    # The process's one-time costs (imports, the analyzer's lexicon) first,
    # with a query the cold set does not hold.
    searcher = this.open(index_dir)
    searcher.search(BenchQuery("short", ("Prishtinë",)))
    searcher.close()
    totals = {kind: [] for kind in KINDS}
    opens = []
    for query in chosen:
        gc.collect()  # nothing of the previous open index may keep its files mapped
        evict_from_page_cache(index_dir)
        started = time.perf_counter()
        searcher = this.open(index_dir)
        opened = time.perf_counter()
        searcher.search(query)
        finished = time.perf_counter()
        searcher.close()
        del searcher
        opens.append((opened - started) * 1000)
        totals[query.kind].append((finished - started) * 1000)
    # A long-lived search process: every cold query once more on one open index.
    searcher = this.open(index_dir)
    for query in chosen:
        searcher.search(query)
    searcher.close()
    return {"timings": totals, "open_ms": opens, "search_peak_rss_mb": own_peak_rss_mb()}


def run_child(arguments: list[str], sampled: bool = False):
    """Runs this script as a child; returns the JSON it printed last (and the
    sampled run). The child's progress lines go to this process's stderr."""
    command = [sys.executable, __file__, "--child", *arguments]
    try:
        if sampled:
            run = run_sampled(command)
            sys.stderr.write(run.stderr)
            return last_json_line(run.stdout), run
        output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
        return last_json_line(output), None
    except subprocess.CalledProcessError as error:
        sys.stderr.write(error.stderr or "")
        raise SystemExit(f"a benchmark process failed: {' '.join(arguments[:2])}") from error


# ---------------------------------------------------------------------------
# One size


def git_commit() -> dict:
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "HEAD")
    if not commit:
        return {"commit": None, "dirty": None}
    dirty = bool(git("status", "--porcelain", "--", "searchidx", "analyzers", "benchmarks", "pyproject.toml"))
    return {"commit": commit, "dirty": dirty}


def build_index(name: str, corpus: Path, work: Path, size: int, rebuild: bool) -> dict:
    """Builds (or reuses) name's index of corpus; returns its build record."""
    this = engine(name)
    folder = work / "indexes" / f"{name}-{size}-{this.tag()}"
    record_path = folder.with_name(folder.name + ".json")
    # searchidx-1's index is deleted once measured: its record alone is reused.
    if record_path.exists() and not rebuild and (folder.is_dir() or name == "searchidx-1"):
        record = json.loads(record_path.read_text())
        record["cached"] = True
        return record
    shutil.rmtree(folder, ignore_errors=True)
    record_path.unlink(missing_ok=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    log(f"  building {name} ({size:,} articles)")
    load_before = load_average()
    result, run = run_child(["build", name, str(corpus), str(folder)], sampled=True)
    record = {
        "index": str(folder),
        "articles": result["articles"],
        "seconds": result["seconds"],
        "articles_per_s": round(result["articles"] / result["seconds"], 1),
        "cpu_seconds": result["cpu_seconds"],
        "peak_rss_mb": run.peak_rss_mb,
        "peak_pss_mb": run.peak_pss_mb,
        "index_mb": round(disk_bytes(folder) / 1e6, 1),
        "load": [load_before, load_average()],
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **git_commit(),
    }
    if name == "searchidx-1":
        shutil.rmtree(folder)  # the same index as searchidx's: kept once
    record_path.write_text(json.dumps(record, indent=2))
    record["cached"] = False
    log(
        f"  built {name}: {record['articles_per_s']} articles/s, {record['seconds']} s, peak {record['peak_rss_mb']} MB"
    )
    return record


def measure_size(size: int, names: list[str], args) -> dict:
    news_dev = args.data / "news-dev"
    options = ResampleOptions(count=size, seed=args.seed, min_sentences=4, max_sentences=30)
    corpus_dir = (
        args.work / "corpora" / f"articles-{size}-seed{args.seed}-{options.min_sentences}to{options.max_sentences}"
    )
    log(f"{size:,} articles: corpus {corpus_dir}")
    corpus = cached_corpus(corpus_dir, options, (news_dev / "lajmi", news_dev / "ntrex"))
    report = {
        "articles": size,
        "corpus": str(corpus),
        "corpus_mb": round(disk_bytes(corpus) / 1e6, 1),
        "load_start": load_average(),
        "engines": {},
    }
    rebuild = set(ENGINES if args.rebuild == [] else args.rebuild or ())
    for name in names:
        report["engines"][name] = {"build": build_index(name, corpus, args.work, size, name in rebuild)}
    queried = [name for name in names if queried_index(name) == name]
    common = {"queries": args.queries, "seed": args.seed, "news_dev": str(news_dev)}
    if queried:
        log(f"  warm queries: {', '.join(queried)}")
        indexes = {name: report["engines"][name]["build"]["index"] for name in queried}
        warm, _ = run_child(["warm", json.dumps({**common, "indexes": indexes})])
        for name in queried:
            entry = report["engines"][name]
            entry["open_ms"] = warm["open_ms"][name]
            entry["warm"] = {kind: summarize(warm["timings"][name][kind]) for kind in KINDS}
            entry["median_matches"] = {kind: summarize(warm["matches"][name][kind], 0)["p50"] for kind in KINDS}
    if args.cold_queries:
        for name in queried:
            log(f"  cold queries: {name}")
            spec = {
                **common,
                "engine": name,
                "index": report["engines"][name]["build"]["index"],
                "cold_queries": args.cold_queries,
            }
            cold, _ = run_child(["cold", json.dumps(spec)])
            entry = report["engines"][name]
            entry["cold"] = {kind: summarize(cold["timings"][kind]) for kind in KINDS}
            entry["cold_open"] = summarize(cold["open_ms"])
            entry["search_peak_rss_mb"] = cold["search_peak_rss_mb"]
    report["load_end"] = load_average()
    return report


# ---------------------------------------------------------------------------
# Tables


def number(value, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and value != value:  # NaN: no samples
        return "-"
    if abs(value) >= 100 or digits == 0:
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def ratio(a, b) -> str:
    return f"{a / b:.2f}x" if a and b else "-"


def print_size(report: dict, out) -> None:
    engines = report["engines"]
    print(
        f"\n== {report['articles']:,} articles ({report['corpus_mb']:,.0f} MB of text); "
        f"load average {report['load_start']} at the start, {report['load_end']} at the end ==",
        file=out,
    )
    whoosh = engines.get("whoosh", {}).get("build", {})
    print(
        f"{'indexing':<13}{'articles/s':>11}{'vs whoosh':>10}{'seconds':>9}{'CPU s':>8}"
        f"{'peak RSS MB':>12}{'(PSS)':>8}{'index MB':>10}{'vs whoosh':>10}  load",
        file=out,
    )
    cached = False
    for name, entry in engines.items():
        build = entry["build"]
        mark = "*" if build.get("cached") else " "
        cached |= build.get("cached", False)
        print(
            f"{name + mark:<13}{number(build['articles_per_s']):>11}{ratio(build['articles_per_s'], whoosh.get('articles_per_s')):>10}"
            f"{number(build['seconds']):>9}{number(build['cpu_seconds']):>8}{number(build['peak_rss_mb'], 0):>12}"
            f"{number(build['peak_pss_mb'], 0):>8}{number(build['index_mb']):>10}"
            f"{ratio(build['index_mb'], whoosh.get('index_mb')) if name != 'searchidx-1' else '':>10}  {build['load'][0]}-{build['load'][1]}",
            file=out,
        )
    if cached:
        print("  * built in an earlier run (see its load); --rebuild measures it in this run", file=out)
    print(
        f"{'latency ms':<22}{'warm p50':>9}{'p95':>8}{'p99':>8} |{'cold p50':>9}{'p95':>8}{'p99':>8} |{'matches':>9}",
        file=out,
    )
    for name, entry in engines.items():
        if "warm" not in entry:
            continue
        for kind in KINDS:
            warm, cold = entry["warm"][kind], entry.get("cold", {}).get(kind, {})
            label = f"{name if kind == KINDS[0] else '':<11}{kind:<11}"
            print(
                f"{label}{number(warm['p50']):>9}{number(warm['p95']):>8}{number(warm['p99']):>8} |"
                f"{number(cold.get('p50')):>9}{number(cold.get('p95')):>8}{number(cold.get('p99')):>8} |"
                f"{number(entry['median_matches'][kind], 0):>9}",
                file=out,
            )
    opens = [
        f"{name} {number(entry['cold_open']['p50'])} ms (search process peak {number(entry['search_peak_rss_mb'], 0)} MB)"
        for name, entry in engines.items()
        if "cold_open" in entry
    ]
    if opens:
        print("  cold = open + first query, index files evicted; open alone (p50): " + "; ".join(opens), file=out)
    print("  matches = median total matches of the warm queries", file=out)


def growth(reports: list[dict]) -> list[dict]:
    """Rows of one metric per engine (and kind) at every size, and largest over smallest."""
    rows = []
    names = list(dict.fromkeys(name for report in reports for name in report["engines"]))

    def add(name: str, metric: str, pick) -> None:
        values = []
        for report in reports:
            entry = report["engines"].get(name)
            try:
                values.append(pick(entry) if entry else None)
            except KeyError:
                values.append(None)
        if any(value is not None for value in values):
            first, last = values[0], values[-1]
            rows.append(
                {
                    "engine": name,
                    "metric": metric,
                    "values": values,
                    "growth": round(last / first, 2) if first and last else None,
                }
            )

    for name in names:
        for stage in ("warm", "cold"):
            for kind in KINDS:
                for p in ("p50", "p95", "p99"):
                    add(name, f"{stage} {kind} {p}", lambda e, s=stage, k=kind, q=p: e[s][k][q])
        add(name, "articles/s", lambda e: e["build"]["articles_per_s"])
        add(name, "peak RSS MB", lambda e: e["build"]["peak_rss_mb"])
        add(name, "index MB", lambda e: e["build"]["index_mb"])
    return rows


def print_growth(reports: list[dict], rows: list[dict], out) -> None:
    if len(reports) < 2:
        return
    sizes = [report["articles"] for report in reports]
    print(
        f"\n== growth from {sizes[0]:,} to {sizes[-1]:,} articles ({sizes[-1] / sizes[0]:.1f}x the data) ==", file=out
    )
    print(f"{'':<12}{'metric':<22}" + "".join(f"{size:>10,}" for size in sizes) + f"{'growth':>9}", file=out)
    shown = [row for row in rows if "p50" not in row["metric"] and "p99" not in row["metric"]]
    previous = None
    for row in shown:
        label = row["engine"] if row["engine"] != previous else ""
        previous = row["engine"]
        growth_text = f"{row['growth']:.2f}x" if row["growth"] is not None else "-"
        print(
            f"{label:<12}{row['metric']:<22}"
            + "".join(f"{number(v):>10}" for v in row["values"])
            + f"{growth_text:>9}",
            file=out,
        )
    print("  (p50 and p99 growth: in the --json report)", file=out)


# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        kind, rest = argv[1], argv[2:]
        if kind == "build":
            result = child_build(rest[0], Path(rest[1]), Path(rest[2]))
        elif kind == "warm":
            result = child_warm(json.loads(rest[0]))
        else:
            result = child_cold(json.loads(rest[0]))
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="\n\n".join(__doc__.split("\n\n")[2:]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="articles in each corpus")
    parser.add_argument(
        "--work",
        type=Path,
        default=DEFAULT_WORK,
        help=f"where corpora, indexes and reports are kept between runs (default {DEFAULT_WORK})",
    )
    parser.add_argument(
        "--engines",
        nargs="+",
        choices=ENGINES,
        default=list(ENGINES),
        help="engines to measure (default: all; those not installed are skipped)",
    )
    parser.add_argument("--queries", type=int, default=50, help="warm queries of each kind (default 50)")
    parser.add_argument(
        "--cold-queries",
        type=int,
        default=20,
        help="cold queries of each kind and engine, each a fresh open (default 20; 0 skips)",
    )
    parser.add_argument(
        "--rebuild",
        nargs="*",
        choices=ENGINES,
        metavar="ENGINE",
        help="rebuild these engines' indexes (none named: all) instead of reusing them",
    )
    parser.add_argument("--seed", type=int, default=0, help="corpus and query seed (default 0)")
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help=f"the shared data folder holding news-dev/ (default {DEFAULT_DATA})",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON instead of tables")
    args = parser.parse_args(argv)
    if not (args.data / "news-dev" / "lajmi").is_dir():
        parser.error(f"{args.data / 'news-dev' / 'lajmi'} not found (see --data)")
    names = []
    for name in dict.fromkeys(args.engines):
        if reason := engine(name).missing():
            log(f"skipping {name}: {reason}")
        else:
            names.append(name)
    started = datetime.now(UTC)
    saved = args.work / "reports" / f"scale-{started:%Y%m%dT%H%M%S}.json"
    saved.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "benchmark": "scale",
        "command": "python benchmarks/scale.py " + " ".join(argv),
        "started": started.isoformat(timespec="seconds"),
        "finished": None,
        **git_commit(),
        "code": SearchidxEngine("searchidx", None).tag(),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "engines": names,
        "queries_per_kind": args.queries,
        "cold_queries_per_kind": args.cold_queries,
        "sizes": [],
        "growth": [],
    }
    if not args.json:
        commit = report["commit"][:10] if report["commit"] else "unknown commit"
        print(
            f"searchidx {commit}{' (modified)' if report['dirty'] else ''}, {report['code']}; "
            f"{os.cpu_count()} cores; {args.queries} warm and {args.cold_queries} cold queries of each kind"
        )
    for size in sorted(dict.fromkeys(args.sizes)):
        report["sizes"].append(measure_size(size, names, args))
        report["growth"] = growth(report["sizes"])
        # Saved after every size: a long run stopped midway keeps what it measured.
        saved.write_text(json.dumps(report, indent=2, ensure_ascii=False))
        if not args.json:
            print_size(report["sizes"][-1], sys.stdout)
            sys.stdout.flush()
    report["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    saved.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print_growth(report["sizes"], report["growth"], sys.stdout)
        print(f"\nreport saved to {saved}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
