"""Start-up time of the `searchidx` command against `python -c pass`, in one run.

    python benchmarks/startup.py [--runs 30] [--runner hyperfine|subprocess]
                                 [--compare OTHER/.venv/bin/python]

Times, end to end as a user runs them, `searchidx --help`, `searchidx
--version` and a search of the bundled corpus (`corpus/`, indexed into a
temporary folder by the installation that searches it), beside `python -c
pass` with the same interpreter, and prints each one's median, its cost over
Python's own start, and the CPU time it took (which a busy machine inflates
less than the wall clock). The targets (issue #16): --help and --version
within 0.15 s of `python -c pass`, the search within 0.4 s. The search's
output goes to a pipe, as in a script.

--compare times another installation of searchidx (say, a checkout of an
older commit with its own virtualenv) in the same run, so that before and
after meet the same load.

The commands run as an installation does on a user's machine: with Python's
bytecode cache. PYTHONDONTWRITEBYTECODE is dropped from their environment
and each installation's packages are compiled first (`compileall`);
otherwise every run of an editable install would compile the project's
modules from source again (about 0.15 s of a search).

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
TARGETS = {"--help": 0.15, "--version": 0.15, "search": 0.4}


def searchidx_command(python: str) -> list[str]:
    """The installed `searchidx` script beside an interpreter, as a user runs it."""
    script = Path(python).parent / "searchidx"
    if script.exists():
        return [str(script)]
    return [python, "-m", "searchidx"]


# The environment the commands run in (see the module doc).
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def compile_packages(python: str) -> None:
    """Writes the bytecode of the searchidx and analyzers packages that `python` imports."""
    script = (
        "import compileall, importlib, pathlib\n"
        "for name in ('searchidx', 'analyzers'):\n"
        "    compileall.compile_dir(pathlib.Path(importlib.import_module(name).__file__).parent, quiet=1)\n"
    )
    subprocess.run([python, "-c", script], check=True, env=ENVIRONMENT, stdout=subprocess.DEVNULL)


def build_index(python: str, folder: Path) -> None:
    subprocess.run(
        [*searchidx_command(python), "index", str(ROOT / "corpus"), "--index", str(folder)],
        check=True,
        stdout=subprocess.DEVNULL,
        env=ENVIRONMENT,
    )


def commands(python: str, index: Path, label: str) -> dict[str, list[str]]:
    searchidx = searchidx_command(python)
    prefix = f"{label}: "
    return {
        f"{prefix}python -c pass": [python, "-c", "pass"],
        f"{prefix}--help": [*searchidx, "--help"],
        f"{prefix}--version": [*searchidx, "--version"],
        f"{prefix}search": [*searchidx, "search", QUERY, "--index", str(index)],
    }


def check(argv: list[str]) -> str | None:
    """None if the command runs (exit 0), else why not."""
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENVIRONMENT)
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
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENVIRONMENT)
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
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENVIRONMENT)
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if round_number >= warmup:
                wall[name].append(elapsed)
                cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def report(labels: list[str], wall: dict, cpu: dict, failed: dict, runner: str, runs: int) -> bool:
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"start-up, {runs} runs each ({runner}); load average {load}")
    print("wall clock (median, min, stdev), its cost over `python -c pass`, and CPU time (user+system, mean)")
    print(f"{'command':<28} {'median':>8} {'min':>8} {'stdev':>8} {'over python':>12} {'target':>12} {'cpu':>7}")
    all_met = True
    for label in labels:
        prefix = f"{label}: "
        baseline = statistics.median(wall[f"{prefix}python -c pass"])
        for short in ["python -c pass", *TARGETS]:
            name = prefix + short
            if name in failed:
                print(f"{name:<28} fails ({failed[name]})")
                all_met = all_met and not label.startswith("compare")
                continue
            samples = wall[name]
            median = statistics.median(samples)
            over = median - baseline
            target = TARGETS.get(short)
            verdict = ""
            if target is not None:
                met = over <= target
                if not label.startswith("compare"):
                    all_met &= met
                verdict = f"{'≤' if met else '>'}{target:.2f} {'ok' if met else 'missed'}"
            print(
                f"{name:<28} {median * 1000:>6.0f}ms {min(samples) * 1000:>6.0f}ms "
                f"{statistics.pstdev(samples) * 1000:>6.0f}ms "
                f"{'' if target is None else f'+{over * 1000:.0f}ms':>12} {verdict:>12} "
                f"{statistics.mean(cpu[name]) * 1000:>5.0f}ms"
            )
    return all_met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--runner", choices=("hyperfine", "subprocess"), default=None)
    parser.add_argument("--compare", metavar="PYTHON", help="also time the searchidx installed beside this interpreter")
    args = parser.parse_args()
    runner = args.runner or ("hyperfine" if shutil.which("hyperfine") else "subprocess")
    # Every command's name starts with its installation's label: hyperfine
    # would read a name starting with "--" as one of its own options.
    installations = [("this", sys.executable)] + ([("compare", args.compare)] if args.compare else [])
    with tempfile.TemporaryDirectory(prefix="searchidx-startup-") as scratch:
        runnable, failed = {}, {}
        for label, python in installations:
            index = Path(scratch) / f"index-{label}"
            compile_packages(python)
            build_index(python, index)
            for name, command in commands(python, index, label).items():
                problem = check(command)
                if problem is None:
                    runnable[name] = command
                else:
                    failed[name] = problem
        timer = time_with_hyperfine if runner == "hyperfine" else time_with_subprocess
        wall, cpu = timer(runnable, args.runs, args.warmup)
    return 0 if report([label for label, _ in installations], wall, cpu, failed, runner, args.runs) else 1


if __name__ == "__main__":
    sys.exit(main())
