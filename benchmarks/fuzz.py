"""The long fuzz run of issue 18: hostile queries and files, counted.

    python benchmarks/fuzz.py [--queries 10000] [--files 2000] [--seed 18]

Builds an index of corpus/ (and news-dev/lajmi when ../shared/data is
there) plus articles with hostile dates and words, then

1. runs half the queries through the Python API (random search options)
   and half through `searchidx search --batch FILE` in a real process,
   timing each answer (a --batch line's time is the gap between its line
   and the one before);
2. indexes the files one at a time (each a new, hostile name and content),
   each in its own indexing run, and searches after each run.

It prints the counts the issue's targets name: tracebacks (any exception
other than a one-line SearchidxError; a --batch line that is not JSON or
a traceback on stderr), queries over 2 s, and runs after which the index
did not answer. The strategies are tests/fuzzing.py's, which CI runs with a
small budget (tests/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from searchidx import Index  # noqa: E402
from searchidx.errors import SearchidxError  # noqa: E402

from fuzzing import file_contents, file_names, query_texts, search_options  # noqa: E402

LAJMI = REPO.parent / "shared" / "data" / "news-dev" / "lajmi"
SLOW_SECONDS = 2.0


def generated(strategy, count: int, at_seed: int) -> list:
    """`count` examples of a strategy, drawn by Hypothesis from a fixed seed."""
    examples: list = []

    @seed(at_seed)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(example):
        examples.append(example)

    collect()
    return examples


def build_index(work: Path) -> tuple[Path, Path]:
    folder = work / "corpus"
    folder.mkdir()
    for path in sorted((REPO / "corpus").glob("*.txt")):
        shutil.copy(path, folder / path.name)
    if LAJMI.is_dir():
        for path in sorted(LAJMI.glob("*.txt")):
            shutil.copy(path, folder / f"lajmi-{path.name}")
    (folder / "placeholder.txt").write_text(" date 9999-12 Kina dhe Rusia sot.", encoding="utf-8")
    (folder / "long.txt").write_text(" date 2023 Kina " + "a" * 100_000 + " fund.", encoding="utf-8")
    index_dir = work / "index"
    with Index.open_or_create(index_dir) as index:
        index.add_folder(folder)
    return folder, index_dir


def api_queries(index_dir: Path, queries: list[str], options: list[dict]) -> Counter:
    counts: Counter = Counter()
    slowest = 0.0
    with Index.open(index_dir) as index:
        for query, option in zip(queries, options):
            started = time.perf_counter()
            try:
                index.search(query, **option)
                counts["answered"] += 1
            except SearchidxError as error:
                counts["one-line error" if "\n" not in str(error) else "multi-line error"] += 1
            except Exception as error:  # noqa: BLE001 - this is what is counted
                counts[f"traceback {type(error).__name__}"] += 1
                print(f"  traceback on {query[:80]!r}: {type(error).__name__}: {error}", file=sys.stderr)
            took = time.perf_counter() - started
            slowest = max(slowest, took)
            counts["over 2 s"] += took > SLOW_SECONDS
    counts["slowest ms"] = round(slowest * 1000)
    return counts


def batch_queries(index_dir: Path, queries: list[str], work: Path) -> Counter:
    counts: Counter = Counter()
    lines = [" ".join(q.split()) for q in queries]
    lines = [line for line in lines if line]
    source = work / "queries.txt"
    # A first query, not counted, takes the process's start-up and the
    # index's opening: what is timed is each query's own answer.
    source.write_text("\n".join(["Kina"] + lines) + "\n", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "searchidx",
        "search",
        "--index",
        str(index_dir),
        "--batch",
        str(source),
        "--facets",
    ]
    errors = (work / "batch-stderr.txt").open("w+", encoding="utf-8")  # a file: a full pipe would stall the batch
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True, encoding="utf-8")
    process.stdout.readline()  # the warm-up query's answer
    previous = time.perf_counter()
    slowest = 0.0
    answered = 0
    for line in process.stdout:
        now = time.perf_counter()
        took = now - previous
        slowest = max(slowest, took)
        counts["over 2 s"] += took > SLOW_SECONDS
        previous = now
        if took > SLOW_SECONDS:
            print(f"  {took:.2f} s on --batch line {line[:100]!r}", file=sys.stderr)
        try:
            record = json.loads(line)
        except ValueError:
            counts["traceback (a line that is not JSON)"] += 1
            continue
        answered += 1
        error = record.get("error")
        if error is None:
            counts["answered"] += 1
        elif error.startswith("internal error"):
            counts["traceback (internal error line)"] += 1
        else:
            counts["one-line error"] += 1
    process.wait()
    errors.seek(0)
    stderr = errors.read()
    errors.close()
    counts["traceback on stderr"] += stderr.count("Traceback")
    counts["lines without an answer"] = len(lines) - answered
    counts["slowest ms"] = round(slowest * 1000)
    counts["exit code"] = process.returncode
    return counts


def hostile_files(work: Path, names: list[str], contents: list[bytes]) -> Counter:
    counts: Counter = Counter()
    folder = work / "hostile"
    folder.mkdir()
    (folder / "anchor.txt").write_text(" date 2023 Kina dhe Rusia.", encoding="utf-8")
    index_dir = work / "hostile-index"
    slowest = 0.0
    with Index.open_or_create(index_dir) as index:
        for number, (name, raw) in enumerate(zip(names, contents)):
            path = folder / f"{number:04d}-{name}"
            try:
                path.write_bytes(raw)
            except (OSError, ValueError):
                counts["name the file system refused"] += 1
                continue
            started = time.perf_counter()
            try:
                summary = index.add_folder(folder, processes=1)
                counts["runs"] += 1
                counts["skipped"] += sum(s.path.startswith(f"{number:04d}-") for s in summary.skipped)
                counts["notes"] += len(getattr(summary, "notes", ()))
            except SearchidxError as error:
                counts["one-line error"] += 1
                print(f"  run error for {path.name!r}: {error}", file=sys.stderr)
            except Exception as error:  # noqa: BLE001 - this is what is counted
                counts[f"traceback {type(error).__name__}"] += 1
                print(f"  traceback for {path.name!r}: {type(error).__name__}: {error}", file=sys.stderr)
            took = time.perf_counter() - started
            slowest = max(slowest, took)
            counts["runs over 2 s"] += took > SLOW_SECONDS
            try:
                answered = index.search("Kina", facets=True, sort="date").total >= 1
            except Exception as error:  # noqa: BLE001
                answered = False
                print(f"  no answer after {path.name!r}: {type(error).__name__}: {error}", file=sys.stderr)
                if not counts["index did not answer"]:
                    traceback.print_exc()
            counts["index answered after the run"] += answered
            counts["index did not answer"] += not answered
    counts["slowest run ms"] = round(slowest * 1000)
    return counts


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--parts", default="api,batch,files", help="which of api, batch, files to run")
    args = parser.parse_args(argv)
    parts = set(args.parts.split(","))
    print(f"load average {os.getloadavg()[0]:.2f}; seed {args.seed}")
    with tempfile.TemporaryDirectory(prefix="searchidx-fuzz-") as temporary:
        work = Path(temporary)
        started = time.perf_counter()
        _, index_dir = build_index(work)
        half = args.queries // 2
        queries = generated(query_texts(), args.queries, args.seed)
        options = generated(search_options(), half, args.seed + 1)
        print(f"index built; {len(queries)} queries drawn in {time.perf_counter() - started:.0f} s")
        if "api" in parts:
            api = api_queries(index_dir, queries[:half], options)
            print(f"API, {half} queries: {dict(sorted(api.items()))}", flush=True)
        if "batch" in parts:
            batch = batch_queries(index_dir, queries[half:], work)
            print(f"--batch, {len(queries) - half} queries: {dict(sorted(batch.items()))}", flush=True)
        if "files" in parts:
            names = generated(file_names(), args.files, args.seed + 2)
            contents = generated(file_contents(), args.files, args.seed + 3)
            files = hostile_files(work, names, contents)
            print(f"files, {min(len(names), len(contents))} names and contents: {dict(sorted(files.items()))}")
        print(f"load average {os.getloadavg()[0]:.2f}; {time.perf_counter() - started:.0f} s in all")


if __name__ == "__main__":
    main()
