"""Watch mode through real file events: a real `searchidx index --watch` process."""

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from searchidx import Index
from searchidx.index.lock import read_holder

# Slow (real file events, waited for): `pytest -m "not slow"` leaves these out.
pytestmark = pytest.mark.slow

GOOD = " date 2022-05-01 Një artikull për Shkodrën."
# A new file is searchable soon after it is written: the watcher reacts to
# the file event, not to a slow periodic rescan. The bound is loose on
# purpose (a shared CI machine at load 10+ stretches every step); how soon
# it is on a quiet machine (about a second, docs/indexing.md) is not asserted here.
LATENCY_SECONDS = 10.0
# How long a step may take before the test calls it stuck.
STUCK_SECONDS = 60


def keys(index_dir) -> set[str]:
    with Index.open(index_dir) as index, index._ix.searcher() as searcher:
        return {fields["key"] for fields in searcher.all_stored_fields()}


def wait_until(condition, timeout: float) -> float:
    """Seconds until condition() held; fails after timeout."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(0.05)
    pytest.fail(f"not within {timeout} s")


@pytest.fixture
def watcher(make_corpus, index_dir):
    folder = make_corpus({"a.txt": GOOD})
    process = subprocess.Popen(
        [sys.executable, "-m", "searchidx", "index", str(folder), "--index", str(index_dir), "--watch", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # Ctrl-C as a terminal delivers it: a test run started in the
        # background (`.ci/run &`) ignores SIGINT, and children inherit that.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    lines: list[dict] = []

    def read_lines():
        for line in process.stdout:
            lines.append(json.loads(line))

    reader = threading.Thread(target=read_lines, daemon=True)
    reader.start()
    wait_until(lambda: lines, STUCK_SECONDS)  # the first pass is done and the folder watched
    yield folder, process, lines
    if process.poll() is None:
        process.kill()
    process.wait()


def test_files_appearing_changing_and_going_are_followed(watcher, index_dir):
    folder, process, lines = watcher
    assert lines[0]["added"] == 1
    new = folder / "ri.txt"
    new.write_text(GOOD + " I ri.", encoding="utf-8")
    latency = wait_until(lambda: str(new.resolve()) in keys(index_dir), STUCK_SECONDS)
    assert latency < LATENCY_SECONDS
    (folder / "a.txt").unlink()
    wait_until(lambda: keys(index_dir) == {str(new.resolve())}, STUCK_SECONDS)
    (folder / "sub").mkdir()
    (folder / "sub" / "b.txt").write_text(GOOD, encoding="utf-8")
    new.rename(folder / "sub" / "moved.txt")
    wait_until(
        lambda: keys(index_dir) == {str((folder / "sub" / n).resolve()) for n in ("b.txt", "moved.txt")}, STUCK_SECONDS
    )
    # The summary line is printed just after the commit the keys came from.
    wait_until(lambda: any(line["renamed"] for line in lines), STUCK_SECONDS)


def test_a_burst_of_files_becomes_one_commit(watcher, index_dir):
    folder, process, lines = watcher
    for n in range(30):
        (folder / f"burst{n:02d}.txt").write_text(f"{GOOD} Numri {n}.", encoding="utf-8")
    wait_until(lambda: len(keys(index_dir)) == 31, STUCK_SECONDS)
    time.sleep(0.5)
    added = [line["added"] for line in lines[1:] if line["added"]]
    assert sum(added) == 30 and len(added) <= 2  # one burst, or two if it straddled a check


def test_ctrl_c_ends_watching_cleanly_and_frees_the_lock(watcher, index_dir):
    folder, process, lines = watcher
    assert read_holder(index_dir)["pid"] == process.pid
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=STUCK_SECONDS) == 0
    assert "Traceback" not in process.stderr.read()
    assert read_holder(index_dir) is None
    assert len(keys(index_dir)) == 1


def test_lines_appended_to_a_json_lines_file_are_followed(watcher, index_dir):
    folder, process, lines = watcher
    feed = folder / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "title": "Lajmi i parë", "text": "Teksti i parë."}) + "\n", encoding="utf-8")
    wait_until(lambda: f"{feed.resolve()}#a" in keys(index_dir), STUCK_SECONDS)
    with open(feed, "a", encoding="utf-8") as out:
        out.write(json.dumps({"id": "b", "title": "Lajmi i dytë", "text": "Teksti i dytë."}) + "\n")
    latency = wait_until(lambda: f"{feed.resolve()}#b" in keys(index_dir), STUCK_SECONDS)
    assert latency < LATENCY_SECONDS
    wait_until(lambda: any(line["added"] == 1 and line["unchanged"] == 2 for line in lines), STUCK_SECONDS)
