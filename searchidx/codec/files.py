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

import numpy as np
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile

_LENGTHS_MAGIC = b"SXL1"
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


def write_lengths(file, documents: int, codes: dict[str, bytearray]) -> None:
    """Writes each field's one-byte length codes (Whoosh's `length_to_byte`),
    one per document, 0 where a document has none."""
    names = sorted(codes)
    header = json.dumps({"documents": documents, "fields": names}).encode("utf-8")
    file.write(_HEADER_SIZE.pack(_LENGTHS_MAGIC, len(header)))
    file.write(header)
    for name in names:
        column = codes[name][:documents]
        file.write(bytes(column) + bytes(documents - len(column)))


class LengthsFile:
    """The field-lengths file of a segment, read in place."""

    def __init__(self, storage, name: str):
        self._file = MappedFile(storage, name)
        buffer = self._file.buffer
        magic, size = _HEADER_SIZE.unpack_from(buffer, 0) if len(buffer) >= _HEADER_SIZE.size else (b"", 0)
        if magic != _LENGTHS_MAGIC:
            raise ValueError(f"{name} is not a field-lengths file of this version")
        header = json.loads(bytes(buffer[_HEADER_SIZE.size : _HEADER_SIZE.size + size]).decode("utf-8"))
        self.documents = int(header["documents"])
        start = _HEADER_SIZE.size + size
        self._columns = {
            name: np.frombuffer(buffer, dtype=np.uint8, count=self.documents, offset=start + i * self.documents)
            for i, name in enumerate(header["fields"])
        }

    def codes(self, fieldname: str) -> np.ndarray:
        """The field's length code of each document (0: none)."""
        found = self._columns.get(fieldname)
        return found if found is not None else np.zeros(self.documents, dtype=np.uint8)

    def close(self) -> None:
        self._columns = {}
        self._file.close()
