"""`searchidx check`: read every file of an index and say what is damaged.

Opening an index checks only what is cheap (sizes, and the checksums of
files whose time changed). A check reads everything: searchidx.json, every
file's checksum, the table of contents, every posting list, stored field
and column of every segment (a length column of zeros is damage even where
no checksum says so: its field has words), and searchidx's caches (the
manifest, the column cache), each named in one line. Nothing is repaired:
`searchidx index --rebuild` replaces a damaged index, and a damaged cache is
rebuilt by the next `searchidx index` (or search) on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from searchidx.codec.whoosh_support import index_segments
from searchidx.errors import IndexNotFound
from searchidx.index.checksums import load_record, toc_file, verify_files
from searchidx.index.column_cache import CACHE_FILE_PREFIX, CACHE_FILE_SUFFIX, ColumnCache
from searchidx.index.manifest import manifest_problem
from searchidx.index.store import (
    _open_named,
    check_trust,
    describe,
    index_exists,
    latest_generation,
    meta_problem,
    missing_index_problem,
    read_meta,
)


@dataclass
class CheckReport:
    path: str
    damage: list[str] = field(default_factory=list)  # the index: rebuild it
    caches: list[str] = field(default_factory=list)  # rebuilt on their own
    documents: int = 0
    segments: int = 0
    postings: int = 0
    files: int = 0

    @property
    def sound(self) -> bool:
        return not self.damage and not self.caches


def check_index(index_dir: Path, trust: bool | None = None) -> CheckReport:
    """Reads the whole index at index_dir; raises IndexNotFound or IndexUntrusted."""
    index_dir = Path(index_dir)
    report = CheckReport(str(index_dir))
    if not index_exists(index_dir):
        raise IndexNotFound(f"no index at {index_dir}; build one with `searchidx index FOLDER`")
    if problem := meta_problem(index_dir):
        report.damage.append(problem)
        return report
    check_trust(index_dir, trust)
    name = read_meta(index_dir).index_name
    generation = latest_generation(index_dir, name)
    if generation < 0:
        report.damage.append(missing_index_problem(index_dir, name) or f"no table of contents for index {name}")
        return report
    record, record_problem = load_record(index_dir)
    if record_problem:
        report.caches.append(record_problem)
    elif record is not None:
        report.files = len(record["files"])
    report.damage += verify_files(index_dir, name, generation, full=True)
    try:
        ix = _open_named(index_dir, name)
    except Exception as error:  # noqa: BLE001 - IndexDamaged, named
        report.damage.append(getattr(error, "damage", None) or f"{toc_file(name, generation)}: {describe(error)}")
        return report
    try:
        read_segments(ix, report)
    finally:
        ix.close()
    if problem := manifest_problem(index_dir):
        report.caches.append(problem)
    for path in sorted(index_dir.glob(f"{CACHE_FILE_PREFIX}*{CACHE_FILE_SUFFIX}")):
        if problem := ColumnCache(index_dir, ()).problem(path):
            report.caches.append(problem)
    return report


def read_segments(ix, report: CheckReport) -> None:
    """Reads every posting, stored field and column of every segment."""
    schema = ix.schema
    for segment in index_segments(ix):
        report.segments += 1
        label = f"segment {segment.segment_id()}"
        try:
            from whoosh.reading import SegmentReader

            reader = SegmentReader(ix.storage, schema, segment)
        except Exception as error:  # noqa: BLE001
            report.damage.append(f"{label} cannot be opened: {describe(error)}")
            continue
        try:
            report.documents += reader.doc_count()
            # Each read runs in this iteration, on this segment's reader (B023).
            for what, read in (
                ("posting lists", lambda: _read_postings(reader, report)),  # noqa: B023
                ("stored fields", lambda: _read_stored(reader)),  # noqa: B023
                ("columns", lambda: _read_columns(reader, schema, label, report)),  # noqa: B023
            ):
                try:
                    read()
                except Exception as error:  # noqa: BLE001 - any failure to read is damage
                    report.damage.append(f"{label}: its {what} cannot be read ({describe(error)})")
        finally:
            reader.close()


def _read_postings(reader, report: CheckReport) -> None:
    """Every posting of every term: as whole arrays where the segment's codec
    gives them (searchidx.codec), else posting by posting through Whoosh
    (far slower: docs/performance.md)."""
    terms = reader.codec().terms_reader(reader.storage(), reader.segment())
    try:
        if not hasattr(terms, "field_posting_lists"):
            for fieldname in reader.indexed_field_names():
                for text in reader.lexicon(fieldname):
                    matcher = reader.postings(fieldname, text)
                    while matcher.is_active():
                        matcher.value()
                        report.postings += 1
                        matcher.next()
            return
        documents = reader.doc_count_all()
        for fieldname in reader.indexed_field_names():
            for text, postings in terms.field_posting_lists(fieldname):
                docs = postings.docs()
                if len(docs) and (
                    docs[0] < 0 or docs[-1] >= documents or (len(docs) > 1 and (np.diff(docs) <= 0).any())
                ):
                    raise ValueError(f"the postings of {fieldname}:{text[:40]!r} name documents out of order or range")
                postings.weights()
                postings.counts()
                if postings.has_positions:
                    postings.positions()
                report.postings += len(docs)
    finally:
        terms.close()


def _read_stored(reader) -> None:
    for docnum in range(reader.doc_count_all()):
        reader.stored_fields(docnum)


def _read_columns(reader, schema, label: str, report: CheckReport) -> None:
    for fieldname in schema.names():
        if reader.has_column(fieldname):
            list(reader.column_reader(fieldname, translate=False))
    documents = range(reader.doc_count_all())
    for fieldname in schema.scorable_names():
        total = reader.field_length(fieldname)
        if total and not any(reader.doc_field_length(d, fieldname, 0) for d in documents):
            # Every document of a field with words reads as empty: the
            # length column was zeroed (it silently changes every ranking).
            report.damage.append(f"{label}: the lengths of field {fieldname} read as zero")
