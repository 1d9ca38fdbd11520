"""Sequences of non-negative integers as little-endian arrays with patches.

A posting list is mostly small numbers (gaps between document numbers,
frequencies, gaps between positions) with a few large ones (the first
document, a long gap, the first position of a word deep in an article). So
a sequence is stored as one fixed-width array of the low bytes of every
value (1, 2 or 4 bytes each, whichever makes the whole smallest) plus, for
the few values that do not fit, their indexes and high parts: "patched"
frame of reference, as Lucene and PForDelta store postings, here with
byte-sized widths so that numpy reads the array in place
(`numpy.frombuffer`) and applies the patches in one indexed addition.

Layout: one byte of width (1, 2 or 4), a little-endian uint32 count of
patches, the array (count x width bytes; the count of values is known to
the caller), then the patches' indexes (uint32) and high parts (uint32).
"""

from __future__ import annotations

import struct

import numpy as np

_HEADER = struct.Struct("<BI")
HEADER_SIZE = _HEADER.size
_WIDTHS = (1, 2, 4)
_DTYPES: dict[int, np.dtype] = {1: np.dtype("<u1"), 2: np.dtype("<u2"), 4: np.dtype("<u4")}
# A patch costs its index and its high part.
_PATCH_BYTES = 8
# High parts are uint32: with a width of 4 a value may reach 2**64, with a
# width of 1, 2**40.
MAX_VALUE = (1 << 40) - 1


def packed_size(values: np.ndarray) -> int:
    """Bytes that `pack` writes for these values."""
    return HEADER_SIZE + min(_cost(values, width) for width in _WIDTHS)


def _cost(values: np.ndarray, width: int) -> int:
    patches = int(np.count_nonzero(values >> (8 * width))) if len(values) else 0
    return len(values) * width + patches * _PATCH_BYTES


# A list up to this long is packed in plain Python, without patches:
# numpy's per-call cost would dominate.
SMALL_LIST = 64
_SMALL_CODES = {1: "B", 2: "H", 4: "I"}


def pack(values, patches: bool = True) -> bytes:
    """The bytes of a sequence of non-negative integers (see module
    docstring); without patches, the width of the largest value."""
    if isinstance(values, (list, tuple)) and (len(values) <= SMALL_LIST or not patches):
        low, high = min(values, default=0), max(values, default=0)
        if low >= 0 and high < 2**32:
            width = 1 if high < 256 else 2 if high < 65536 else 4
            return _HEADER.pack(width, 0) + struct.pack(f"<{len(values)}{_SMALL_CODES[width]}", *values)
    values = np.asarray(values, dtype=np.int64)
    if len(values) and (values.min() < 0 or values.max() > MAX_VALUE):
        raise ValueError(f"values out of range 0..{MAX_VALUE}")
    width = min(_WIDTHS, key=lambda w: (_cost(values, w), w))
    shift = 8 * width
    high = values >> shift
    patched = np.flatnonzero(high)
    low = (values & ((1 << shift) - 1)).astype(_DTYPES[width])
    return b"".join(
        (
            _HEADER.pack(width, len(patched)),
            low.tobytes(),
            patched.astype("<u4").tobytes(),
            high[patched].astype("<u4").tobytes(),
        )
    )


# One value packed (header and value in one struct): what `pack([value])` writes.
_ONE = {1: struct.Struct("<BIB"), 2: struct.Struct("<BIH"), 4: struct.Struct("<BII")}


def pack_one(value: int) -> bytes:
    """`pack([value])`, for the many posting lists of one document."""
    if not 0 <= value < 2**32:
        return pack([value])
    width = 1 if value < 256 else 2 if value < 65536 else 4
    return _ONE[width].pack(width, 0, value)


class Packed:
    """A packed sequence read in place from a buffer: `low` is a view of the
    stored array; `values()` (or `take()`) applies the patches."""

    __slots__ = ("low", "width", "patch_at", "patch_high", "end")

    def __init__(self, buffer, offset: int, count: int):
        width, patches = _HEADER.unpack_from(buffer, offset)
        if width not in _DTYPES:
            raise ValueError(f"not a packed sequence (width {width}) at byte {offset}")
        start = offset + HEADER_SIZE
        self.width = width
        self.low = np.frombuffer(buffer, dtype=_DTYPES[width], count=count, offset=start)
        start += count * width
        self.patch_at = np.frombuffer(buffer, dtype="<u4", count=patches, offset=start)
        start += 4 * patches
        self.patch_high = np.frombuffer(buffer, dtype="<u4", count=patches, offset=start)
        self.end = start + 4 * patches

    def __len__(self) -> int:
        return len(self.low)

    def values(self) -> np.ndarray:
        """Every value, as int64."""
        out = self.low.astype(np.int64)
        if len(self.patch_at):
            out[self.patch_at] += self.patch_high.astype(np.int64) << (8 * self.width)
        return out

    def take(self, indexes: np.ndarray) -> np.ndarray:
        """The values at `indexes` (ascending), as int64, without reading the rest."""
        out = self.low[indexes].astype(np.int64)
        if len(self.patch_at) and len(indexes):
            at = np.searchsorted(indexes, self.patch_at)
            inside = at < len(indexes)
            hit = np.zeros(len(at), dtype=bool)
            hit[inside] = indexes[at[inside]] == self.patch_at[inside]
            out[at[hit]] += self.patch_high[hit].astype(np.int64) << (8 * self.width)
        return out
