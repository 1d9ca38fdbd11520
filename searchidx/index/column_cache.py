"""The document table's columns, kept beside the index for the next process.

Facets and filters need every document's date and entity names
(searchidx.index.doctable). Reading them from Whoosh costs about half a second on
20,000 articles (8,600 small posting lists, then folding and settling the
names), which every `searchidx search --facets` paid again; read from here
they take a few tens of milliseconds.

The files are JSON, never pickles: a pickle runs whatever code it names
when it is loaded, and this cache was unpickled before anything checked
that it belonged to the index, so a crafted `columns.*.pickle` in an index
folder ran code on `search --facets`. Each file is a header line (the state
and a CRC-32 of the rest) and the column as one JSON line, encoded and
decoded by the caller (searchidx.index.doctable).

Like the manifest, this is a cache, never the truth. Each file names the
index state it was computed from: the index's name, its generation (Whoosh's
commit counter, which every commit, deletion or merge moves on), its
segments and document counts, and the code that computed the columns
(`COLUMN_CACHE_VERSION` and a hash of the modules that shape them, so that
after an upgrade or an edit of how names are settled no older file is read).
A file naming any other state is ignored and, once the column is read again,
overwritten. A file that cannot be read or written (a read-only index
folder, a full disk, a half-written file) costs the time to read the column,
never a wrong count.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import json
import zlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from analyzers.files import write_atomically

# Bump when what a column holds changes shape (DocTable's date lists,
# doctable.EntityColumn's fields), so files from another version are ignored.
COLUMN_CACHE_VERSION = 2  # 2: JSON, no pickles
CACHE_FILE_PREFIX = "columns."
_SUFFIX = ".json"
_OLD_SUFFIX = ".pickle"  # version 1's files: never read, removed when a column is saved
# The modules whose code decides what a column holds.
_SHAPING_MODULES = ("searchidx.index.doctable", "searchidx.index.entities", "searchidx.dates")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the modules that compute the columns (empty where their
    source cannot be read, leaving COLUMN_CACHE_VERSION to tell versions apart)."""
    digest = hashlib.sha256()
    for name in _SHAPING_MODULES:
        source = importlib.import_module(name).__file__
        if source is None:  # no source file
            return ""
        try:
            digest.update(Path(source).read_bytes())
        except OSError:  # the source file is gone
            return ""
    return digest.hexdigest()[:16]


class ColumnCache:
    """Columns of one reader's index state, stored as files in the index folder."""

    def __init__(self, folder: Path, state: tuple):
        self.folder = folder
        self.state = (COLUMN_CACHE_VERSION, code_fingerprint()) + state

    @classmethod
    def for_reader(cls, whoosh_index, reader) -> ColumnCache | None:
        """The cache for what `reader` reads, or None where there is no folder
        or the reader's state cannot be named (an empty or unversioned index)."""
        folder = getattr(getattr(whoosh_index, "storage", None), "folder", None)
        generation = reader.generation()
        if folder is None or generation is None or generation < 0:
            return None
        segments = tuple(
            leaf.segment().segment_id() if hasattr(leaf, "segment") else None for leaf, _ in reader.leaf_readers()
        )
        if None in segments:
            return None
        state = (whoosh_index.indexname, generation, segments, reader.doc_count_all(), reader.doc_count())
        return cls(Path(folder), state)

    def path(self, column: str) -> Path:
        return self.folder / f"{CACHE_FILE_PREFIX}{column}{_SUFFIX}"

    def _state_json(self):
        return json.loads(json.dumps(self.state))  # tuples as lists, as read back

    def load(self, column: str, decode: Callable[[Any], Any] = lambda value: value):
        """The column's value if its file describes this state and is whole, else None."""
        try:
            with open(self.path(column), "rb") as f:
                header = json.loads(f.readline())
                if header.get("state") != self._state_json():
                    return None
                body = f.read()
            if zlib.crc32(body) != header.get("crc32"):
                return None
            # Decoding makes hundreds of thousands of small objects, freed
            # only with the column: the cycle collector, rescanning them as
            # they come, doubled the time.
            collecting = gc.isenabled()
            gc.disable()
            try:
                return decode(json.loads(body))
            finally:
                if collecting:
                    gc.enable()
        except Exception:  # noqa: BLE001 - any unreadable file is a miss; the column is read again
            return None

    def problem(self, column_file: Path) -> str | None:
        """What is wrong with a cache file, if anything (for `searchidx check`;
        a file of another state is no problem, only out of date)."""
        try:
            with open(column_file, "rb") as f:
                header = json.loads(f.readline())
                body = f.read()
            if not isinstance(header, dict) or zlib.crc32(body) != header.get("crc32"):
                return f"{column_file.name} does not match its checksum"
            json.loads(body)
        except (OSError, ValueError) as error:
            return f"{column_file.name} cannot be read ({' '.join(str(error).split())[:80]})"
        return None

    def save(self, column: str, value, encode: Callable[[Any], Any] = lambda value: value) -> None:
        """Writes the column atomically (analyzers.files.write_atomically);
        a folder that cannot take it is left as it is."""
        try:
            body = json.dumps(encode(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            header = json.dumps({"state": self.state, "crc32": zlib.crc32(body)}).encode("utf-8")
            write_atomically(self.path(column), header + b"\n" + body)
            old = self.folder / f"{CACHE_FILE_PREFIX}{column}{_OLD_SUFFIX}"
            if old.exists():
                old.unlink()
        except (OSError, TypeError, ValueError):
            pass
