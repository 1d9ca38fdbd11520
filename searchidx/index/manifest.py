"""What the index holds, file by file, kept beside it to check a folder fast.

For each indexed file the manifest records its key (absolute path), folder,
size, modification time and content hash; for a file of records
(searchidx.sources.records), also each record's id and content hash, so a
changed file's records are compared one by one and only the changed ones
re-indexed. A file whose size and
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
from dataclasses import asdict, dataclass
from pathlib import Path

from searchidx.index.checksums import seal, unseal, write_json_atomically
from searchidx.sources.records import RecordsState

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
    records: RecordsState | None = None  # a file of records: what it held


@dataclass
class Manifest:
    index_name: str
    generation: int
    checked_ns: int  # when the run that wrote it started listing files
    entries: dict[str, Entry]  # by key

    def is_current(self, entry: Entry, size: int, mtime_ns: int) -> bool:
        """True if a file with this size and time needs no reading."""
        return entry.size == size and entry.mtime_ns == mtime_ns and mtime_ns < self.checked_ns - RACY_NANOSECONDS


def read_manifest(index_dir: Path, index_name: str, generation: int) -> Manifest | None:
    """The manifest, if it describes this index generation; else None."""
    try:
        data = unseal(json.loads((index_dir / MANIFEST_FILE).read_text(encoding="utf-8")))
        if data["index_name"] != index_name or data["generation"] != generation:
            return None
        entries = {key: _entry(*values) for key, values in data["entries"].items()}
        return Manifest(index_name, generation, data["checked_ns"], entries)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _entry(root, path, size, mtime_ns, content_hash, records=None) -> Entry:
    if records is not None:
        records = RecordsState(
            **{**records, **{name: [tuple(p) for p in records.get(name, [])] for name in ("problems", "notes")}}
        )
    return Entry(root, path, size, mtime_ns, content_hash, records)


def manifest_from_index(ix, index_name: str) -> Manifest:
    """Rebuilds the manifest from the stored fields of every document.

    Stored times are float seconds, which do not round-trip to nanoseconds,
    so every file is hashed once on the next run; after that the written
    manifest makes runs fast again. A file of records is read again then,
    but its records are compared with the index's by their stored hashes,
    and only the changed ones re-indexed.
    """
    entries: dict[str, Entry] = {}
    records_of: dict[str, RecordsState] = {}  # a file of records' key -> its entry's records
    with ix.searcher() as searcher:
        for fields in searcher.all_stored_fields():
            if fields.get("record") is not None:
                file_key = str(Path(fields["root"]) / fields["path"])
                state = records_of.get(file_key)
                if state is None:
                    state = records_of[file_key] = RecordsState(settings="?")
                    entries[file_key] = Entry(fields["root"], fields["path"], -1, -1, "", state)
                state.records[fields["record"]] = fields.get("content_hash", "")
                continue
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
            key: [e.root, e.path, e.size, e.mtime_ns, e.content_hash, *([asdict(e.records)] if e.records else [])]
            for key, e in manifest.entries.items()
        },
    }
    # Sealed with a checksum: a damaged manifest is read as none, and so
    # rebuilt from the index, never trusted to say a file is unchanged.
    write_json_atomically(index_dir / MANIFEST_FILE, seal(data), ensure_ascii=False, separators=(",", ":"))


def manifest_problem(index_dir: Path) -> str | None:
    """What is wrong with the manifest, if it is there and damaged (for `searchidx check`)."""
    try:
        text = (index_dir / MANIFEST_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        return f"{MANIFEST_FILE} cannot be read ({getattr(error, 'strerror', None) or error})"
    try:
        data = unseal(json.loads(text))
        for values in data["entries"].values():
            _entry(*values)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        return f"{MANIFEST_FILE} is damaged ({describe_briefly(error)})"
    return None


def describe_briefly(error: BaseException) -> str:
    return " ".join(str(error).split())[:100] or type(error).__name__
