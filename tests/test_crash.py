"""Crash safety: an indexing process killed with SIGKILL at any moment leaves an
index that opens and answers as before the run, and the next run completes it.

The indexing runs are real processes (forked from the test, so as not to pay
Python's start-up 50 times) killed with SIGKILL; the random test kills at
random delays across the run, the targeted one inside each step of a commit.
"""

import os
import random
import signal
import time
import traceback
from pathlib import Path

import pytest

import searchidx.index.indexer
import searchidx.index.store
from searchidx import Index

# Slow (real indexing processes killed with SIGKILL, many times): `pytest -m "not slow"` leaves these out.
pytestmark = pytest.mark.slow

KILLS = 50
FILES = 40


def text(n: int, version: int = 0) -> str:
    words = " ".join(f"fjala{(n * 7 + i + version) % 97}" for i in range(60))
    return f" date 2020-0{n % 9 + 1}-1{n % 9} Artikulli {n} versioni {version}: Prishtina, Tirana. {words}"


def readable_keys(folder) -> set[str]:
    return {str(path.resolve()) for path in folder.glob("*.txt")}


def index_keys(index_dir) -> list[str]:
    with Index.open(index_dir) as index, index._ix.searcher() as searcher:
        keys = [fields["key"] for fields in searcher.all_stored_fields()]
        assert searcher.doc_count() == len(keys)
    return keys


def check_consistent(index_dir, folder) -> None:
    """Every file in the folder indexed once; nothing indexed that is not there."""
    keys = index_keys(index_dir)
    assert len(keys) == len(set(keys)), "a file is indexed twice"
    assert set(keys) == readable_keys(folder)


def fork_indexer(index_dir, folder, rebuild=False, before_run=None, processes=None, report_fd=None) -> int:
    """Forks a process that indexes the folder. With report_fd, the child
    writes there how many seconds its run took, if it lives to the end."""
    pid = os.fork()
    if pid == 0:  # the child: index, then leave without running pytest's cleanup
        code = 0
        started = time.monotonic()
        try:
            if before_run:
                before_run()
            with Index.open_or_create(index_dir, wait=30) as index:
                index.add_folder(folder, rebuild=rebuild, wait=30, processes=processes)
            if report_fd is not None:
                os.write(report_fd, f"{time.monotonic() - started:.6f}".encode())
        except BaseException:
            traceback.print_exc()
            code = 1
        os._exit(code)
    return pid


def reported_seconds(read_fd) -> float | None:
    """What a forked run wrote on its pipe: None if it was killed before."""
    data = os.read(read_fd, 64)
    return float(data) if data else None


def mutate(folder, rng: random.Random, iteration: int) -> None:
    """Adds, changes, deletes and renames a few files; now and then rewrites
    most of them, so that the run uses worker processes."""
    names = sorted(p.name for p in folder.glob("*.txt"))
    if iteration % 5 == 4:
        for name in names:
            (folder / name).write_text(text(int(name[1:4]), iteration), encoding="utf-8")
        return
    for name in rng.sample(names, 3):
        (folder / name).write_text(text(int(name[1:4]), iteration), encoding="utf-8")
    for name in rng.sample(names, 2):
        (folder / name).unlink(missing_ok=True)
    survivor = rng.choice(sorted(p.name for p in folder.glob("*.txt")))
    (folder / survivor).rename(folder / f"n{rng.randrange(1000, 9999)}-{iteration}.txt")
    for _ in range(3):
        n = rng.randrange(1000)
        (folder / f"n{n:03d}-{iteration}.txt").write_text(text(n, iteration), encoding="utf-8")


def children(pid: int) -> list[int]:
    """The processes pid started (its indexing workers), from /proc."""
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    """Running (a zombie waiting for a parent to reap it counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def gone_within(pids: list[int], seconds: float) -> list[int]:
    """The pids still alive after waiting up to `seconds` for them to end."""
    deadline = time.monotonic() + seconds
    while (left := [p for p in pids if alive(p)]) and time.monotonic() < deadline:
        time.sleep(0.02)
    return left


needs_proc = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads processes from /proc")


def test_random_kill_9_never_harms_the_index(make_corpus, index_dir):
    rng = random.Random(20240601)
    folder = make_corpus({f"n{n:03d}.txt": text(n) for n in range(FILES)})
    with Index.open_or_create(index_dir) as index:
        index.add_folder(folder)
    check_consistent(index_dir, folder)
    # The kill falls at a random moment of the run it kills. How long a run
    # lasts is learnt from the forked runs themselves, per kind of run (a
    # rebuild, a rewrite of most files, a few changes): each run that outlives
    # its kill time says how long that kind takes, on this machine, now.
    # A run in this process would not do: it finds the work done when the
    # kill came late, and it pays no fork, open or worker start-up.
    run_seconds = {"rebuild": 0.5, "most": 0.5, "few": 0.5}
    kills = iteration = 0
    while kills < KILLS:
        iteration += 1
        assert iteration < KILLS * 3, "runs finish before the kill too often"
        before = set(index_keys(index_dir))
        mutate(folder, rng, iteration)
        after = readable_keys(folder)
        rebuild = iteration % 7 == 0
        kind = "rebuild" if rebuild else "most" if iteration % 5 == 4 else "few"
        read_fd, write_fd = os.pipe()
        pid = fork_indexer(index_dir, folder, rebuild=rebuild, report_fd=write_fd)
        os.close(write_fd)
        time.sleep(rng.uniform(0, run_seconds[kind]))
        workers = children(pid)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status)
        seconds = reported_seconds(read_fd)
        os.close(read_fd)
        assert killed or (status == 0 and seconds is not None), "the forked run failed"
        if not killed:
            run_seconds[kind] = seconds
        kills += killed
        # Workers die with their parent (they used to index on for seconds,
        # write a segment into the folder, then wait forever).
        assert gone_within(workers, 2.0) == []
        # The index opens and holds the state before the run or after it.
        keys = index_keys(index_dir)
        assert len(keys) == len(set(keys))
        assert set(keys) in (before, after)
        # The next run completes the work.
        with Index.open(index_dir) as index:
            index.add_folder(folder, wait=10)
        check_consistent(index_dir, folder)


@needs_proc
def test_workers_die_with_their_parent_and_write_nothing(make_corpus, index_dir):
    folder = make_corpus({f"n{n:03d}.txt": text(n) for n in range(10)})
    with Index.open_or_create(index_dir) as index:
        index.add_folder(folder)
    before = set(index_keys(index_dir))
    for n in range(10, 400):  # enough long articles that the workers are busy a while
        (folder / f"n{n:03d}.txt").write_text(" ".join(text(n, k) for k in range(30)), encoding="utf-8")
    pid = fork_indexer(index_dir, folder, processes=2)
    deadline = time.monotonic() + 30
    while len(workers := children(pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(workers) == 2, "the run started its two workers"
    time.sleep(0.3)  # working
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    assert gone_within(workers, 2.0) == [], "workers alive 2 s after their parent was killed"
    files = {p.name: p.stat().st_size for p in index_dir.iterdir()}
    time.sleep(1.0)
    assert {p.name: p.stat().st_size for p in index_dir.iterdir()} == files, "something wrote into the index"
    assert set(index_keys(index_dir)) == before
    with Index.open(index_dir) as index:
        index.add_folder(folder, wait=10)
    check_consistent(index_dir, folder)


def kill_self(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)


def sabotage(step: str) -> None:
    """Makes the process kill itself with SIGKILL at one step of a commit."""
    import whoosh.index

    if step == "segments written, table of contents not yet":
        whoosh.index.TOC.write = kill_self
    elif step == "table of contents written, old files not yet deleted":
        whoosh.index.clean_files = kill_self
    elif step == "committed, manifest not yet written":
        searchidx.index.indexer.write_manifest = kill_self
    elif step == "rebuild made live, old index not yet deleted":
        searchidx.index.store.remove_stray_indexes = kill_self  # as make_live calls it


@pytest.mark.parametrize(
    "step",
    [
        "segments written, table of contents not yet",
        "table of contents written, old files not yet deleted",
        "committed, manifest not yet written",
        "rebuild made live, old index not yet deleted",
    ],
)
def test_kill_9_inside_each_step_of_a_commit(make_corpus, index_dir, step):
    folder = make_corpus({f"n{n:03d}.txt": text(n) for n in range(FILES)})
    with Index.open_or_create(index_dir) as index:
        index.add_folder(folder)
    before = set(index_keys(index_dir))
    for n in range(FILES, FILES + 5):
        (folder / f"n{n:03d}.txt").write_text(text(n), encoding="utf-8")
    (folder / "n000.txt").unlink()
    rebuild = step.startswith("rebuild")
    pid = fork_indexer(index_dir, folder, rebuild=rebuild, before_run=lambda: sabotage(step))
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    keys = index_keys(index_dir)
    assert len(keys) == len(set(keys))
    assert set(keys) == (readable_keys(folder) if "not yet deleted" in step or "manifest" in step else before)
    with Index.open(index_dir) as index:
        index.add_folder(folder, wait=10)
    check_consistent(index_dir, folder)
    tables_of_contents = [p.name for p in index_dir.iterdir() if p.name.endswith(".toc")]
    assert len(tables_of_contents) == 1, "the next run swept away what the killed one left"
