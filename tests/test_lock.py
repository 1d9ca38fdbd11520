"""One writer at a time: a second writer waits, then says who holds the lock."""

import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from searchidx import Index
from searchidx.cli import app
from searchidx.index.lock import IndexLock, IndexLocked, read_holder

runner = CliRunner()
GOOD = " date 2022-05-01 Një artikull për Shkodrën."

# A process that takes the index's lock, says so, and sleeps until killed.
HOLDER = """
import sys, time
from pathlib import Path
from searchidx.index.lock import IndexLock
lock = IndexLock(Path(sys.argv[1]), wait=0, purpose="test holder")
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


@pytest.fixture
def holder(index_dir):
    """A separate process holding the lock; killed with SIGKILL at the end."""
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(index_dir)], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "locked"
    yield process
    process.kill()
    process.wait()


@pytest.mark.slow
def test_a_second_writer_waits_then_names_the_holder(make_corpus, index_dir, holder):
    folder = make_corpus({"a.txt": GOOD})
    started = time.monotonic()
    result = runner.invoke(app, ["index", str(folder), "--index", str(index_dir), "--wait", "0.5"])
    waited = time.monotonic() - started
    assert result.exit_code == 1
    assert f"process {holder.pid}" in result.stderr and "test holder" in result.stderr
    assert "--wait" in result.stderr
    assert 0.5 <= waited < 5


def test_a_writer_gets_the_lock_when_the_holder_finishes_within_the_wait(index_dir):
    lock = IndexLock(index_dir, wait=0)
    lock.acquire()
    # Release from a timer thread while the second writer is waiting.
    import threading

    threading.Timer(0.3, lock.release).start()
    with IndexLock(index_dir, wait=5) as second:
        assert read_holder(index_dir)["pid"] == os.getpid()
        assert second.fd is not None


@pytest.mark.slow
def test_no_stale_lock_survives_a_kill_9(make_corpus, index_dir, holder):
    assert read_holder(index_dir)["pid"] == holder.pid
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert read_holder(index_dir) is None
    folder = make_corpus({"a.txt": GOOD})
    with Index.open_or_create(index_dir, wait=0) as index:
        assert index.add_folder(folder, wait=0).added == 1


def test_searches_keep_working_while_a_writer_holds_the_lock(make_corpus, index_dir):
    folder = make_corpus({"a.txt": GOOD})
    with Index.open_or_create(index_dir) as index:
        index.add_folder(folder)
    with IndexLock(index_dir, wait=0):
        with Index.open(index_dir) as index:
            assert index.document_count() == 1
            assert index.stats().documents == 1
        with pytest.raises(IndexLocked):
            with Index.open(index_dir) as index:
                index.add_folder(folder, wait=0)
        with pytest.raises(IndexLocked):
            with Index.open(index_dir) as index:
                index.optimize(wait=0)


# --- Windows: no fcntl ------------------------------------------------------
# Run in a child whose `import fcntl` fails, as on Windows. With FAKE_MSVCRT,
# the child has an msvcrt whose `locking` is a byte-range lock between
# processes (POSIX lockf underneath), as Windows' LockFile is.
NO_FCNTL = """
import fcntl as _posix, os, sys, types
import asyncio, subprocess  # first: they take an importable msvcrt to mean Windows
sys.modules["fcntl"] = None
if sys.argv[1] == "fake-msvcrt":
    msvcrt = types.ModuleType("msvcrt")
    msvcrt.LK_UNLCK, msvcrt.LK_NBLCK = 0, 2

    def locking(fd, mode, nbytes):
        at = os.lseek(fd, 0, os.SEEK_CUR)
        if mode == msvcrt.LK_UNLCK:
            _posix.lockf(fd, _posix.LOCK_UN, nbytes, at)
            return
        reading = _posix.fcntl(fd, _posix.F_GETFL) & os.O_ACCMODE == os.O_RDONLY
        try:
            _posix.lockf(fd, (_posix.LOCK_SH if reading else _posix.LOCK_EX) | _posix.LOCK_NB, nbytes, at)
        except BlockingIOError:
            raise OSError(36, "Resource deadlock avoided") from None

    msvcrt.locking = locking
    sys.modules["msvcrt"] = msvcrt
else:
    sys.modules["msvcrt"] = None
"""


def run_without_fcntl(script: str, *args: str, msvcrt: bool) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", NO_FCNTL + script, "fake-msvcrt" if msvcrt else "none", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_fcntl_or_msvcrt_searchidx_searches_and_says_it_cannot_write(make_corpus, index_dir):
    with Index.open_or_create(index_dir) as index:
        index.add_folder(make_corpus({"a.txt": GOOD}))
    script = """
import searchidx
from searchidx import Index, SearchidxError
with Index.open(sys.argv[2]) as index:
    print("hits", index.search("Shkodrën").total)
try:
    Index.open_or_create(sys.argv[2]).add_folder(sys.argv[2])
except SearchidxError as error:
    print("error", error)
"""
    done = run_without_fcntl(script, str(index_dir), msvcrt=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "hits 1",
        "error writing an index needs file locks (fcntl or msvcrt), which this system lacks; searching works",
    ]


def test_with_msvcrt_a_second_writer_waits_and_names_the_holder(index_dir, tmp_path):
    holder_script = """
from pathlib import Path
from searchidx.index.lock import IndexLock
lock = IndexLock(Path(sys.argv[2]), wait=0, purpose="windows holder")
lock.acquire()
print("locked", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
sys.stdin.readline()
"""
    waiter_script = """
from pathlib import Path
from searchidx.index.lock import IndexLock, IndexLocked, read_holder
print("holder", (read_holder(Path(sys.argv[2])) or {}).get("command"))
try:
    IndexLock(Path(sys.argv[2]), wait=0.2).acquire()
    print("acquired")
except IndexLocked as error:
    print("locked", error)
"""
    holder = subprocess.Popen(
        [sys.executable, "-c", NO_FCNTL + holder_script, "fake-msvcrt", str(index_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        waiting = run_without_fcntl(waiter_script, str(index_dir), msvcrt=True)
        assert waiting.returncode == 0, waiting.stderr
        first, second = waiting.stdout.splitlines()
        assert first == "holder windows holder"
        assert second.startswith("locked ") and f"process {holder.pid}" in second
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"
        free = run_without_fcntl(waiter_script, str(index_dir), msvcrt=True)
        assert free.stdout.splitlines() == ["holder None", "acquired"], free.stderr
    finally:
        holder.kill()
        holder.wait()
