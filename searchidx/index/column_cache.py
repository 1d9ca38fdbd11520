"""The document table's columns, kept beside the index for the next process.

Facets and filters need every document's date and entity names
(searchidx.index.doctable). Reading them from Whoosh costs about half a second on
20,000 articles (8,600 small posting lists, then folding and settling the
names), which every `searchidx search --facets` paid again; read from here
they take a few milliseconds.

A column is a few small parts (its distinct names and their lookup tables:
JSON) and large arrays (a number per document or per document-name pair).
Version 2 kept it all as JSON: 120 MB at 200,000 articles, 6 s to parse in
every new search process. Now each file is three parts:

1. a header line: the index state and a CRC-32 of everything after it;
2. a line of JSON: the small parts, and the name, dtype and length of each array;
3. the arrays' bytes, little-endian, each starting at a multiple of 8.

No pickles: a pickle runs whatever code it names when it is loaded, and
this cache was once unpickled before anything checked that it belonged to
the index, so a crafted `columns.*.pickle` in an index folder ran code on
`search --facets`. The arrays are read with numpy.frombuffer, which reads
numbers and nothing else.

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

import hashlib
import importlib
import json
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from analyzers.files import write_atomically

# Bump when what a column holds changes shape (DocTable's date lists,
# doctable.EntityColumn's and EntityRows' fields), so files from another version are ignored.
COLUMN_CACHE_VERSION = 4  # 2: JSON, no pickles; 3: arrays as bytes beside a little JSON;
# 4: entity columns by value only, each document's values of all fields together (doctable.EntityRows)
CACHE_FILE_PREFIX = "columns."
CACHE_FILE_SUFFIX = ".bin"
# Earlier versions' files (1: pickles, 2: JSON): never read, removed when a column is saved.
_OLD_SUFFIXES = (".pickle", ".json")
_ALIGN = 8
# The array types a file may hold (numpy.frombuffer reads only these).
_DTYPES = {"<i4", "<i8", "|i1", "<f8"}

# A column as stored: its small parts (JSON values) and its arrays by name.
Parts = dict[str, Any]
Arrays = dict[str, np.ndarray]
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
        return self.folder / f"{CACHE_FILE_PREFIX}{column}{CACHE_FILE_SUFFIX}"

    def _state_json(self):
        return json.loads(json.dumps(self.state))  # tuples as lists, as read back

    def load(self, column: str) -> tuple[Parts, Arrays] | None:
        """The column's parts and arrays if its file describes this state and is whole, else None."""
        try:
            with open(self.path(column), "rb") as f:
                header = json.loads(f.readline())
                if header.get("state") != self._state_json():
                    return None
                body = f.read()
            if zlib.crc32(body) != header.get("crc32"):
                return None
            return _decode(body)
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
            _decode(body)
        except (OSError, ValueError, KeyError, TypeError) as error:
            return f"{column_file.name} cannot be read ({' '.join(str(error).split())[:80]})"
        return None

    def save(self, column: str, parts: Parts, arrays: Arrays) -> None:
        """Writes the column atomically (analyzers.files.write_atomically);
        a folder that cannot take it is left as it is."""
        try:
            body = _encode(parts, arrays)
            header = json.dumps({"state": self.state, "crc32": zlib.crc32(body)}).encode("utf-8")
            write_atomically(self.path(column), header + b"\n" + body)
            for suffix in _OLD_SUFFIXES:
                old = self.folder / f"{CACHE_FILE_PREFIX}{column}{suffix}"
                if old.exists():
                    old.unlink()
        except (OSError, TypeError, ValueError):
            pass


def _encode(parts: Parts, arrays: Arrays) -> bytes:
    """The JSON line, then each array's bytes at a multiple of 8 (module docstring)."""
    layout, chunks, at = [], [], 0
    for name, array in arrays.items():
        data = np.ascontiguousarray(array, dtype=array.dtype.newbyteorder("<")).tobytes()
        layout.append([name, array.dtype.newbyteorder("<").str, len(array), at])
        padded = -len(data) % _ALIGN
        chunks.append(data + bytes(padded))
        at += len(data) + padded
    line = json.dumps({"parts": parts, "arrays": layout}, ensure_ascii=False, separators=(",", ":"))
    head = line.encode("utf-8") + b"\n"
    head += bytes(-len(head) % _ALIGN)  # the arrays start at a multiple of 8 of the body
    return head + b"".join(chunks)


def _decode(body: bytes) -> tuple[Parts, Arrays]:
    end = body.index(b"\n")
    described = json.loads(body[:end])
    start = end + 1 + (-(end + 1) % _ALIGN)
    arrays: Arrays = {}
    for name, dtype, length, at in described["arrays"]:
        if dtype not in _DTYPES:
            raise ValueError(f"array {name!r} of an unknown type {dtype!r}")
        array = np.frombuffer(body, dtype=np.dtype(dtype), count=length, offset=start + at)
        arrays[name] = array
    return described["parts"], arrays
