"""Indexing on every core: worker processes that each write their own segments.

Whoosh is pure Python, so one process indexes on one core, and nearly all of
its time goes into work that is independent per document: reading the file,
the Albanian analysis, entity extraction, building postings. So each worker
process reads, analyses and adds its share of the files to segment writers
of its own (unlocked: the parent holds the index's locks; a new segment
whenever a writer's posting pool fills, SegmentsWriter) and, at the end,
hands back its finished segments. The parent does the deletions and commits
one table of contents naming the old segments and the workers' new ones, so
a run's additions and deletions land together or not at all.

This is Whoosh's own MpWriter "multisegment" design with two of its faults
removed: the parent does not read and pickle every document for the workers
(they read the files themselves, so entity extraction runs in them too), and
results are awaited for as long as the workers live, never dropped after a
one-second timeout.

Workers die with their parent. Killed with `kill -9`, the parent cannot
stop them, and they used to carry on for seconds, write a segment into the
index folder and then wait forever (all their jobs had been queued up front,
so the check for a dead parent between jobs never ran). Now, on Linux, the
kernel kills a worker the moment its parent dies (PR_SET_PDEATHSIG); and
everywhere, the parent hands out batches a few at a time, so a worker waits
for work often and, waiting, notices that its parent is gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import queue
import signal
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from searchidx.codec import open_index
from searchidx.codec.whoosh_support import finish_segment
from searchidx.index import documents
from searchidx.sources.text import DEFAULT_MAX_BYTES, Document, UnreadableFile

# Files per message to a worker: big enough that queue traffic is noise,
# small enough that the two workers finish close together.
BATCH_FILES = 16
# Memory for the posting pools of one run (searchidx.codec.pool's estimate,
# ~40 bytes a posting, ~260 postings an article), shared by its writers: the
# one writer of a run in one process, or each of n workers a 1/n share. A
# writer whose pool fills writes its segment and starts another (~35,000
# articles a segment in one process), so that a run's processes stay within
# 1 GB together whatever the corpus; the run then merges its segments into
# one, a term at a time.
WRITER_MEMORY_MB = 384
POLL_SECONDS = 0.5
# Batches given to a worker ahead of the one it works on: enough that it
# never waits for the parent, few enough that it soon waits for work (and
# then checks that its parent lives).
BATCHES_AHEAD = 2
# Linux prctl(2) option: the signal a process gets when its parent dies.
PR_SET_PDEATHSIG = 1
# Allocations between two young collections of Python's cyclic garbage
# collector while indexing (Python's default: 700); see indexing_gc.
GC_YOUNG_THRESHOLD = 50_000


def writer_limit_mb(writers: int) -> int:
    """One writer's share of WRITER_MEMORY_MB."""
    return max(64, WRITER_MEMORY_MB // max(1, writers))


class SegmentsWriter:
    """Adds documents to new segments, each as large as a writer's posting
    pool allows: a writer that fills writes its segment and another starts.
    (Unlocked: the caller holds the index's locks, and commits the segments.)"""

    def __init__(self, ix, limit_mb: int):
        self.ix = ix
        self.limit_mb = limit_mb
        self.segments: list = []
        self.writer = ix.writer(_lk=False, limitmb=limit_mb)

    def add(self, job: Job, max_bytes: int = DEFAULT_MAX_BYTES) -> Outcome:
        outcome = add_file(self.writer, job, max_bytes)
        full = getattr(self.writer.pool, "full", None)
        if full is not None and full():
            self._write_segment()
            self.writer = self.ix.writer(_lk=False, limitmb=self.limit_mb)
        return outcome

    def finish(self) -> list:
        """The segments written, in the order their documents were added."""
        self._write_segment()
        self.writer = None
        return self.segments

    def _write_segment(self) -> None:
        segment = finish_segment(self.writer)
        if segment is not None:
            self.segments.append(segment)


def add_files_here(
    ix, jobs: list[Job], on_outcome: Callable[[Outcome], None], max_bytes: int = DEFAULT_MAX_BYTES
) -> list:
    """Adds the files in this process; returns their segments."""
    with indexing_gc(ix):
        adder = SegmentsWriter(ix, writer_limit_mb(1))
        for job in jobs:
            on_outcome(adder.add(job, max_bytes))
        return adder.finish()


@dataclass(frozen=True)
class Job:
    """One file to read and add, or one record of a file of records, read already."""

    key: str
    root: str
    path: str  # relative to root
    # A record: the parent read its file to compare the records with the
    # index's (searchidx.index.indexer), and hands the changed ones over read.
    document: Document | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of a Job: indexed (with what was read), or skipped."""

    key: str
    root: str
    path: str
    content_hash: str = ""
    size: int = 0
    mtime_ns: int = 0
    skipped: str | None = None
    record: bool = False  # a record of a file of records
    notes: tuple[str, ...] = ()  # indexed, with these remarks (corpus.Document.notes)


def add_file(writer, job: Job, max_bytes: int = DEFAULT_MAX_BYTES) -> Outcome:
    """Reads one file and adds it to writer; a bad file becomes a skipped Outcome."""
    from searchidx.sources import read_article_file

    root = Path(job.root)
    if job.document is not None:
        writer.add_document(**documents.document_fields(job.document, root))
        return Outcome(job.key, job.root, job.path, job.document.content_hash, record=True, notes=job.document.notes)
    try:
        document = read_article_file(root / job.path, root, max_bytes)
    except UnreadableFile as error:
        return Outcome(job.key, job.root, job.path, skipped=str(error))
    writer.add_document(**documents.document_fields(document, root))
    return Outcome(
        job.key, job.root, job.path, document.content_hash, document.size, document.mtime_ns, notes=document.notes
    )


def add_files_in_workers(
    ix,
    jobs: list[Job],
    on_outcome: Callable[[Outcome], None],
    processes: int,
    max_bytes: int = DEFAULT_MAX_BYTES,
    inherited_fds: Iterable[int] = (),
) -> list:
    """Adds the files in `processes` worker processes; returns their segments.

    inherited_fds are lock descriptors the workers must close: a forked child
    shares its parent's flock, and must not keep the index locked should the
    parent die.
    """
    context = multiprocessing.get_context("fork")
    # Batch k goes to worker k mod n, and the segments are committed in worker
    # order: the same files give the same document numbers in every run.
    # Articles that score the same are listed in document-number order, so
    # with one shared queue a rebuild could reorder them (and move `searchidx
    # eval`'s numbers between rebuilds of one corpus). Batches of
    # similar articles dealt in turn keep the workers about equally busy.
    job_queues = [context.Queue() for _ in range(processes)]
    result_queue = context.Queue()
    # Each worker's batches in order, then None (no more); handed out a few
    # at a time (see the module docstring).
    pending: list[list] = [[] for _ in range(processes)]
    for number, start in enumerate(range(0, len(jobs), BATCH_FILES)):
        pending[number % processes].append(jobs[start : start + BATCH_FILES])
    for batches in pending:
        batches.append(None)
        batches.reverse()  # popped from the end

    def hand_out(number: int, count: int = 1) -> None:
        for _ in range(count):
            if pending[number]:
                job_queues[number].put(pending[number].pop())

    for number in range(processes):
        hand_out(number, 1 + BATCHES_AHEAD)
    workers = [
        context.Process(
            target=worker_main,
            args=(
                ix.storage.folder,
                ix.indexname,
                job_queue,
                result_queue,
                max_bytes,
                list(inherited_fds),
                os.getpid(),
                writer_limit_mb(processes),
                number,
            ),
            daemon=True,
        )
        for number, job_queue in enumerate(job_queues)
    ]
    with indexing_gc(ix):  # the workers are forked with the tables loaded and the collector so set
        for worker in workers:
            worker.start()
    segments: list = [None] * len(workers)  # each worker's, in order
    finished = 0
    try:
        while finished < len(workers):
            try:
                kind, payload = result_queue.get(timeout=POLL_SECONDS)
            except queue.Empty:
                dead = [w for w in workers if w.exitcode not in (None, 0)]
                if dead:
                    raise RuntimeError(f"an indexing worker died (exit code {dead[0].exitcode})") from None
                continue
            if kind == "outcomes":
                number, outcomes = payload
                hand_out(number)
                for outcome in outcomes:
                    on_outcome(outcome)
            elif kind == "segments":
                finished += 1
                number, written = payload
                segments[number] = written
            else:  # "error"
                raise RuntimeError(f"an indexing worker failed:\n{payload}")
        for worker in workers:
            worker.join()
    except BaseException:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
        for worker in workers:
            worker.join()
        raise
    return [segment for written in segments if written for segment in written]


def warm_up(ix) -> None:
    """Loads the analyzer's and entity extractor's tables in the parent, once,
    so that forked workers share them instead of each loading its own."""
    from searchidx.index.entities import entity_fields

    for name in ("title", "body"):
        analyzer = ix.schema[name].analyzer
        list(analyzer("Presidenti Vladimir Putin arriti në Pekin më 17 tetor."))
    entity_fields("Presidenti Vladimir Putin arriti në Pekin më 17 tetor.")


@contextmanager
def indexing_gc(ix=None) -> Iterator[None]:
    """Python's cyclic garbage collector set for indexing, for the duration,
    with the tables of `ix`'s analyzers and of the entity extractor loaded
    (warm_up) on entry.

    Those tables live as long as the process, yet every collection walked
    them, and in a forked worker each walk wrote to their object headers,
    copying the pages it shares with its parent. They are loaded with the
    collector paused and frozen (gc.freeze) before it resumes, so that no
    collection ever walks them, not even the one their loading made due
    (a young collection that visits every entry of their sets). And indexing
    allocates container objects by the million (tokens, mentions, a
    document's fields) of which hardly any form a cycle: a young collection
    every GC_YOUNG_THRESHOLD allocations instead of every 700 finds the same
    garbage at a fraction of the passes. Both are undone after (an API user's
    process goes on), and a forked worker inherits them."""
    thresholds = gc.get_threshold()
    enabled = gc.isenabled()
    gc.disable()
    try:
        if ix is not None:
            warm_up(ix)
        gc.freeze()
    finally:
        if enabled:
            gc.enable()
    gc.set_threshold(thresholds[0] and max(GC_YOUNG_THRESHOLD, thresholds[0]), *thresholds[1:])  # 0: it stays off
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def die_with_parent(parent_pid: int) -> None:
    """Asks the kernel to kill this process when its parent dies (Linux);
    elsewhere the worker's loop checks its parent between batches."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl: the loop's check remains
    if os.getppid() != parent_pid:
        os._exit(1)  # the parent died before the request was made


def worker_main(
    index_folder, index_name, job_queue, result_queue, max_bytes, inherited_fds, parent_pid, limit_mb, number
) -> None:
    die_with_parent(parent_pid)
    for fd in inherited_fds:
        try:
            os.close(fd)  # closing (not unlocking) leaves the parent's lock held
        except OSError:
            pass
    try:
        adder = SegmentsWriter(open_index(index_folder, index_name), limit_mb)
        while True:
            try:
                batch = job_queue.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if os.getppid() != parent_pid:
                    return  # orphaned: the parent was killed; leave no process behind
                continue
            if batch is None:
                break
            if os.getppid() != parent_pid:
                return  # orphaned between batches
            result_queue.put(("outcomes", (number, [adder.add(job, max_bytes) for job in batch])))
        result_queue.put(("segments", (number, adder.finish())))
    except BaseException:
        result_queue.put(("error", traceback.format_exc()))
        raise
