"""Brings an index in step with corpus folders, cheaply and all at once.

A run lists the folders (stat only), compares each file with the manifest of
what the index holds (searchidx.index.manifest): a file of the same size and
modification time is unchanged and is not read; a file whose size or time
differ is read and hashed, and re-indexed only if its content changed.
A file of records (JSON Lines, JSON, CSV, TSV: searchidx.sources.records)
that changed is read here, and each of its records is compared with the one
indexed by its id and content hash: only new and changed records are
indexed, and records gone from the file are deleted. New
and changed files are read, analysed and added in worker processes
(searchidx.index.workers) when there are enough of them to pay for the processes;
files gone from the folder, or no longer readable, are deleted. A file that
vanished while one with the same content appeared is reported as renamed.

Everything a run changes is committed at once at the end, so a run killed at
any moment leaves the index as it was, and the next run does the work.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from searchidx.codec.whoosh_support import commit_with_segments
from searchidx.index.checksums import record_checksums
from searchidx.index.documents import document_key
from searchidx.index.manifest import Entry, Manifest, manifest_from_index, read_manifest, write_manifest
from searchidx.index.store import now_iso, read_meta, write_meta
from searchidx.index.workers import Job, Outcome, add_files_here, add_files_in_workers, writer_limit_mb
from searchidx.sources import format_of, size_limit
from searchidx.sources.folder import scan_folder
from searchidx.sources.records import FieldNames, read_record_file
from searchidx.sources.settings import folder_field_names
from searchidx.sources.text import DEFAULT_MAX_BYTES, FileNote, FoundFile, SkippedFile, UnreadableFile, read_bytes

ProgressCallback = Callable[[int, int], None]  # (files done, files in all)

# Below this many files to read, worker processes cost more than they save.
PARALLEL_MIN_FILES = 48


@dataclass
class IndexSummary:
    """What one indexing run did."""

    folders: list[str]
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (old path, new path)
    skipped: list[SkippedFile] = field(default_factory=list)
    # Files indexed with a remark: a date out of range (indexed as undated),
    # words too long to index.
    notes: list[FileNote] = field(default_factory=list)
    read: int = 0  # files read (new, changed, or touched and hashed)
    rebuilt: bool = False
    seconds: float = 0.0

    @property
    def indexed(self) -> int:
        return self.added + self.updated + len(self.renamed)

    @property
    def readable(self) -> int:
        """Files in the folders that are articles in the index after the run."""
        return self.indexed + self.unchanged


@dataclass
class Plan:
    """What a run has to do, found by listing the folders."""

    listed: int = 0
    jobs: list[Job] = field(default_factory=list)
    unchanged: int = 0  # documents
    touched: dict[str, Entry] = field(default_factory=dict)  # same content, new stat; files of records read
    deletions: set[str] = field(default_factory=set)  # keys to delete from the index
    gone: set[str] = field(default_factory=set)  # keys of article files no longer in the folders
    forget: set[str] = field(default_factory=set)  # files of records gone or unreadable: their entries go
    skipped: list[SkippedFile] = field(default_factory=list)
    notes: list[FileNote] = field(default_factory=list)  # records indexed with a problem
    files_read: int = 0  # files opened while planning (hashed, or files of records read)

    @property
    def record_jobs(self) -> int:
        return sum(1 for job in self.jobs if job.document is not None)


def current_manifest(ix) -> Manifest:
    index_dir = Path(ix.storage.folder)
    generation = ix.latest_generation()
    return read_manifest(index_dir, ix.indexname, generation) or manifest_from_index(ix, ix.indexname)


def plan_changes(
    roots: list[Path], manifest: Manifest, max_bytes: int, names: dict[Path, FieldNames] | None = None
) -> Plan:
    """Lists the folders and decides, per file, what must be done.

    Files whose size and time match the manifest are not opened. A file
    whose stat differs from its record is read and hashed here: if only its
    time changed (touched, copied back) it is not re-indexed. A file of
    records that changed is read here, and its records compared with the
    ones indexed (names: the field names in force, per folder).
    """
    plan = Plan()
    names = names or {}
    for root in roots:
        root_text = str(root)
        seen = set()
        for found in scan_folder(root, max_bytes):
            plan.listed += 1
            key = str(root / found.path) if isinstance(found, SkippedFile) else str(root / found.relative)
            if isinstance(found, SkippedFile):
                plan.skipped.append(found)
                if key in manifest.entries:
                    forget_file(plan, key, manifest.entries[key])
                continue
            seen.add(key)
            known = manifest.entries.get(key)
            form = format_of(found.relative)
            if form is not None and form.holds_records:
                plan_record_file(plan, root, found, known, names.get(root, FieldNames()), max_bytes, manifest)
                continue
            if known is not None and manifest.is_current(known, found.size, found.mtime_ns):
                plan.unchanged += 1
                continue
            if known is not None and same_content(found, known, max_bytes):
                plan.files_read += 1
                plan.unchanged += 1
                plan.touched[key] = Entry(root_text, found.relative, found.size, found.mtime_ns, known.content_hash)
                continue
            if known is not None:
                plan.deletions.add(key)
            plan.jobs.append(Job(key, root_text, found.relative))
        for key, entry in manifest.entries.items():
            if entry.root == root_text and key not in seen:
                if entry.records is not None:
                    forget_file(plan, key, entry)
                else:
                    plan.gone.add(key)
                    plan.deletions.add(key)
    return plan


def forget_file(plan: Plan, key: str, entry: Entry) -> None:
    """An indexed file is gone or unreadable: its documents are deleted."""
    if entry.records is None:
        plan.deletions.add(key)
        return
    plan.forget.add(key)
    plan.deletions.update(document_key(Path(entry.root), entry.path, record) for record in entry.records.records)


def report_known(plan: Plan, path: str, state) -> None:
    """The problems of an unchanged file of records, reported again as when it was read."""
    plan.skipped.extend(SkippedFile(path, reason) for _, reason in state.problems)
    plan.notes.extend(FileNote(path, reason) for _, reason in state.notes)


def plan_record_file(
    plan: Plan, root: Path, found: FoundFile, known: Entry | None, names: FieldNames, max_bytes: int, manifest: Manifest
) -> None:
    """Reads a changed file of records and plans its records: new and changed
    ones become jobs (a changed one's old version is deleted first), records
    gone from the file are deleted, unchanged ones left alone."""
    key = str(root / found.relative)
    state = known.records if known is not None else None
    settings = names.fingerprint()
    # The file as indexed, when its records were read with the same settings.
    same = known if known is not None and state is not None and state.settings == settings else None
    if same is not None and state is not None and manifest.is_current(same, found.size, found.mtime_ns):
        plan.unchanged += len(state.records)
        report_known(plan, found.relative, state)
        return
    try:
        raw, stat = read_bytes(found.path, size_limit(found.relative, max_bytes))
        plan.files_read += 1
        content_hash = hashlib.sha256(raw).hexdigest()
        if same is not None and state is not None and content_hash == same.content_hash:
            plan.unchanged += len(state.records)
            report_known(plan, found.relative, state)
            plan.touched[key] = Entry(str(root), found.relative, stat.st_size, stat.st_mtime_ns, content_hash, state)
            return
        read = read_record_file(
            raw, found.relative, names, max_bytes=max_bytes, mtime=stat.st_mtime, mtime_ns=stat.st_mtime_ns, known=state
        )
    except UnreadableFile as error:
        plan.skipped.append(SkippedFile(found.relative, str(error)))
        if known is not None:
            forget_file(plan, key, known)
        return
    before = state.records if state is not None else {}
    changed = set()
    for document in read.documents:
        assert document.record is not None  # a file of records' documents name their record
        previous = before.get(document.record)
        if previous == document.content_hash:
            continue
        record_key = document_key(root, found.relative, document.record)
        if previous is not None:
            plan.deletions.add(record_key)
        plan.jobs.append(Job(record_key, str(root), found.relative, document=document))
        changed.add(document.record)
    plan.unchanged += sum(1 for record in read.state.records if record not in changed)
    plan.deletions.update(
        document_key(root, found.relative, record) for record in before if record not in read.state.records
    )
    for problem in read.problems:
        if problem.indexed:
            plan.notes.append(FileNote(found.relative, problem.reason))
        else:
            plan.skipped.append(SkippedFile(found.relative, problem.reason))
    plan.touched[key] = Entry(str(root), found.relative, stat.st_size, stat.st_mtime_ns, content_hash, read.state)


def same_content(found: FoundFile, known: Entry, max_bytes: int) -> bool:
    try:
        raw, stat = read_bytes(found.path, max_bytes)
    except UnreadableFile:
        return False  # the job will read it again and report why
    return hashlib.sha256(raw).hexdigest() == known.content_hash and (stat.st_size, stat.st_mtime_ns) == (
        found.size,
        found.mtime_ns,
    )


def index_folders(
    ix,
    folders: list[Path],
    on_progress: ProgressCallback | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    processes: int | None = None,
    inherited_fds: tuple[int, ...] = (),
    fields: FieldNames = FieldNames(),
) -> IndexSummary:
    """Adds new files, re-indexes changed ones, removes deleted ones.

    A file that cannot be read is recorded in the summary and skipped; if it
    was indexed before, its old version is removed, as the folder no longer
    holds a readable article at that path. The caller holds the writer's
    lock (searchidx.index.lock). processes: worker processes for reading and
    analysis (default: one per core). fields: the field names of records
    (over each folder's searchidx.toml); raises SettingsFileError for a
    searchidx.toml that cannot be used, before anything is changed.
    """
    started = time.perf_counter()
    checked_ns = time.time_ns()
    roots = [Path(folder).resolve() for folder in folders]
    index_dir = Path(ix.storage.folder)
    summary = IndexSummary(folders=[str(folder) for folder in folders])
    names = {root: folder_field_names(root, fields) for root in roots}
    manifest = current_manifest(ix)
    plan = plan_changes(roots, manifest, max_bytes, names)
    summary.unchanged = plan.unchanged
    summary.skipped = list(plan.skipped)
    summary.notes = list(plan.notes)
    # Files opened: while planning (touched text files hashed, files of
    # records read) and by the jobs that read a file.
    summary.read = plan.files_read + len(plan.jobs) - plan.record_jobs
    # Progress in documents and files: a file of records counts once, and
    # then each of its records to index.
    total = plan.listed + plan.record_jobs
    done = total - len(plan.jobs)
    if on_progress:
        on_progress(done, total)

    outcomes: list[Outcome] = []

    def record(outcome: Outcome) -> None:
        nonlocal done
        outcomes.append(outcome)
        done += 1
        if on_progress:
            on_progress(done, total)

    if plan.jobs or plan.deletions:
        writer = ix.writer(limitmb=writer_limit_mb(1))
        try:
            # Deletions first, while the writer sees only the old segments:
            # the new versions land in new segments and are not touched.
            for key in sorted(plan.deletions):
                writer.delete_by_term("key", key)
            processes = processes or os.cpu_count() or 1
            if processes > 1 and len(plan.jobs) >= PARALLEL_MIN_FILES:
                fds = (*inherited_fds, *lock_fds(writer))
                segments = add_files_in_workers(ix, plan.jobs, record, processes, max_bytes, fds)
            else:
                processes = 1
                segments = add_files_here(ix, plan.jobs, record, max_bytes)
            # Segments beyond one a process were written as pools filled (a
            # large run): merged into one, so searches look up each word once.
            commit_with_segments(writer, segments, merge=len(segments) > processes)
        except BaseException:
            if not writer.is_closed:
                writer.cancel()
            raise

    entries = dict(manifest.entries)
    entries.update(plan.touched)
    for key in plan.deletions | plan.forget:
        entries.pop(key, None)
    tally(summary, plan, outcomes, manifest, entries)
    # The files of what was committed, read back for their checksums: a
    # file that cannot be read fails the run here, not a later search.
    record_checksums(index_dir, ix)
    write_manifest(index_dir, Manifest(ix.indexname, ix.latest_generation(), checked_ns, entries))
    meta = read_meta(index_dir)
    meta.updated = now_iso()
    write_meta(index_dir, meta)
    summary.seconds = time.perf_counter() - started
    return summary


def tally(
    summary: IndexSummary, plan: Plan, outcomes: list[Outcome], before: Manifest, entries: dict[str, Entry]
) -> None:
    """Counts the outcomes into the summary and records them in entries."""
    new_by_hash: dict[str, list[Outcome]] = {}
    # Indexed before, unreadable now: the old version was deleted.
    summary.removed = len(plan.deletions - plan.gone - {job.key for job in plan.jobs})
    for outcome in outcomes:
        if outcome.record:
            # A record: its file's entry was made when it was read (plan_record_file).
            if outcome.key in plan.deletions:
                summary.updated += 1
            else:
                summary.added += 1
            continue
        if outcome.skipped:
            summary.skipped.append(SkippedFile(outcome.path, outcome.skipped))
            summary.removed += outcome.key in before.entries
            continue
        summary.notes.extend(FileNote(outcome.path, note) for note in outcome.notes)
        entries[outcome.key] = Entry(outcome.root, outcome.path, outcome.size, outcome.mtime_ns, outcome.content_hash)
        if outcome.key in before.entries:
            summary.updated += 1
        else:
            new_by_hash.setdefault(outcome.content_hash, []).append(outcome)
    for key in sorted(plan.gone):
        candidates = new_by_hash.get(before.entries[key].content_hash)
        if candidates:
            summary.renamed.append((before.entries[key].path, candidates.pop(0).path))
        else:
            summary.removed += 1
    summary.added += sum(len(left) for left in new_by_hash.values())
    summary.skipped.sort(key=lambda skipped: skipped.path)
    summary.notes.sort(key=lambda note: note.path)


def lock_fds(writer) -> tuple[int, ...]:
    """The descriptor of Whoosh's write lock, which forked workers must close."""
    lock = getattr(writer, "writelock", None)
    fd = getattr(lock, "fd", None)
    return (fd,) if fd is not None else ()


def index_folder(ix, folder: Path, on_progress: ProgressCallback | None = None, **options) -> IndexSummary:
    """index_folders for one folder."""
    return index_folders(ix, [folder], on_progress, **options)
