"""A small term's record and term info built in one pass, for the fields
without positions (the entity names, keys): what the segment writer
(searchidx.codec.columnar) writes for most of their terms, in the layout
of searchidx.codec.postings."""

from __future__ import annotations

import struct

from whoosh.util.numeric import length_to_byte

from searchidx.codec.packing import pack, pack_one
from searchidx.codec.postings import (
    FLOAT32,
    RECORD_HEADER,
    TERM_INFO,
    VALUES_FREQUENCY,
    VALUES_NONE,
    WEIGHTS_CONSTANT,
    WEIGHTS_COUNTS,
)


def counted_record(kind: int, ids: list[int], weights: list[float], blob: bytes, sizes, lengths: list[int]):
    """The record and term info that write_term gives a term of a field
    without positions (`kind` VALUES_FREQUENCY or VALUES_NONE: the entity
    names, keys) and at most SMALL_POSTINGS postings, whose `weights` are
    float32 already (a TermBuffer's) and whose frequencies are `blob`'s
    (Whoosh's big-endian uint32s, `sizes` 4 each); None when the postings
    are not of that shape. The term info comes as Whoosh's bytes of it
    (W3TermInfo.to_bytes) but for its extent, which
    ColumnarPostingsWriter.write_records adds.

    The general path (write_term: _small_columns, then term_statistics)
    converts a term's postings twice, once for the record and once for the
    statistics; an entity field is mostly terms of a few postings, where
    those conversions are most of the work, so both are built here from one
    pass. test_codec checks the two paths write the same bytes."""
    count = len(ids)
    if count == 1:
        return one_posting_record(kind, ids[0], weights[0], blob, sizes[0], lengths[0])
    # The weights part as _small_columns writes it: none when the weights
    # are the counts, one float when all are equal; other shapes go there.
    if kind == VALUES_FREQUENCY:
        if len(blob) != 4 * count or sizes.count(4) != count:
            return None
        counts = struct.unpack(f">{count}I", blob)
        if list(counts) != weights:
            return None
        flags = kind | WEIGHTS_COUNTS
        rest = pack(counts)
    elif kind == VALUES_NONE and not blob:
        if weights.count(weights[0]) != count:
            return None
        flags = kind | WEIGHTS_CONSTANT
        rest = FLOAT32.pack(weights[0])
    else:
        return None
    if ids[0] < 0:
        raise ValueError("document numbers must be distinct, ascending and non-negative")
    gaps = [ids[0]] + [b - a for a, b in zip(ids, ids[1:])]
    if min(gaps[1:]) <= 0:
        raise ValueError("document numbers must be distinct, ascending and non-negative")
    documents = pack(gaps)
    held = [n for n in lengths if n > 0]
    # W3TermInfo(...).to_bytes() before its extent, without the object
    info = TERM_INFO.pack(
        0,  # not inlined
        sum(weights),
        count,
        length_to_byte(min(held)) if held else 0,
        length_to_byte(max(lengths)),
        max(weights),
        ids[0],
        ids[-1],
    )
    return RECORD_HEADER.pack(flags, count, 0) + documents + rest, info


def one_posting_record(kind: int, doc: int, weight: float, blob, size: int, length: int):
    """counted_record for a term of one posting (most entity names): the
    same record and term info, from the posting's document, weight, value
    (`blob`, of `size` bytes) and document length, without the lists."""
    if kind == VALUES_FREQUENCY:
        if len(blob) != 4 or size != 4:
            return None
        frequency = int.from_bytes(blob, "big")
        if frequency != weight:
            return None
        flags = kind | WEIGHTS_COUNTS
        rest = pack_one(frequency)
    elif kind == VALUES_NONE and not blob:
        flags = kind | WEIGHTS_CONSTANT
        rest = FLOAT32.pack(weight)
    else:
        return None
    if doc < 0:
        raise ValueError("document numbers must be distinct, ascending and non-negative")
    code = length_to_byte(length) if length > 0 else 0  # (a length of 0 is code 0 too)
    info = TERM_INFO.pack(0, weight, 1, code, code, weight, doc, doc)
    return RECORD_HEADER.pack(flags, 1, 0) + pack_one(doc) + rest, info
