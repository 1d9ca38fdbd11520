"""searchidx's Whoosh codec: Whoosh's W3 segment with columnar posting lists.

What a segment holds, and who writes it:

    .trm       the term table: Whoosh's W3 table and term infos (document
               frequency, weights, lengths for Whoosh's scorers), each term
               info pointing into the postings file below
    .cpst      every term's postings as arrays (searchidx.codec.postings)
    .flen      each text field's length per document, one byte each
               (Whoosh's own length code), read as one array
    .col       stored fields and sortable columns: Whoosh's W3 columns

The segment records the codec (Whoosh pickles it with the segment in the
table of contents), so every reader of the index, Whoosh's own included,
reads the postings through this codec; and the version of the postings
layout, which a reader checks before reading.
"""

from __future__ import annotations

import heapq
from array import array
from itertools import groupby
from operator import itemgetter
from typing import Any

import numpy as np
from whoosh.codec.base import FieldWriter, OutOfOrderError
from whoosh.codec.whoosh3 import W3Codec, W3PerDocReader, W3PerDocWriter, W3Segment, W3TermsReader
from whoosh.reading import TermNotFound
from whoosh.system import pack_ushort
from whoosh.util.numeric import byte_to_length

from searchidx.codec import whoosh_support  # noqa: F401  (refuses an untested Whoosh)
from searchidx.codec.counted import counted_record, one_posting_record
from searchidx.codec.files import LengthsFile, MappedFile, MappedStorage, write_lengths
from searchidx.codec.formats import analysed_starts, encode_starts
from searchidx.codec.pool import TermPool
from searchidx.codec.postings import (
    SMALL_POSTINGS,
    VALUES_FREQUENCY,
    VALUES_NONE,
    ColumnarMatcher,
    ColumnarPostingsWriter,
    PostingList,
    ValueRun,
    value_kind,
)
from searchidx.codec.termtable import TermTableWriter

# The layout of the postings and lengths files; a segment written with
# another is refused, never misread. 2: exact lengths beside the codes.
LAYOUT_VERSION = 2
_POSTINGS_MAGIC = b"SXP1"

# Whoosh's one-byte length code -> the length it stands for.
_LENGTH_OF_CODE = [byte_to_length(code) for code in range(256)]
BYTE_LENGTHS = np.array(_LENGTH_OF_CODE, dtype=np.int64)


class UnsupportedSegment(Exception):
    """A segment written by another layout of this codec."""


class ColumnarCodec(W3Codec):
    """Whoosh's W3 codec with searchidx's posting lists (module docstring)."""

    POSTINGS_EXT = ".cpst"
    LENGTHS_EXT = ".flen"

    # Per-document parts

    def per_document_writer(self, storage, segment):
        return ColumnarPerDocWriter(self, storage, segment)

    def per_document_reader(self, storage, segment):
        return ColumnarPerDocReader(MappedStorage(storage), segment)

    # Postings

    def field_writer(self, storage, segment):
        return ColumnarFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile, byteids=False):
        if byteids:  # term vectors (no searchidx field has them): Whoosh's own
            return super().postings_writer(dbfile, byteids=True)
        return ColumnarPostingsWriter(dbfile)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if not isinstance(dbfile, MappedFile):
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, _ = terminfo.extent()
        return ColumnarMatcher(PostingList(dbfile.buffer, offset), format_, term, scorer, terminfo)

    def terms_reader(self, storage, segment):
        check_layout(segment)
        name = segment.make_filename(self.TERMS_EXT)
        postings = MappedFile(storage, segment.make_filename(self.POSTINGS_EXT))
        if bytes(postings.buffer[: len(_POSTINGS_MAGIC)]) != _POSTINGS_MAGIC:
            postings.close()
            raise UnsupportedSegment(f"{postings.name} is not a postings file of layout {LAYOUT_VERSION}")
        table = MappedStorage(storage).open_file(name)
        return ColumnarTermsReader(self, table, storage.file_length(name), postings)

    # Segments

    def new_segment(self, storage, indexname):
        return ColumnarSegment(self, indexname)


def check_layout(segment) -> None:
    found = getattr(segment, "layout_version", None)
    if found != LAYOUT_VERSION:
        raise UnsupportedSegment(
            f"segment {segment.segment_id()} has posting layout {found}, this program reads {LAYOUT_VERSION}"
        )


class ColumnarSegment(W3Segment):
    """A segment of this codec: its files are never assembled into one
    compound file (Whoosh reads a compound file's parts by copying them
    into memory, and these are read in place)."""

    def __init__(self, codec, indexname, doccount=0, segid=None, deleted=None):
        super().__init__(codec, indexname, doccount=doccount, segid=segid, deleted=deleted)
        self.layout_version = LAYOUT_VERSION

    def should_assemble(self) -> bool:
        return False


class ColumnarFieldWriter(FieldWriter):
    """Writes the term table and the postings file of a segment.

    Whoosh hands a segment's postings over sorted by field, term and
    document; each term's postings are collected and written as one record.
    """

    def __init__(self, codec, storage, segment):
        self._codec = codec
        self._table = TermTableWriter(segment.create_file(storage, codec.TERMS_EXT))
        self._fieldmap = self._table.extras["fieldmap"] = {}
        self._postfile = segment.create_file(storage, codec.POSTINGS_EXT)
        self._postfile.write(_POSTINGS_MAGIC)
        self._postings = ColumnarPostingsWriter(self._postfile)
        self._field: tuple[str, Any, int] | None = None  # (name, field object, number)
        # the field's length code per document, when known and not all 0
        # (the entity fields keep no lengths: each term's are all 0 then)
        self._codes: bytes | None = None
        self._text = None
        self.is_closed = False

    def add_postings(self, schema, lengths, items):
        """Writes (fieldname, text, docnum, weight, value) postings, sorted,
        a term at a time (Whoosh's base class takes them one by one); or
        the terms of a TermPool, from its arrays."""
        if isinstance(items, TermPool):
            self._add_pool(schema, lengths, items)
            return
        last = None
        field_name = None
        for (fieldname, text), group in groupby(items, key=itemgetter(0, 1)):
            if last is not None and (fieldname, text) <= last:
                raise OutOfOrderError(f"term {fieldname}:{text!r} after {last[0]}:{last[1]!r}")
            last = (fieldname, text)
            if fieldname != field_name:
                if field_name is not None:
                    self.finish_field()
                self.start_field(fieldname, schema[fieldname], lengths)
                field_name = fieldname
            postings = [p for p in group if p[2] != -1]  # -1: a spelling word, not a posting
            if not postings:
                continue
            ids = [p[2] for p in postings]
            self._write(text, ids, [p[3] for p in postings], [p[4] or b"" for p in postings], self._lengths_of(ids))
        if field_name is not None:
            self.finish_field()

    def _add_pool(self, schema, lengths, pool: TermPool) -> None:
        """Writes the pool's terms, and those of the segments it merges, a
        term at a time: each term's postings from the pool and from each
        segment (renumbered, deleted documents dropped), joined."""
        sources = [(self._codec.terms_reader(m.storage, m.segment), m.renumbered) for m in pool.merged]
        try:
            names = set(pool.fields()).union(*(terms.indexed_field_names() for terms, _ in sources))
            for fieldname in sorted(names):
                if fieldname not in schema:
                    continue
                self.start_field(fieldname, schema[fieldname], lengths)
                if not sources:
                    self._add_pool_terms(fieldname, pool)
                    self.finish_field()
                    continue
                streams = [((text, 0, found) for text, found in pool.terms(fieldname))]
                streams += [
                    _segment_terms(terms, fieldname, i, renumbered)
                    for i, (terms, renumbered) in enumerate(sources, start=1)
                ]
                for text, parts in groupby(heapq.merge(*streams), key=itemgetter(0)):
                    found = [p for p in map(_part, parts) if p is not None]
                    if found:
                        ids, weights, values = _joined(found)
                        self._write(text, ids, weights, values, self._lengths_of(ids))
                self.finish_field()
        finally:
            for terms, _ in sources:
                terms.close()

    def _add_pool_terms(self, fieldname: str, pool: TermPool) -> None:
        """Writes a field's terms from the pool alone (no segment merged in):
        the small terms of a field without positions through counted_record,
        a run of them at a time (_add_records), the others one by one."""
        assert self._field is not None
        kind = value_kind(self._field[1].format)
        counted = kind in (VALUES_FREQUENCY, VALUES_NONE)
        built: list[tuple[bytes, bytes, bytes]] = []  # (text, record, term info) not written yet
        codes = self._codes
        for text, found in pool.terms(fieldname):
            count = len(found.docs)
            if counted and count == 1:  # most of them: an entity name in one article
                doc = found.docs[0]
                length = _LENGTH_OF_CODE[codes[doc]] if codes else 0
                record = one_posting_record(kind, doc, found.weights[0], found.values, found.sizes[0], length)
                if record is not None:
                    built.append((text, *record))
                    continue
            elif counted and count <= SMALL_POSTINGS:
                ids = found.docs.tolist()
                record = counted_record(
                    kind, ids, found.weights.tolist(), bytes(found.values), found.sizes, self._lengths_of(ids)
                )
                if record is not None:
                    built.append((text, *record))
                    continue
            self._add_records(built)  # the terms before it first: the table takes them in order
            built = []
            part = _part((text, 0, found))
            assert part is not None  # a pool's term holds postings
            ids, weights, values = part
            self._write(text, ids, weights, values, self._lengths_of(ids))
        self._add_records(built)

    def _add_records(self, built: list[tuple[bytes, bytes, bytes]]) -> None:
        """Writes terms' records built already, (text, record, term info)
        each in term order, with one write to each file."""
        if not built:
            return
        assert self._field is not None
        prefix = pack_ushort(self._field[2])
        infos = self._postings.write_records([(record, info) for _, record, info in built])
        self._table.add_many([(prefix + text, info) for (text, _, _), info in zip(built, infos)])

    def start_field(self, fieldname, fieldobj, lengths=None):
        number = self._fieldmap.setdefault(fieldname, len(self._fieldmap))
        self._field = (fieldname, fieldobj, number)
        self._codes = None
        if lengths is not None and hasattr(lengths, "length_codes"):
            codes = lengths.length_codes(fieldname)
            self._codes = codes.tobytes() if codes.any() else None

    def start_term(self, text):
        if self._field is None:
            raise RuntimeError("start_term called before start_field")
        self._text = text
        self._postings.start_postings(self._field[1].format, None)

    def add(self, docnum, weight, vbytes, length):
        self._postings.add_posting(docnum, weight, vbytes, length)

    def finish_term(self):
        self._add_term(self._text, self._postings.finish_postings())

    def finish_field(self):
        if self._field is None:
            raise RuntimeError("finish_field called before start_field")
        self._field = None

    def close(self):
        self._table.close()
        self._postfile.close()
        self.is_closed = True

    def _write(self, text, ids, weights, values, lengths):
        if self._field is None:
            raise RuntimeError("a term written before start_field")
        self._add_term(text, self._postings.write_term(self._field[1].format, ids, weights, values, lengths))

    def _lengths_of(self, ids):
        """Each posting's document length, as Whoosh's length column gives it back."""
        codes = self._codes
        if isinstance(ids, np.ndarray):
            if not codes:
                return np.zeros(len(ids), dtype=np.int64)
            return BYTE_LENGTHS[np.frombuffer(codes, dtype=np.uint8)[ids]]
        if not codes:
            return [0] * len(ids)
        return [_LENGTH_OF_CODE[codes[d]] for d in ids]

    def _add_term(self, text, terminfo):
        if self._field is None:
            raise RuntimeError("a term written before start_field")
        self._table.add(pack_ushort(self._field[2]) + text, terminfo.to_bytes())


def _segment_terms(terms, fieldname: str, source: int, renumbered):
    """(text, source, (PostingList, renumbered)) of a merged segment's terms."""
    for text, postings in terms.field_posting_lists(fieldname):
        yield text, source, (postings, renumbered)


def _part(item):
    """One source's postings of a term, as (ids, weights, ValueRun): from the
    pool (a TermBuffer), or from a merged segment (renumbered, deleted
    documents dropped; None if none is left)."""
    _, source, found = item
    if source == 0:
        if len(found) <= SMALL_POSTINGS:
            return found.docs.tolist(), found.weights.tolist(), ValueRun(bytes(found.values), found.sizes.tolist())
        return (
            np.frombuffer(found.docs, dtype=np.uint32).astype(np.int64),
            np.frombuffer(found.weights, dtype=np.float32),
            ValueRun(found.values, np.frombuffer(found.sizes, dtype=np.uint32)),
        )
    postings, renumbered = found
    docs = renumbered[postings.docs()]
    weights = postings.weights()
    run = postings.value_run()
    blob, sizes = (run.blob, run.sizes) if run is not None else (b"", np.zeros(len(docs), dtype=np.int64))
    kept = docs >= 0
    if not kept.all():
        if not kept.any():
            return None
        if len(blob):
            blob = np.frombuffer(blob, dtype=np.uint8)[np.repeat(kept, sizes)].tobytes()
        docs, weights, sizes = docs[kept], weights[kept], sizes[kept]
    return docs, weights, ValueRun(blob, sizes)


def _joined(parts):
    """One term's postings from its sources, in document order."""
    if len(parts) == 1:
        return parts[0]
    parts = sorted(parts, key=lambda part: int(part[0][0]))
    return (
        np.concatenate([np.asarray(ids, dtype=np.int64) for ids, _, _ in parts]),
        np.concatenate([np.asarray(weights, dtype=np.float64) for _, weights, _ in parts]),
        ValueRun(
            b"".join(bytes(run.blob) for _, _, run in parts),
            np.concatenate([np.asarray(run.sizes, dtype=np.int64) for _, _, run in parts]),
        ),
    )


class ColumnarTermsReader(W3TermsReader):
    """Whoosh's W3 term table, its postings read through this codec; and,
    for searchidx's array scorer, a term's postings as a PostingList."""

    def __init__(self, codec, dbfile, length, postings: MappedFile):
        super().__init__(codec, dbfile, length, postings)
        self.postings_file = postings

    def posting_list(self, fieldname: str, text: bytes) -> PostingList | None:
        """The term's postings, or None if the segment lacks it."""
        try:
            info = self.term_info(fieldname, text)
        except TermNotFound:
            return None
        return PostingList(self.postings_file.buffer, info.extent()[0])

    def field_posting_lists(self, fieldname: str):
        """(text, PostingList) of every term of the field, in term order."""
        for (name, text), info in self.items_from(fieldname, b""):
            if name != fieldname:
                break
            yield text, PostingList(self.postings_file.buffer, info.extent()[0])


class ColumnarPerDocWriter(W3PerDocWriter):
    """Whoosh's W3 per-document writer, also keeping each text field's
    lengths for the lengths file, and the token starts a format noted."""

    def __init__(self, codec, storage, segment):
        super().__init__(codec, storage, segment)
        self._target = (codec, storage, segment)
        self._lengths: dict[str, array] = {}
        self._documents = 0

    def start_doc(self, docnum):
        super().start_doc(docnum)
        self._documents = docnum + 1

    def add_field(self, fieldname, fieldobj, value, length):
        super().add_field(fieldname, fieldobj, value, length)
        starts_field = getattr(fieldobj.format, "starts_field", None)
        if starts_field and value is not None:
            starts = analysed_starts(value)
            if starts is not None:
                super().add_field(starts_field, fieldobj, encode_starts(starts), 0)
        if length:
            column = self._lengths.setdefault(fieldname, array("I"))
            docnum = self._documents - 1
            if len(column) < docnum:
                column.frombytes(bytes(4 * (docnum - len(column))))  # documents without the field: 0
            del column[docnum:]
            column.append(length)

    def cancel_doc(self):
        super().cancel_doc()
        self._documents -= 1
        for column in self._lengths.values():
            del column[self._documents :]

    def close(self):
        super().close()
        codec, storage, segment = self._target
        with segment.create_file(storage, codec.LENGTHS_EXT) as file:
            write_lengths(file, self._documents, self._lengths)


class ColumnarPerDocReader(W3PerDocReader):
    """Whoosh's W3 per-document reader, and each field's lengths as an array."""

    def __init__(self, storage, segment):
        super().__init__(storage, segment)
        self._lengths_name = segment.make_filename(ColumnarCodec.LENGTHS_EXT)
        self._lengths_storage = storage
        self._lengths: LengthsFile | None = None

    def length_codes(self, fieldname: str) -> np.ndarray:
        """Each document's length code in the field (0: none), as uint8."""
        return self._lengths_file().codes(fieldname)

    def exact_lengths(self, fieldname: str) -> np.ndarray:
        """Each document's length in the field as counted (0: none); Whoosh
        keeps only the one-byte code, and a merge adding those up again
        would change the field's average length."""
        return self._lengths_file().lengths(fieldname)

    def _lengths_file(self) -> LengthsFile:
        if self._lengths is None:
            self._lengths = LengthsFile(self._lengths_storage, self._lengths_name)
        return self._lengths

    def close(self):
        super().close()
        if self._lengths is not None:
            self._lengths.close()
            self._lengths = None
