"""What an index holds and how it is laid out: `searchidx stats` and `optimize`."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from whoosh.util.times import long_to_datetime

from analyzers import ANALYZER_VERSION
from searchidx.codec.whoosh_support import index_segments
from searchidx.index.checksums import record_checksums
from searchidx.index.column_cache import CACHE_FILE_PREFIX
from searchidx.index.doctable import column_values
from searchidx.index.entities import find_signatures
from searchidx.index.manifest import Manifest, read_manifest, write_manifest
from searchidx.index.schema import SCHEMA_VERSION
from searchidx.index.store import now_iso, read_meta, write_meta


@dataclass
class IndexStats:
    path: str
    documents: int
    deleted: int  # deleted documents still taking room until segments merge
    # The earliest and latest dated articles' dates, each in its own precision
    # ("2019-03", never "2019-03-01" for a month-only date).
    first_date: str | None
    last_date: str | None
    undated: int
    size_bytes: int
    segments: list[int]  # documents per segment (deleted ones included)
    folders: dict[str, int]  # documents per indexed folder
    schema_version: int
    analyzer_version: str
    needs_rebuild: str | None  # why, if this program cannot update the index
    created: str
    updated: str
    # names found as boilerplate of a folder (searchidx.index.entities.find_signatures):
    # [{"folder", "type", "name", "articles", "folder_articles"}]
    signatures: list[dict] = field(default_factory=list)
    program_schema_version: int = SCHEMA_VERSION
    program_analyzer_version: str = ANALYZER_VERSION
    # which build of the entity extractor this program runs: {"compiled",
    # "reason" ("compiled", or why pure Python: "asked", "not built",
    # "stale"), "detail"}; the first question about indexing speed
    program_entity_extraction: dict = field(default_factory=lambda: entity_extraction_build())


def entity_extraction_build() -> dict:
    """Imports the package's choice of build only (not the extractor)."""
    from analyzers.entities import extraction_build

    return asdict(extraction_build())


def index_stats(ix, index_dir: Path) -> IndexStats:
    meta = read_meta(index_dir)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        documents = reader.doc_count()
        dates = article_dates(reader)
        first_date, last_date = (
            (date_text(reader, min(dates)[1]), date_text(reader, max(dates)[1])) if dates else (None, None)
        )
        folders = {}
        for root in reader.lexicon("root"):
            root_text = root.decode("utf-8") if isinstance(root, bytes) else root
            live = [d for d in reader.postings("root", root_text).all_ids() if not reader.is_deleted(d)]
            if live:
                folders[root_text] = len(live)
        signatures = [s.as_dict() for s in find_signatures(reader).found]
    segments = index_segments(ix)
    return IndexStats(
        path=str(index_dir),
        documents=documents,
        deleted=sum(segment.deleted_count() for segment in segments),
        first_date=first_date,
        last_date=last_date,
        undated=documents - len(dates),
        size_bytes=index_size(index_dir, ix.indexname),
        segments=[segment.doc_count_all() for segment in segments],
        folders=folders,
        schema_version=meta.schema_version,
        analyzer_version=meta.analyzer_version,
        needs_rebuild=meta.mismatch(),
        created=meta.created,
        updated=meta.updated,
        signatures=signatures,
    )


def article_dates(reader) -> list[tuple[datetime, int]]:
    """(start of its date, docnum) of every live dated article, from the date
    column (fast: no stored fields are unpickled)."""
    # Raw column values: translating an undated document's "missing" marker
    # (the largest 64-bit value) to a datetime overflows.
    column = column_values(reader, "date")
    missing = 2**64 - 1
    return [
        (long_to_datetime(value), docnum)
        for docnum, value in enumerate(column)
        if value not in (None, missing) and not reader.is_deleted(docnum)
    ]


def date_text(reader, docnum: int) -> str:
    """An article's date as the file gave it: "2023", "2023-10" or "2023-10-17"."""
    return reader.stored_fields(docnum)["date_text"]


def index_size(index_dir: Path, index_name: str) -> int:
    """Bytes on disk of the live index's files and searchidx's own records
    (its manifest, its metadata, the column cache)."""
    total = 0
    for entry in os.scandir(index_dir):
        if entry.is_file(follow_symlinks=False) and (
            entry.name.startswith((index_name + "_", f"_{index_name}_", CACHE_FILE_PREFIX))
            or entry.name.endswith(".json")
        ):
            total += entry.stat().st_size
    return total


def optimize_index(ix) -> None:
    """Merges every segment into one (dropping deleted documents); the caller
    holds the writer's lock. The manifest follows the new generation."""
    index_dir = Path(ix.storage.folder)
    before = read_manifest(index_dir, ix.indexname, ix.latest_generation())
    writer = ix.writer()
    writer.commit(optimize=True)
    record_checksums(index_dir, ix)
    if before is not None:
        write_manifest(index_dir, Manifest(ix.indexname, ix.latest_generation(), before.checked_ns, before.entries))
    meta = read_meta(index_dir)
    meta.updated = now_iso()
    write_meta(index_dir, meta)
