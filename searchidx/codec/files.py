"""Segment files read in place: a mapped file, and the field-lengths file.

Arrays are read from the mapped file with `numpy.frombuffer`: the operating
system pages in what a search touches and drops it under memory pressure,
so a search process keeps no decoded copies of its own.
"""

from __future__ import annotations

import json
import mmap
import os
import struct
from array import array

import numpy as np
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.util.numeric import byte_to_length

_LENGTHS_MAGIC = b"SXL2"
_HEADER_SIZE = struct.Struct("<4sI")


def map_file(storage, name: str):
    """A file's bytes: a read-only map of it on disk, or (other storage) its
    bytes read whole."""
    if isinstance(storage, MappedStorage):
        storage = storage.storage
    if isinstance(storage, FileStorage):
        with open(os.path.join(storage.folder, name), "rb") as file:
            if not os.fstat(file.fileno()).st_size:
                return b""  # an empty file cannot be mapped
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    with storage.open_file(name) as file:  # in memory (RamStorage): its bytes are in memory already
        return file.read()


class MappedFile:
    """A segment file's bytes (`map_file`), for arrays read in place."""

    def __init__(self, storage, name: str):
        self.name = name
        self.buffer = map_file(storage, name)

    def __len__(self) -> int:
        return len(self.buffer)

    def close(self) -> None:
        if isinstance(self.buffer, mmap.mmap):
            try:
                self.buffer.close()
            except BufferError:
                pass  # arrays read from it are still in use; unmapped when they go


class MappedStorage:
    """A storage whose files open mapped (Whoosh's storage interface, for
    reading): the term table's lookups and the stored fields' reads then
    seek and read in memory, not through a system call each."""

    def __init__(self, storage):
        self.storage = storage

    def __getattr__(self, name):
        return getattr(self.storage, name)

    def open_file(self, name, **kwargs):
        buffer = map_file(self.storage, name)
        if isinstance(buffer, mmap.mmap):
            return StructFile(buffer, name=name)
        return self.storage.open_file(name, **kwargs)


def write_lengths(file, documents: int, lengths: dict[str, array]) -> None:
    """Writes each field's length in each document (0 where it has none):
    Whoosh's one-byte length code (what its scorer reads, `length_to_byte`),
    then the length itself (what a merge adds up again)."""
    names = sorted(lengths)
    header = json.dumps({"documents": documents, "fields": names}).encode("utf-8")
    file.write(_HEADER_SIZE.pack(_LENGTHS_MAGIC, len(header)))
    file.write(header)
    exact = {}
    for name in names:
        found = np.zeros(documents, dtype=np.uint32)
        column = np.frombuffer(lengths[name], dtype=np.uint32)[:documents]
        found[: len(column)] = column
        exact[name] = found
        file.write(_length_codes(found).tobytes())
    file.write(bytes(-(_HEADER_SIZE.size + len(header) + documents * len(names)) % 4))  # align the uint32s
    for name in names:
        file.write(exact[name].astype("<u4").tobytes())


# Whoosh's length_to_byte: the first code whose length is at least the length
# (lengths past the last code's take it).
_CODE_LENGTHS = np.array([byte_to_length(code) for code in range(256)], dtype=np.int64)


def _length_codes(lengths: np.ndarray) -> np.ndarray:
    return np.minimum(np.searchsorted(_CODE_LENGTHS, lengths, side="left"), 255).astype(np.uint8)


class LengthsFile:
    """The field-lengths file of a segment, read in place."""

    def __init__(self, storage, name: str):
        self._file = MappedFile(storage, name)
        buffer = self._file.buffer
        magic, size = _HEADER_SIZE.unpack_from(buffer, 0) if len(buffer) >= _HEADER_SIZE.size else (b"", 0)
        if magic != _LENGTHS_MAGIC:
            raise ValueError(f"{name} is not a field-lengths file of this version")
        header = json.loads(bytes(buffer[_HEADER_SIZE.size : _HEADER_SIZE.size + size]).decode("utf-8"))
        self.documents = n = int(header["documents"])
        names = header["fields"]
        start = _HEADER_SIZE.size + size
        self._codes = {
            name: np.frombuffer(buffer, dtype=np.uint8, count=n, offset=start + i * n) for i, name in enumerate(names)
        }
        start += n * len(names)
        start += -start % 4
        self._exact = {
            name: np.frombuffer(buffer, dtype="<u4", count=n, offset=start + 4 * i * n) for i, name in enumerate(names)
        }

    def codes(self, fieldname: str) -> np.ndarray:
        """The field's length code of each document (0: none)."""
        found = self._codes.get(fieldname)
        return found if found is not None else np.zeros(self.documents, dtype=np.uint8)

    def lengths(self, fieldname: str) -> np.ndarray:
        """The field's length in each document, as counted (0: none)."""
        found = self._exact.get(fieldname)
        return found if found is not None else np.zeros(self.documents, dtype=np.uint32)

    def close(self) -> None:
        self._codes = self._exact = {}
        self._file.close()
