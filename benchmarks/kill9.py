"""kill -9 during indexing, counted: damaged indexes and surviving workers.

    python benchmarks/kill9.py [--runs 50] [--files 120] [--seed 18]

Each run changes part of a folder (sometimes all of it, sometimes with
--rebuild), starts `searchidx index` as a real process with two workers,
kills it with SIGKILL at a random moment, then counts the processes its
workers left alive 2 s after the kill, checks the index (it opens, holds
each file once, holds the state before the run or after it, and
`searchidx check` finds no damage), and lets a next run complete the work.
Prints the counts the issue's target names (issue 18: 50 kill -9 runs,
0 damaged indexes and 0 worker processes alive 2 s after the kill).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from test_crash import alive, children  # noqa: E402  (the processes an indexer started, from /proc)

from searchidx import Index  # noqa: E402

try:
    from searchidx.index.check import check_index
except ImportError:  # a version from before `searchidx check` (for a baseline run)
    check_index = None


def text(n: int, version: int) -> str:
    words = " ".join(f"fjala{(n * 7 + i + version) % 97}" for i in range(400))
    return f" date 2020-0{n % 9 + 1}-1{n % 9} Artikulli {n} versioni {version}: Prishtina, Tirana. {words}"


def keys(index_dir: Path) -> list[str]:
    with Index.open(index_dir) as index, index._ix.searcher() as searcher:
        return [fields["key"] for fields in searcher.all_stored_fields()]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    counts: Counter = Counter()
    print(f"load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="searchidx-kill9-") as temporary:
        folder = Path(temporary) / "corpus"
        folder.mkdir()
        index_dir = Path(temporary) / "index"
        for n in range(args.files):
            (folder / f"n{n:03d}.txt").write_text(text(n, 0), encoding="utf-8")
        with Index.open_or_create(index_dir) as index:
            index.add_folder(folder)
        run_seconds = 2.0
        for run in range(1, args.runs + 1):
            before = set(keys(index_dir))
            share = 1.0 if run % 3 == 0 else 0.5  # most files changed: the run uses its workers
            for n in rng.sample(range(args.files), int(args.files * share)):
                (folder / f"n{n:03d}.txt").write_text(text(n, run), encoding="utf-8")
            after = {str(p.resolve()) for p in folder.glob("*.txt")}
            command = [
                sys.executable,
                "-m",
                "searchidx",
                "index",
                str(folder),
                "--index",
                str(index_dir),
                "--jobs",
                "2",
            ]
            if run % 7 == 0:
                command.append("--rebuild")
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            workers: set[int] = set()
            if run % 3:
                # Most kills while the workers index: wait for them, then a
                # random moment of the time a run takes.
                started = time.monotonic()
                while not workers and process.poll() is None and time.monotonic() < started + 30:
                    workers.update(children(process.pid))
                    time.sleep(0.005)
                deadline = time.monotonic() + rng.uniform(0, 0.6 * run_seconds)
            else:  # the others at any moment, start-up and commit included
                deadline = time.monotonic() + rng.uniform(0.3, 3 * run_seconds)
            while time.monotonic() < deadline and process.poll() is None:
                workers.update(children(process.pid))
                time.sleep(0.01)
            workers.update(children(process.pid))
            try:
                os.kill(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass  # it finished first
            process.wait()
            counts["runs"] += 1
            killed = process.returncode == -signal.SIGKILL
            counts["killed mid-run"] += killed
            counts["killed with workers running"] += killed and any(alive(w) for w in workers)
            time.sleep(2.0)
            survivors = [w for w in workers if alive(w)]
            counts["workers alive 2 s after the kill"] += len(survivors)
            for pid in survivors:  # leave nothing behind for the next run
                os.kill(pid, signal.SIGKILL)
            try:
                found = keys(index_dir)
                sound = check_index(index_dir).sound if check_index else True
                damaged = len(found) != len(set(found)) or set(found) not in (before, after) or not sound
            except Exception as error:  # noqa: BLE001 - counted
                print(f"  run {run}: {type(error).__name__}: {error}", file=sys.stderr)
                damaged = True
            counts["damaged indexes"] += damaged
            started = time.perf_counter()
            with Index.open(index_dir) as index:
                index.add_folder(folder, wait=30)
            run_seconds = max(0.3, time.perf_counter() - started)
            counts["next run complete"] += set(keys(index_dir)) == after
    print(dict(counts))
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
