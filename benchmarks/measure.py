"""Measuring helpers the benchmarks share: percentiles, sizes on disk, the
memory of a process tree, and evicting files from the page cache.

Linux only where /proc is read (process-tree memory); elsewhere those
numbers are None rather than wrong.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PERCENTILES = (50, 95, 99)


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile, interpolated between the two nearest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * p / 100
    low, high = int(rank), min(int(rank) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarize(values: list[float], digits: int = 1) -> dict[str, float]:
    """p50, p95, p99 and the number of samples."""
    summary = {f"p{p}": round(percentile(values, p), digits) for p in PERCENTILES}
    summary["n"] = len(values)
    return summary


def time_ms(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def disk_bytes(folder: Path) -> int:
    """Bytes of every file below folder (or of folder itself, if a file)."""
    folder = Path(folder)
    if folder.is_file():
        return folder.stat().st_size
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def evict_from_page_cache(folder: Path) -> None:
    """Asks the kernel to drop the cached pages of every file below folder.

    posix_fadvise(DONTNEED) needs no privileges (dropping all caches with
    /proc/sys/vm/drop_caches does) and leaves other processes' files alone.
    Pages a process still has mapped stay: close the index first.
    """
    for path in Path(folder).rglob("*"):
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)  # dirty pages cannot be dropped
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


# ---------------------------------------------------------------------------
# The memory of a process and its descendants


def _children_by_parent() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                # The name (field 2) may hold spaces and parentheses: split after its last ')'.
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def process_tree(root: int) -> list[int]:
    """root and all its descendants still alive."""
    children = _children_by_parent()
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending.extend(children.get(pid, ()))
    return tree


def _status_kb(pid: int, key: bytes) -> int:
    try:
        with open(f"/proc/{pid}/status", "rb") as status:
            for line in status:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            for line in rollup:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_memory_kb(root: int) -> tuple[int, int]:
    """(RSS summed over the tree, PSS summed over the tree), in KiB.

    The RSS sum counts pages that forked workers share with their parent
    once per process (an upper bound); PSS splits each shared page between
    the processes sharing it, so its sum is what the tree really holds.
    """
    pids = process_tree(root)
    return sum(_status_kb(pid, b"VmRSS:") for pid in pids), sum(_pss_kb(pid) for pid in pids)


def own_peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM), in MB."""
    return round(_status_kb(os.getpid(), b"VmHWM:") / 1024, 1)


@dataclass
class TreeRun:
    stdout: str
    stderr: str
    seconds: float  # wall clock, process start to exit
    peak_rss_mb: float | None  # highest RSS sum over the tree seen by the sampler
    peak_pss_mb: float | None


def run_sampled(command: list[str], interval: float = 0.5) -> TreeRun:
    """Runs command, sampling the memory of its process tree every interval
    seconds; raises CalledProcessError (with its stderr) if it fails.

    A run shorter than the interval would show only the memory of a process
    still starting up, so the peak is also the child's own high-water mark
    as the kernel reports it when the child is reaped (wait4's ru_maxrss,
    which covers the child and the workers it waited for)."""
    sampling = Path("/proc/self/smaps_rollup").exists()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peaks = [0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            rss, pss = tree_memory_kb(process.pid)
            peaks[0], peaks[1] = max(peaks[0], rss), max(peaks[1], pss)
            done.wait(interval)

    outputs: dict[str, str] = {}

    def drain(name: str, stream) -> None:
        with stream:  # closed once read, as communicate() would
            outputs[name] = stream.read()

    readers = [
        threading.Thread(target=drain, args=(name, stream), daemon=True)
        for name, stream in (("stdout", process.stdout), ("stderr", process.stderr))
    ]
    sampler = threading.Thread(target=sample, daemon=True)
    for thread in readers + ([sampler] if sampling else []):
        thread.start()
    for reader in readers:
        reader.join()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    if sampling:
        sampler.join()
    seconds = time.perf_counter() - started
    stdout, stderr = outputs["stdout"], outputs["stderr"]
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command, stdout, stderr)
    peaks[0] = max(peaks[0], usage.ru_maxrss)  # KiB on Linux
    return TreeRun(
        stdout=stdout,
        stderr=stderr,
        seconds=seconds,
        peak_rss_mb=round(peaks[0] / 1024, 1) if sampling else None,
        peak_pss_mb=round(peaks[1] / 1024, 1) if sampling else None,
    )


def last_json_line(stdout: str):
    """The JSON a child process printed last (children print their result as one line)."""
    return json.loads(stdout.strip().splitlines()[-1])
