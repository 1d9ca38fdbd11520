"""Whoosh's segment writer, its postings pooled and merged as arrays."""

from __future__ import annotations

import numpy as np
from whoosh.writing import SegmentWriter

from searchidx.codec.columnar import ColumnarCodec
from searchidx.codec.pool import TermPool


class ColumnarWriter(SegmentWriter):
    """Writes a ColumnarCodec segment: postings pooled per term as arrays
    (TermPool, up to `limitmb`) rather than as Whoosh's sorted tuples, and
    the segments it merges (Whoosh's merge policy, `optimize`) read term by
    term as the new segment is written, renumbered with numpy, rather than
    copied into the pool posting by posting."""

    def __init__(self, ix, **kwargs):
        kwargs.setdefault("codec", ColumnarCodec())
        super().__init__(ix, **kwargs)
        self.pool.cleanup()
        self.pool = TermPool(limit_mb=kwargs.get("limitmb", 128))

    def add_postings_to_pool(self, reader, startdoc, docmap):
        codec = reader.codec() if hasattr(reader, "codec") else None
        if not isinstance(codec, ColumnarCodec) or not isinstance(self.pool, TermPool):
            super().add_postings_to_pool(reader, startdoc, docmap)
            return
        # Each old document number's new one (-1: deleted, dropped).
        renumbered = np.arange(reader.doc_count_all(), dtype=np.int64) + startdoc
        if docmap is not None:
            renumbered[:] = -1
            if docmap:
                renumbered[np.fromiter(docmap.keys(), dtype=np.int64)] = np.fromiter(docmap.values(), dtype=np.int64)
        self.pool.merge(reader.storage(), reader.segment(), renumbered)

    def write_per_doc(self, fieldnames, reader):
        """Whoosh's copy of a merged segment's documents, given each one's
        field lengths as counted: Whoosh would give their one-byte codes
        decoded, and the new segment's total lengths (the average length in
        every score) would then depend on which segments were merged."""
        codec = reader.codec() if hasattr(reader, "codec") else None
        if not isinstance(codec, ColumnarCodec):
            return super().write_per_doc(fieldnames, reader)
        perdoc = codec.per_document_reader(reader.storage(), reader.segment())
        try:
            return super().write_per_doc(fieldnames, _CountedLengths(reader, perdoc))
        finally:
            perdoc.close()


class _CountedLengths:
    """A segment reader whose `doc_field_length` is the length as counted."""

    def __init__(self, reader, perdoc):
        self._reader = reader
        self._perdoc = perdoc
        self._lengths: dict[str, list[int]] = {}

    def __getattr__(self, name):
        return getattr(self._reader, name)

    def doc_field_length(self, docnum, fieldname, default=0):
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            lengths = self._lengths[fieldname] = self._perdoc.exact_lengths(fieldname).tolist()
        return lengths[docnum] or default
