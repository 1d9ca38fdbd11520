"""Whoosh's segment writer, its postings pooled and merged as arrays."""

from __future__ import annotations

from collections import Counter

import numpy as np
from whoosh.formats import Frequency
from whoosh.writing import SegmentWriter

from searchidx.codec.columnar import ColumnarCodec
from searchidx.codec.pool import TermPool


def counted_terms(value, format_) -> dict[str, int] | None:
    """A value given as its terms in a Frequency field, as each term's count
    in order of first appearance: a dict of the counts (the entity fields,
    searchidx.index.documents), or a list of terms each repeated once per
    occurrence (counted here); None for any other value or format, which
    Whoosh's own path indexes. Whoosh would make a Token of each term and
    count them through two defaultdicts and a generator, the same numbers at
    several times the cost."""
    if type(format_) is not Frequency:
        return None
    if type(value) is dict:
        return value
    if type(value) is list:
        return Counter(value)
    return None


def as_term_list(value):
    """A value as Whoosh's own path indexes it: counts (a dict, see
    counted_terms) as a list of their terms, each repeated `count` times."""
    if type(value) is dict:
        return [term for term, count in value.items() for _ in range(count)]
    return value


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
        self.pool: TermPool = TermPool(limit_mb=kwargs.get("limitmb", 128))

    def add_document(self, **fields):
        """Whoosh's SegmentWriter.add_document (2.7.5: whoosh_support pins
        it), but for a field whose format analyses the value in one pass
        (ArrayPositions.indexed_values: the article text), or whose value
        is given as its terms (counted_terms: the entity names), the
        document's postings go to the pool in one call (add_postings,
        add_counts): Whoosh hands the pool one tuple a posting, through a
        generator, which cost more than the analysis."""
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        pool = self.pool
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    fieldboost = self._field_boost(fields, fieldname, docboost)
                    indexed_values = getattr(field.format, "indexed_values", None)
                    counts = None
                    if indexed_values is not None:
                        found = indexed_values(value, field.analyzer)
                    else:
                        found = None
                        counts = counted_terms(value, field.format)
                    if found is not None and isinstance(pool, TermPool):
                        pool.add_postings(
                            fieldname,
                            docnum,
                            [(word.encode("utf-8"), weight * fieldboost, vbytes) for word, _, weight, vbytes in found],
                        )
                        if field.scorable:
                            length = sum(freq for _, freq, _, _ in found)
                    elif counts is not None and isinstance(pool, TermPool):
                        pool.add_counts(fieldname, docnum, counts, field.format.field_boost, fieldboost)
                        if field.scorable:
                            length = sum(counts.values())
                    else:
                        for tbytes, freq, weight, vbytes in field.index(as_term_list(value)):
                            if field.scorable:
                                length += freq
                            pool.add((fieldname, tbytes, docnum, weight * fieldboost, vbytes))
                if field.separate_spelling():
                    spellfield = field.spelling_fieldname(fieldname)
                    for word in field.spellable_words(value):
                        pool.add((spellfield, word.encode("utf-8"), 0, 1, None))
                if field.vector:
                    items = sorted(
                        (text, weight, vbytes)
                        for text, _, weight, vbytes in field.vector.word_values(value, field.analyzer, mode="index")
                    )
                    perdocwriter.add_vector_items(fieldname, field, items)
                # A custom value for the stored field or column.
                stored = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, stored if field.stored else None, length)
                if field.column_type and stored is not None:
                    perdocwriter.add_column_value(fieldname, field.column_type, field.to_column_value(stored))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

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
