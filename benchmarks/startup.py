"""Start-up time of the `searchidx` command against `python -c pass`, in one run.

    python benchmarks/startup.py [--index PATH] [--runs 30] [--runner hyperfine|subprocess]

Times, end to end as a user runs them, `searchidx --help`, `searchidx
--version` and a search of the bundled corpus (`corpus/`, indexed into a
temporary folder unless --index names one), beside `python -c pass` with
the same interpreter, and prints each one's median and its cost over
Python's own start, and the CPU time each took (which a busy machine
inflates less than the wall clock). The targets (issue #16): --help and
--version within 0.15 s of `python -c pass`, the search within 0.4 s.

hyperfine runs the commands when it is installed (`apt-get install
hyperfine`); otherwise, or with --runner subprocess, each round runs every
command once in turn, so that a burst of load on a shared machine falls on
all of them alike. The load average is printed with the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERY = "Kines Rusia"
# Seconds over `python -c pass` (issue #16).
TARGETS = {"searchidx --help": 0.15, "searchidx --version": 0.15, "searchidx search": 0.4}


def searchidx_command() -> list[str]:
    """The installed `searchidx` script beside this interpreter, as a user runs it."""
    script = Path(sys.executable).parent / "searchidx"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "searchidx"]


def build_index(folder: Path) -> None:
    subprocess.run(
        [*searchidx_command(), "index", str(ROOT / "corpus"), "--index", str(folder), "--json"],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def commands(index: Path) -> dict[str, list[str]]:
    searchidx = searchidx_command()
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "searchidx --help": [*searchidx, "--help"],
        "searchidx --version": [*searchidx, "--version"],
        "searchidx search": [*searchidx, "search", QUERY, "--index", str(index)],
    }


def check(argv: list[str]) -> str | None:
    """None if the command runs (exit 0), else why not."""
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode == 0:
        return None
    said = [line.strip(" │╭╮╰╯─") for line in done.stderr.splitlines()]
    said = [line for line in said if any(c.isalpha() for c in line)]
    return f"exit {done.returncode}: {(said or [''])[-1][:60]}"


def time_with_hyperfine(runnable: dict[str, list[str]], runs: int, warmup: int) -> tuple[dict, dict]:
    with tempfile.TemporaryDirectory() as scratch:
        export = Path(scratch) / "times.json"
        argv = ["hyperfine", "--shell=none", "--style", "none", "--warmup", str(warmup), "--runs", str(runs)]
        argv += ["--export-json", str(export)]
        for name, command in runnable.items():
            argv += ["--command-name", name, shlex.join(command)]
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results = json.loads(export.read_text())["results"]
    wall = {result["command"]: result["times"] for result in results}
    cpu = {result["command"]: [result["user"] + result["system"]] for result in results}  # hyperfine gives means
    return wall, cpu


def time_with_subprocess(runnable: dict[str, list[str]], runs: int, warmup: int) -> tuple[dict, dict]:
    wall: dict[str, list[float]] = {name: [] for name in runnable}
    cpu: dict[str, list[float]] = {name: [] for name in runnable}
    for round_number in range(warmup + runs):
        for name, command in runnable.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if round_number >= warmup:
                wall[name].append(elapsed)
                cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def report(times: dict[str, list[float]], cpu: dict[str, list[float]], failed: dict[str, str], runner: str,
           runs: int) -> bool:
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"start-up, {runs} runs each ({runner}); load average {load}; {sys.executable}")
    print("wall clock (median, min, stdev), its cost over `python -c pass`, and CPU time (user+system, mean)")
    print(f"{'command':<20} {'median':>8} {'min':>8} {'stdev':>8} {'over python':>12} {'target':>8} {'cpu':>7}")
    baseline = statistics.median(times["python -c pass"])
    all_met = True
    for name in ["python -c pass", *TARGETS]:
        if name in failed:
            print(f"{name:<20} {'fails (' + failed[name] + ')'}")
            all_met = False
            continue
        samples = times[name]
        median = statistics.median(samples)
        over = median - baseline
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            met = over <= target
            all_met &= met
            verdict = f"{'≤' if met else '>'}{target:.2f} {'ok' if met else 'MISSED'}"
        print(
            f"{name:<20} {median * 1000:>6.0f}ms {min(samples) * 1000:>6.0f}ms "
            f"{statistics.pstdev(samples) * 1000:>6.0f}ms "
            f"{'' if target is None else f'+{over * 1000:.0f}ms':>12} {verdict:>8} "
            f"{statistics.mean(cpu[name]) * 1000:>5.0f}ms"
        )
    return all_met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, help="index to search (default: corpus/ indexed into a temporary folder)")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--runner", choices=("hyperfine", "subprocess"), default=None)
    args = parser.parse_args()
    runner = args.runner or ("hyperfine" if shutil.which("hyperfine") else "subprocess")
    with tempfile.TemporaryDirectory(prefix="searchidx-startup-") as scratch:
        index = args.index
        if index is None:
            index = Path(scratch) / "index"
            build_index(index)
        runnable, failed = {}, {}
        for name, command in commands(index).items():
            problem = check(command)
            if problem is None:
                runnable[name] = command
            else:
                failed[name] = problem
        timer = time_with_hyperfine if runner == "hyperfine" else time_with_subprocess
        times, cpu = timer(runnable, args.runs, args.warmup)
    return 0 if report(times, cpu, failed, runner, args.runs) else 1


if __name__ == "__main__":
    sys.exit(main())
