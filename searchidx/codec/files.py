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

_LENGTHS_MAGIC = b"SXL1"
_HEADER_SIZE = struct.Struct("<4sI")


class MappedFile:
    """A segment file's bytes: mapped from disk, or read whole from other storage."""

    def __init__(self, storage, name: str):
        self.name = name
        self._map = None
        if isinstance(storage, FileStorage):
            with open(os.path.join(storage.folder, name), "rb") as file:
                if os.fstat(file.fileno()).st_size:
                    self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
            self.buffer = self._map if self._map is not None else b""
        else:  # in memory (RamStorage): its bytes are in memory already
            with storage.open_file(name) as file:
                self.buffer = file.read()

    def __len__(self) -> int:
        return len(self.buffer)

    def close(self) -> None:
        if self._map is not None:
            try:
                self._map.close()
            except BufferError:
                pass  # arrays read from it are still in use; unmapped when they go
            self._map = None


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
