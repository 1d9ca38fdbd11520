"""What the index holds, file by file, kept beside it to check a folder fast.

For each indexed file the manifest records its key (absolute path), folder,
size, modification time and content hash. A file whose size and
modification time match its record is unchanged and is not read again; that
is what makes re-checking a folder of 20,000 articles take about a second.

The manifest is a cache, never the truth: the index is. It names the index
generation (Whoosh's commit counter) it describes, and a manifest that names
another one (say, a run was killed between the index's commit and the
manifest's write) is rebuilt from the index's stored fields. So a crash can
cost time, never correctness.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

MANIFEST_FILE = "manifest.json"
# A file modified this close to the moment it was checked may change again
# within the same clock tick without its size or time changing (the "racy
# git" problem); such files are hashed again on the next run.
RACY_NANOSECONDS = 2_000_000_000


@dataclass
class Entry:
    """One indexed file as it was when indexed."""

    root: str
    path: str  # relative to root
    size: int
    mtime_ns: int
    content_hash: str


@dataclass
class Manifest:
    index_name: str
    generation: int
    checked_ns: int  # when the run that wrote it started listing files
    entries: dict[str, Entry]  # by key

    def is_current(self, entry: Entry, size: int, mtime_ns: int) -> bool:
        """True if a file with this size and time needs no reading."""
        return (
            entry.size == size
            and entry.mtime_ns == mtime_ns
            and mtime_ns < self.checked_ns - RACY_NANOSECONDS
        )


def read_manifest(index_dir: Path, index_name: str, generation: int) -> Manifest | None:
    """The manifest, if it describes this index generation; else None."""
    try:
        data = json.loads((index_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
        if data["index_name"] != index_name or data["generation"] != generation:
            return None
        entries = {
            key: Entry(root, path, size, mtime_ns, content_hash)
            for key, (root, path, size, mtime_ns, content_hash) in data["entries"].items()
        }
        return Manifest(index_name, generation, data["checked_ns"], entries)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def manifest_from_index(ix, index_name: str) -> Manifest:
    """Rebuilds the manifest from the stored fields of every document.

    Stored times are float seconds, which do not round-trip to nanoseconds,
    so every file is hashed once on the next run; after that the written
    manifest makes runs fast again.
    """
    entries = {}
    with ix.searcher() as searcher:
        for fields in searcher.all_stored_fields():
            entries[fields["key"]] = Entry(
                root=fields["root"],
                path=fields["path"],
                size=fields.get("size", -1),
                mtime_ns=-1,
                content_hash=fields.get("content_hash", ""),
            )
    return Manifest(index_name, ix.latest_generation(), 0, entries)


def write_manifest(index_dir: Path, manifest: Manifest) -> None:
    """Writes the manifest atomically (temporary file, then rename)."""
    data = {
        "index_name": manifest.index_name,
        "generation": manifest.generation,
        "checked_ns": manifest.checked_ns,
        "entries": {
            key: [e.root, e.path, e.size, e.mtime_ns, e.content_hash] for key, e in manifest.entries.items()
        },
    }
    temporary = index_dir / (MANIFEST_FILE + ".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(temporary, index_dir / MANIFEST_FILE)
