"""Brings an index in step with a corpus folder."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from searchidx.corpus import (
    Document,
    SkippedFile,
    UnreadableFile,
    iter_article_paths,
    read_document,
    relative_path,
)
from searchidx.entities import entity_fields
from searchidx.store import read_meta, now_iso, write_meta

ProgressCallback = Callable[[int, int], None]  # (files done, files in all)


@dataclass
class IndexSummary:
    """What one indexing run did."""

    folder: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def indexed(self) -> int:
        return self.added + self.updated


def document_fields(document: Document, root: Path) -> dict:
    """The index fields of one document (see searchidx.schema)."""
    fields = {
        "key": str(root / document.path),
        "path": document.path,
        "root": str(root),
        "title": document.title,
        "body": document.body,
        "content_hash": document.content_hash,
        "size": document.size,
        "mtime": document.mtime,
    }
    if document.date is not None:
        fields["date"] = document.date.start
        fields["date_text"] = str(document.date)
        fields["date_precision"] = document.date.precision
        fields["year"] = f"{document.date.year:04d}"
        if document.date.month is not None:
            fields["month"] = f"{document.date.year:04d}-{document.date.month:02d}"
    for name, values in entity_fields(document.body).items():
        if values:
            fields[name] = ",".join(value.replace(",", " ") for value in values)
    return fields


def index_folder(ix, folder: Path, on_progress: ProgressCallback | None = None) -> IndexSummary:
    """Adds new files, re-indexes changed ones and removes deleted ones.

    A file that cannot be read is recorded in the summary and skipped; if it
    was indexed before, its old version is removed, as the folder no longer
    holds a readable article at that path.
    """
    started = time.perf_counter()
    root = folder.resolve()
    summary = IndexSummary(folder=str(folder))
    with ix.searcher() as searcher:
        known = {
            fields["key"]: fields.get("content_hash")
            for fields in searcher.documents(root=str(root))
        }
    paths = list(iter_article_paths(root))
    seen: set[str] = set()
    writer = ix.writer(limitmb=256)
    try:
        for done, path in enumerate(paths, 1):
            key = str(root / relative_path(path, root))
            try:
                document = read_document(path, root)
            except UnreadableFile as error:
                summary.skipped.append(SkippedFile(relative_path(path, root), str(error)))
            else:
                seen.add(key)
                if key not in known:
                    writer.add_document(**document_fields(document, root))
                    summary.added += 1
                elif known[key] != document.content_hash:
                    writer.update_document(**document_fields(document, root))
                    summary.updated += 1
                else:
                    summary.unchanged += 1
            if on_progress:
                on_progress(done, len(paths))
        for key in known.keys() - seen:
            writer.delete_by_term("key", key)
            summary.removed += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    index_dir = Path(ix.storage.folder)
    meta = read_meta(index_dir)
    meta.updated = now_iso()
    write_meta(index_dir, meta)
    summary.seconds = time.perf_counter() - started
    return summary
