"""Indexing throughput, incremental re-runs and watch latency, against plain Whoosh.

    python benchmarks/indexing.py [--sizes 5000 20000] [--work /tmp/searchidx-bench]

For each size, a corpus resampled from ../shared/data/news-dev
(benchmarks/indexing_corpus.py) is indexed, in the same run and on the same
files, by:

  whoosh     plain Whoosh (benchmarks/whoosh_baseline.py): one SegmentWriter
             (default codec, a --whoosh-limitmb posting pool), StandardAnalyzer
             on title and body (stored), a date and a year column, the same
             corpus reader; the baseline
  searchidx  `searchidx index`: Albanian analysis and entity extraction, with
             worker processes on every core
  searchidx-1  the same with one process (--jobs 1), to show what the workers add

Each build runs in a fresh process so that its peak memory (the process and
its workers) is its own. Reported: documents/s, MB/s of input, peak RSS,
index size. Then, on the largest searchidx index: a re-run on the unchanged
folder, and the time to add 100 new files (against the per-file cost of the
full build, to show it is proportional to the 100).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from indexing_corpus import build  # noqa: E402
from measure import disk_bytes  # noqa: E402
from whoosh_baseline import build_whoosh  # noqa: E402


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*.txt"))


def build_searchidx(corpus: Path, index_dir: Path, processes: int | None) -> int:
    from searchidx import Index

    with Index.open_or_create(index_dir) as index:
        summary = index.add_folder(corpus, processes=processes)
    return summary.added


def run_child(kind: str, corpus: Path, index_dir: Path, whoosh_limitmb: int = 256) -> dict:
    """One build in this (fresh) process; prints its measurements as JSON."""
    started = time.perf_counter()
    if kind == "whoosh":
        documents = build_whoosh(corpus, index_dir, whoosh_limitmb)
    else:
        documents = build_searchidx(corpus, index_dir, 1 if kind == "searchidx-1" else None)
    seconds = time.perf_counter() - started
    own_usage = resource.getrusage(resource.RUSAGE_SELF)
    worker_usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    own, workers = own_usage.ru_maxrss, worker_usage.ru_maxrss
    # CPU seconds (all processes): what the build costs whatever else runs on
    # the machine; wall-clock throughput depends on how many cores are free.
    cpu = sum(u.ru_utime + u.ru_stime for u in (own_usage, worker_usage))
    return {
        "kind": kind,
        "documents": documents,
        "seconds": round(seconds, 2),
        "docs_per_s": round(documents / seconds, 1),
        "mb_per_s": round(folder_bytes(corpus) / 1e6 / seconds, 3),
        "cpu_ms_per_doc": round(cpu * 1000 / documents, 2),
        "peak_rss_mb": round((own + workers) / 1024, 1),  # the parent plus its largest worker
        "index_mb": round(disk_bytes(index_dir) / 1e6, 1),
    }


def measure(kind: str, corpus: Path, index_dir: Path, whoosh_limitmb: int = 256) -> dict:
    shutil.rmtree(index_dir, ignore_errors=True)
    output = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(corpus), str(index_dir), str(whoosh_limitmb)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def time_cli(*args: str) -> tuple[float, dict]:
    started = time.perf_counter()
    output = subprocess.run(
        [sys.executable, "-m", "searchidx", "index", *args, "--json"], check=True, capture_output=True, text=True
    ).stdout
    return time.perf_counter() - started, json.loads(output)


def incremental(corpus: Path, index_dir: Path, size: int, build_seconds: float) -> None:
    # Out of the "racy" window (files written this close to a run are hashed again).
    past = time.time() - 60
    for path in corpus.glob("*.txt"):
        os.utime(path, (past, past))
    time_cli(str(corpus), "--index", str(index_dir))  # records the backdated times
    seconds, summary = time_cli(str(corpus), "--index", str(index_dir))
    print(
        f"  unchanged re-run of {size}: {seconds:.2f} s for the whole command "
        f"({summary['seconds']:.2f} s inside; {summary['read']} files read, {summary['unchanged']} unchanged)"
    )
    build(corpus, 100, start=size)
    seconds, summary = time_cli(str(corpus), "--index", str(index_dir))
    per_file_build = build_seconds / size
    print(
        f"  adding 100 new files to {size}: {seconds:.2f} s for the command ({summary['seconds']:.2f} s inside; "
        f"{summary['added']} added, {summary['read']} read); the full build cost {per_file_build * 100:.2f} s per 100 files"
    )
    for n in range(size, size + 100):
        (corpus / f"art-{n:05d}.txt").unlink()


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, corpus, index_dir, limitmb = sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5])
        print(json.dumps(run_child(kind, corpus, index_dir, limitmb)))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/searchidx-bench"))
    parser.add_argument("--kinds", nargs="+", default=["whoosh", "searchidx", "searchidx-1"])
    parser.add_argument(
        "--whoosh-limitmb",
        type=int,
        default=256,
        help="the Whoosh baseline's posting pool (MB); searchidx's writers share "
        "searchidx.index.workers.WRITER_MEMORY_MB (1024): pass 1024 for the same budget",
    )
    arguments = parser.parse_args()
    for size in arguments.sizes:
        corpus = arguments.work / f"corpus-{size}"
        if not corpus.is_dir() or len(list(corpus.glob("*.txt"))) != size:
            shutil.rmtree(corpus, ignore_errors=True)
            build(corpus, size)
        print(
            f"{size} articles, {folder_bytes(corpus) / 1e6:.1f} MB, {os.cpu_count()} cores, "
            f"load average {os.getloadavg()[0]:.1f}, Whoosh pool {arguments.whoosh_limitmb} MB"
        )
        results = {}
        for kind in arguments.kinds:
            results[kind] = result = measure(
                kind, corpus, arguments.work / f"index-{kind}-{size}", arguments.whoosh_limitmb
            )
            print(
                f"  {kind:<12} {result['docs_per_s']:>7.1f} docs/s  {result['mb_per_s']:>6.3f} MB/s  "
                f"{result['seconds']:>7.1f} s  {result['cpu_ms_per_doc']:>5.2f} CPU ms/doc  peak {result['peak_rss_mb']:>6.0f} MB  index {result['index_mb']:>6.1f} MB",
                flush=True,
            )
        if "whoosh" in results and "searchidx" in results:
            ratio = results["searchidx"]["docs_per_s"] / results["whoosh"]["docs_per_s"]
            print(f"  searchidx / whoosh throughput: {ratio:.0%} (target >= 80%)")
            print(f"  load average after the builds: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        if "searchidx" in results:
            incremental(corpus, arguments.work / f"index-searchidx-{size}", size, results["searchidx"]["seconds"])


if __name__ == "__main__":
    main()
