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
