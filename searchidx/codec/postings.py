"""One term's postings as arrays: the record, its writer, its reader, its matcher.

A record holds, in order (each a packed sequence, searchidx.codec.packing):

    header    flags (uint8), postings (uint32), positions in all (uint32)
    documents the gaps between document numbers (the first is the number)
    counts    occurrences per document, if the format has positions or
              frequencies
    weights   nothing when they equal the counts; else one float32 when all
              are equal, or packed integers, or float32s
    positions each document's positions, as gaps from the one before (the
              first from 0), all documents one after another; a document's
              share starts where the counts before it add up to
    values    for a format this codec does not know: each posting's value
              length, then the values' bytes, as Whoosh wrote them

So a term's documents and weights are read with numpy over the mapped file
(`PostingList.docs`, `weights`), and the positions of any chosen documents
(`PostingList.positions`) without touching the others'. Nothing is pickled.

`ColumnarMatcher` presents a record as a Whoosh matcher, so Whoosh's own
queries, collectors, spans, highlighting and merging read it as they read
their own codec's postings.
"""

from __future__ import annotations

import struct
from bisect import bisect_left

import numpy as np
from whoosh.codec.base import PostingsWriter
from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.formats import Existence, Frequency
from whoosh.matching import LeafMatcher, ReadTooFar
from whoosh.system import pack_int, pack_long, pack_uint

from searchidx.codec.formats import POSITION_BYTES, ArrayPositions
from searchidx.codec.packing import Packed, pack

RECORD_HEADER = struct.Struct("<BII")
# Whoosh's W3 term info before its extent (W3TermInfo._struct, whoosh_support).
TERM_INFO = W3TermInfo._struct
FLOAT32 = struct.Struct("<f")

# What a posting's value is, from the field's format (flags bits 0-1).
VALUES_NONE = 0  # Existence: no value
VALUES_FREQUENCY = 1  # Frequency: the count, as Whoosh's pack_uint
VALUES_POSITIONS = 2  # ArrayPositions: the positions
VALUES_RAW = 3  # any other format: the bytes as written
_VALUES_MASK = 0b11
# How the weights are stored (flags bits 2-3).
WEIGHTS_COUNTS = 0 << 2
WEIGHTS_CONSTANT = 1 << 2
WEIGHTS_INTEGERS = 2 << 2
WEIGHTS_FLOATS = 3 << 2
_WEIGHTS_MASK = 0b1100
# Whoosh keeps a posting's weight as a float32.
_WEIGHT_DTYPE = np.dtype("<f4")

_EMPTY = np.zeros(0, dtype=np.int64)


def value_kind(format_) -> int:
    """How a field's posting values are kept (see the VALUES_ constants)."""
    if isinstance(format_, ArrayPositions):
        return VALUES_POSITIONS
    if type(format_) is Frequency:
        return VALUES_FREQUENCY
    if type(format_) is Existence or format_.fixed_value_size() == 0:
        return VALUES_NONE
    return VALUES_RAW


# Up to this many postings a record is built in plain Python: most terms
# are rare, and numpy's per-call cost would dominate their writing.
SMALL_POSTINGS = 32


class ValueRun:
    """Postings' values one after another (`blob`) and each one's size:
    what a writer holding them as arrays hands over instead of a list."""

    __slots__ = ("blob", "sizes")

    def __init__(self, blob, sizes):
        self.blob = blob
        self.sizes = sizes


def encode_postings(kind: int, ids, weights, values) -> bytes:
    """A term's record from its postings (document numbers ascending).

    `values` are the postings' values as the field's format wrote them: a
    list of bytes, or a ValueRun.
    """
    count = len(ids)
    if count == 0:
        raise ValueError("a posting list needs at least one posting")
    if not isinstance(values, ValueRun):
        values = ValueRun(b"".join(values), [len(v) for v in values])
    columns = _small_columns if count <= SMALL_POSTINGS else _array_columns
    flags, total, parts = columns(kind, ids, weights, values.blob, values.sizes)
    return RECORD_HEADER.pack(flags, count, total) + b"".join(parts)


def _small_columns(kind, ids, weights, blob, sizes):
    """The record's parts, built from Python lists (see _array_columns)."""
    ids = [int(d) for d in ids]
    gaps = [ids[0]] + [b - a for a, b in zip(ids, ids[1:])]
    if ids[0] < 0 or min(gaps[1:], default=1) <= 0:
        raise ValueError("document numbers must be distinct, ascending and non-negative")
    count = len(ids)
    sizes = [int(n) for n in sizes]
    stored = struct.unpack(f"<{count}f", struct.pack(f"<{count}f", *weights))
    parts = [pack(gaps)]
    counts = positions = None
    if kind == VALUES_POSITIONS:
        if any(n % POSITION_BYTES or not n for n in sizes):
            raise ValueError("a positions value is a whole, non-empty array of uint32s")
        counts = [n // POSITION_BYTES for n in sizes]
        positions = struct.unpack(f"<{sum(counts)}I", blob)
    elif kind == VALUES_FREQUENCY:
        if len(blob) != 4 * count or any(n != 4 for n in sizes):
            raise ValueError("a frequency value is one uint32")
        counts = list(struct.unpack(f">{count}I", blob))
    if counts is not None:
        parts.append(pack(counts))
    if counts is not None and all(w == c for w, c in zip(stored, counts)):
        weight_kind = WEIGHTS_COUNTS
    elif all(w == stored[0] for w in stored):
        weight_kind = WEIGHTS_CONSTANT
        parts.append(FLOAT32.pack(stored[0]))
    elif all(w.is_integer() and 0 <= w < 2**32 for w in stored):
        weight_kind = WEIGHTS_INTEGERS
        parts.append(pack([int(w) for w in stored]))
    else:
        weight_kind = WEIGHTS_FLOATS
        parts.append(struct.pack(f"<{count}f", *stored))
    total = 0
    if positions is not None:
        assert counts is not None  # read with the positions
        total = len(positions)
        position_gaps = []
        at = 0
        for n in counts:
            run = positions[at : at + n]
            position_gaps.append(run[0])
            position_gaps += [b - a for a, b in zip(run, run[1:])]
            at += n
        parts.append(pack(position_gaps))  # refuses a negative gap: positions ascend in a document
    elif kind == VALUES_RAW:
        parts.append(pack(sizes))
        parts.append(bytes(blob))
    return kind | weight_kind, total, parts


def _array_columns(kind, ids, weights, blob, sizes):
    """The record's parts (module docstring): documents, counts, weights,
    positions or values; with the flags and the number of positions."""
    ids = np.asarray(ids, dtype=np.int64)
    count = len(ids)
    if np.any(np.diff(ids) <= 0) or ids[0] < 0:
        raise ValueError("document numbers must be distinct, ascending and non-negative")
    weights = np.asarray(weights, dtype=np.float64).astype(_WEIGHT_DTYPE)
    sizes = np.asarray(sizes, dtype=np.int64)
    parts = [pack(np.diff(ids, prepend=0))]
    counts = positions = None
    if kind == VALUES_POSITIONS:
        if np.any(sizes % POSITION_BYTES) or not sizes.all():
            raise ValueError("a positions value is a whole, non-empty array of uint32s")
        counts = sizes // POSITION_BYTES
        positions = np.frombuffer(blob, dtype="<u4").astype(np.int64)
    elif kind == VALUES_FREQUENCY:
        if len(blob) != 4 * count or np.any(sizes != 4):
            raise ValueError("a frequency value is one uint32")
        counts = np.frombuffer(blob, dtype=">u4").astype(np.int64)
    if counts is not None:
        parts.append(pack(counts))
    if counts is not None and np.array_equal(weights, counts):
        weight_kind = WEIGHTS_COUNTS
    elif np.all(weights == weights[0]):
        weight_kind = WEIGHTS_CONSTANT
        parts.append(FLOAT32.pack(weights[0]))
    elif np.all(weights == np.floor(weights)) and weights.min() >= 0 and weights.max() < 2**32:
        weight_kind = WEIGHTS_INTEGERS
        parts.append(pack(weights.astype(np.int64)))
    else:
        weight_kind = WEIGHTS_FLOATS
        parts.append(weights.tobytes())
    total = 0
    if positions is not None:
        assert counts is not None  # read with the positions
        total = len(positions)
        firsts = np.cumsum(counts) - counts
        gaps = np.diff(positions, prepend=0)
        gaps[firsts] = positions[firsts]
        parts.append(pack(gaps))  # refuses a negative gap: positions ascend in a document
    elif kind == VALUES_RAW:
        parts.append(pack(sizes))
        parts.append(bytes(blob))
    return kind | weight_kind, total, parts


class PostingList:
    """One term's record, read in place from a buffer (a mapped file)."""

    __slots__ = (
        "count",
        "kind",
        "_gaps",
        "_counts",
        "_weights",
        "_weight_kind",
        "_positions",
        "_value_ends",
        "_value_start",
        "_buffer",
    )

    def __init__(self, buffer, offset: int):
        flags, self.count, total = RECORD_HEADER.unpack_from(buffer, offset)
        self.kind = flags & _VALUES_MASK
        self._weight_kind = flags & _WEIGHTS_MASK
        self._buffer = buffer
        self._gaps = Packed(buffer, offset + RECORD_HEADER.size, self.count)
        at = self._gaps.end
        self._counts = None
        if self.kind in (VALUES_FREQUENCY, VALUES_POSITIONS):
            self._counts = Packed(buffer, at, self.count)
            at = self._counts.end
        self._weights = None
        if self._weight_kind == WEIGHTS_CONSTANT:
            self._weights = FLOAT32.unpack_from(buffer, at)[0]
            at += FLOAT32.size
        elif self._weight_kind == WEIGHTS_INTEGERS:
            self._weights = Packed(buffer, at, self.count)
            at = self._weights.end
        elif self._weight_kind == WEIGHTS_FLOATS:
            self._weights = np.frombuffer(buffer, dtype=_WEIGHT_DTYPE, count=self.count, offset=at)
            at += self.count * _WEIGHT_DTYPE.itemsize
        elif self._counts is None:
            raise ValueError("a record without counts stores its weights")
        self._positions = Packed(buffer, at, total) if self.kind == VALUES_POSITIONS else None
        self._value_ends = None
        if self.kind == VALUES_RAW:
            lengths = Packed(buffer, at, self.count)
            self._value_ends = np.cumsum(lengths.values())
            self._value_start = lengths.end

    def __len__(self) -> int:
        return self.count

    def docs(self) -> np.ndarray:
        """Document numbers (of the segment), ascending, as int64."""
        return np.cumsum(self._gaps.values())

    def weights(self) -> np.ndarray:
        """Each posting's weight (as Whoosh's float32 gives it), as float64."""
        weights = self._weights
        if isinstance(weights, Packed):  # WEIGHTS_INTEGERS
            return weights.values().astype(np.float64)
        if isinstance(weights, np.ndarray):  # WEIGHTS_FLOATS
            return weights.astype(np.float64)
        if weights is not None:  # WEIGHTS_CONSTANT
            return np.full(self.count, weights, dtype=np.float64)
        return self._counts_of().values().astype(np.float64)  # WEIGHTS_COUNTS

    def _counts_of(self) -> Packed:
        if self._counts is None:
            raise ValueError("this term's postings have no counts")
        return self._counts

    def _value_ends_of(self) -> np.ndarray:
        if self._value_ends is None:
            raise ValueError("this term's postings have no values of their own")
        return self._value_ends

    def counts(self) -> np.ndarray | None:
        """Occurrences per posting, for formats with positions or frequencies."""
        return None if self._counts is None else self._counts.values()

    @property
    def has_positions(self) -> bool:
        return self._positions is not None

    def positions(self, chosen: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(counts, positions) of the chosen postings (indexes, ascending;
        default all): each one's number of positions, and its positions
        ascending, one posting after another."""
        stored = self._positions
        if stored is None:
            raise ValueError("this term's postings have no positions")
        counts = self._counts_of().values()
        if chosen is None:
            gaps = stored.values()
        else:
            ends = np.cumsum(counts)
            counts = counts[chosen]
            total = int(counts.sum())
            # Each chosen posting's run of positions: its start, then one by one.
            before = np.cumsum(counts) - counts
            index = np.repeat(ends[chosen] - counts - before, counts) + np.arange(total)
            gaps = stored.take(index)
        if not len(gaps):
            return counts, _EMPTY
        # A running sum over every run, less what the runs before it summed to.
        running = np.cumsum(gaps)
        firsts = np.cumsum(counts) - counts
        return counts, running - np.repeat(running[firsts] - gaps[firsts], counts)

    def value_run(self) -> ValueRun | None:
        """Every posting's value as the field's format encodes it, as one
        run (None for a format without values): what merging copies."""
        if self.kind == VALUES_NONE:
            return None
        if self.kind == VALUES_FREQUENCY:
            return ValueRun(self._counts_of().values().astype(">u4").tobytes(), np.full(self.count, 4, dtype=np.int64))
        if self.kind == VALUES_POSITIONS:
            counts, positions = self.positions()
            return ValueRun(positions.astype("<u4").tobytes(), counts * POSITION_BYTES)
        ends = self._value_ends_of()
        return ValueRun(
            bytes(self._buffer[self._value_start : self._value_start + int(ends[-1])]), np.diff(ends, prepend=0)
        )

    def values(self) -> list[bytes | None]:
        """Each posting's value as the field's format encodes it."""
        return [self.value(i) for i in range(self.count)]

    def value(self, i: int) -> bytes | None:
        """Posting i's value as the field's format encodes it (None for a
        format without values, as Whoosh's own codec gives it)."""
        if self.kind == VALUES_NONE:
            return None
        if self.kind == VALUES_FREQUENCY:
            return pack_uint(int(self._counts_of().take(np.array([i]))[0]))
        if self.kind == VALUES_POSITIONS:
            _, found = self.positions(np.array([i]))
            return found.astype("<u4").tobytes()
        ends = self._value_ends_of()
        end = int(ends[i])
        start = int(ends[i - 1]) if i else 0
        return bytes(self._buffer[self._value_start + start : self._value_start + end])


class ColumnarPostingsWriter(PostingsWriter):
    """Writes each term's record to the postings file (Whoosh's
    PostingsWriter interface posting by posting, or `write_term` a term at
    a time)."""

    def __init__(self, postfile):
        self._postfile = postfile
        self._format = None
        self._in_term = False
        self._written = False

    def written(self) -> bool:
        return self._written

    def start_postings(self, format_, terminfo) -> None:
        if self._in_term:
            raise RuntimeError("start_postings called inside a term")
        self._in_term = True
        self._format = format_
        self._ids: list[int] = []
        self._weights: list[float] = []
        self._values: list[bytes] = []
        self._lengths: list[int] = []

    def add_posting(self, id_, weight, vbytes, length=None) -> None:
        self._ids.append(id_)
        self._weights.append(weight)
        self._values.append(vbytes or b"")
        self._lengths.append(length or 0)

    def finish_postings(self):
        self._in_term = False
        return self.write_term(self._format, self._ids, self._weights, self._values, self._lengths)

    def write_records(self, built: list[tuple[bytes, bytes]]) -> list[bytes]:
        """Writes terms' records built already, (record, term info) each as
        counted_record gives them, one after another in one write; returns
        the bytes of each one's term info, extent included."""
        offset = self._postfile.tell()
        infos = []
        for record, terminfo in built:
            infos.append(terminfo + pack_long(offset) + pack_int(len(record)))
            offset += len(record)
        self._postfile.write(b"".join([record for record, _ in built]))
        self._written = True
        return infos

    def write_term(self, format_, ids, weights, values, lengths) -> W3TermInfo:
        """Writes one term's record; returns its term info.

        lengths: each posting's document length in the field, as Whoosh's
        length column gives it back (0 for none).
        """
        offset = self._postfile.tell()
        record = encode_postings(value_kind(format_), ids, weights, values)
        self._postfile.write(record)
        self._written = True
        terminfo = term_statistics(ids, weights, lengths)
        terminfo.set_extent(offset, len(record))
        return terminfo


def term_statistics(ids, weights, lengths) -> W3TermInfo:
    """The statistics Whoosh's scorers and collectors read from a term's
    info: total weight, document frequency, shortest and longest document,
    highest weight, first and last document, as Whoosh's W3 codec keeps
    them (its term info's layout is reused, pointing into this codec's
    postings file). lengths: each posting's document length (0: none)."""
    count = len(ids)
    if isinstance(ids, np.ndarray):
        stored = np.asarray(weights, dtype=np.float64).astype(_WEIGHT_DTYPE).astype(np.float64)
        lengths = np.asarray(lengths)
        held = lengths[lengths > 0]
        weight, maxweight = float(stored.sum()), float(np.max(stored))
        minlength = int(held.min()) if len(held) else None
        maxlength = int(lengths.max())
    else:
        as_float32 = struct.unpack(f"<{count}f", struct.pack(f"<{count}f", *weights))
        held = [n for n in lengths if n > 0]
        weight, maxweight = float(sum(as_float32)), float(max(weights))
        minlength = int(min(held)) if held else None
        maxlength = int(max(lengths))
    return W3TermInfo(
        weight=weight,
        df=count,
        minlength=minlength,
        maxlength=maxlength,
        maxweight=maxweight,
        minid=int(ids[0]),
        maxid=int(ids[-1]),
    )


class ColumnarMatcher(LeafMatcher):
    """A term's postings in one segment as a Whoosh matcher.

    The whole list is one block: its quality bound (for Whoosh's top-k
    collector) is the term's highest weight in its shortest document.
    """

    def __init__(self, postings: PostingList, format_, term=None, scorer=None, terminfo=None, _state=None):
        self._postings = postings
        self.format = format_
        self._term = term
        self.scorer = scorer
        self._terminfo = terminfo
        if _state is None:
            _state = (postings.docs().tolist(), None)
        self._ids, self._weight_list = _state
        self._i = 0

    @property
    def postings(self) -> PostingList:
        """The record this matcher reads."""
        return self._postings

    def is_active(self) -> bool:
        return self._i < len(self._ids)

    def reset(self) -> None:
        self._i = 0

    def copy(self):
        twin = ColumnarMatcher(
            self._postings, self.format, self._term, self.scorer, self._terminfo, _state=(self._ids, self._weight_list)
        )
        twin._i = self._i
        return twin

    def id(self) -> int:
        return self._ids[self._i]

    def next(self) -> bool:
        if self._i >= len(self._ids):
            raise ReadTooFar
        self._i += 1
        return False

    def skip_to(self, id_) -> None:
        if not self.is_active():
            raise ReadTooFar
        if id_ > self._ids[self._i]:
            self._i = bisect_left(self._ids, id_, self._i)

    def all_ids(self):
        ids = self._ids[self._i :]
        self._i = len(self._ids)
        return iter(ids)

    def weight(self) -> float:
        if self._weight_list is None:
            self._weight_list = self._postings.weights().tolist()
        return self._weight_list[self._i]

    def value(self) -> bytes | None:
        return self._postings.value(self._i)

    def block_min_id(self) -> int:
        return self._ids[0]

    def block_max_id(self) -> int:
        return self._ids[-1]

    def block_min_length(self):
        return self._terminfo.min_length()

    def block_max_length(self):
        return self._terminfo.max_length()

    def block_max_weight(self) -> float:
        return self._terminfo.max_weight()

    def skip_to_quality(self, minquality) -> int:
        if self.block_quality() <= minquality:
            self._i = len(self._ids)
            return 1
        return 0
