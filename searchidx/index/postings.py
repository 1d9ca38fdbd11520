"""Posting lists, field lengths and live documents of one index reader, as arrays.

Whoosh scores a query by walking one matcher object per term, posting by
posting, in Python. searchidx's codec (searchidx.codec) stores each term's
postings as arrays, so here a term's document numbers and weights across
all segments come straight from the mapped segment files as numpy arrays,
each text field's lengths as one array, and a phrase's words' positions
for the documents it asks about only; searchidx.rank.scorer scores them in a few
vector operations.

Nothing decoded is kept: the operating system keeps the mapped pages a
search touched, and a search process does not grow with the corpus. What
is kept per reader (`remembered`, bounded in bytes) are a few values built
from postings that a query asks for again: the keys sharing a prefix, their
summed frequencies, a phrase's matches.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from contextlib import contextmanager

import numpy as np

from searchidx.codec import ColumnarCodec, PostingList, UnsupportedSegment
from searchidx.codec.columnar import BYTE_LENGTHS

# A position within a document fits below this, so (document, position) is one
# number: document * POSITION_SPAN + position (see `positions`).
POSITION_SPAN = 1 << 24

# Values kept per reader by `remembered`, by count and by size.
MAX_REMEMBERED = 1024
MAX_REMEMBERED_BYTES = 32 * 1024 * 1024

_EMPTY_DOCS = np.zeros(0, dtype=np.int64)
_EMPTY_WEIGHTS = np.zeros(0, dtype=np.float64)
# Each one-byte length code's length, as Whoosh's scorer sees it.
LENGTH_OF_CODE = BYTE_LENGTHS.astype(np.float64)


class PostingReader:
    """Reads one index reader's postings through the codec's own readers
    (module docstring). Close it with the reader, or leave it to the
    garbage collector: it holds mapped files, not copies."""

    def __init__(self, reader, max_remembered: int = MAX_REMEMBERED, max_remembered_bytes: int = MAX_REMEMBERED_BYTES):
        self.reader = reader
        self.size = reader.doc_count_all()
        self._segments = []  # (terms reader, per-document reader, first document number)
        for leaf, offset in reader.leaf_readers():
            if leaf.segment() is None:  # an index without segments reads as one empty reader
                continue
            codec = leaf.codec()
            if not isinstance(codec, ColumnarCodec):
                raise UnsupportedSegment(
                    f"segment {leaf.segment().segment_id()} was written by {type(codec).__name__}, "
                    "not searchidx's codec: rebuild the index"
                )
            storage, segment = leaf.storage(), leaf.segment()
            self._segments.append(
                (codec.terms_reader(storage, segment), codec.per_document_reader(storage, segment), offset)
            )
        self._lengths: dict[str, np.ndarray] = {}
        self._live: np.ndarray | None = None
        self.max_remembered = max_remembered
        self.max_remembered_bytes = max_remembered_bytes
        self._remembered: OrderedDict[tuple, object] = OrderedDict()
        self._remembered_bytes = 0
        self._lock = threading.Lock()
        self._search_memo: dict | None = None

    def close(self) -> None:
        for terms, perdoc, _ in self._segments:
            terms.close()
            perdoc.close()
        self._segments = []
        self.forget()

    # -- postings ---------------------------------------------------------------
    @contextmanager
    def one_search(self):
        """Within, each term's postings are read once: a search asks again
        for what it scored (near forms, highlighting); forgotten after."""
        self._search_memo = {}
        try:
            yield self
        finally:
            self._search_memo = None

    def term_postings(self, fieldname: str, text: bytes) -> list[SegmentPostings]:
        """The term's postings in each segment holding it, in segment order."""
        memo = self._search_memo
        key = (fieldname, text)
        if memo is not None and key in memo:
            return memo[key]
        found = []
        for terms, _, offset in self._segments:
            postings = terms.posting_list(fieldname, text)
            if postings is not None:
                found.append(SegmentPostings(offset, postings))
        if memo is not None:
            memo[key] = found
        return found

    def postings(self, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, weights) of a term, in document order; deleted ones included."""
        found = self.term_postings(fieldname, text)
        if not found:
            return _EMPTY_DOCS, _EMPTY_WEIGHTS
        if len(found) == 1:
            return found[0].docs(), found[0].weights()
        return np.concatenate([f.docs() for f in found]), np.concatenate([f.weights() for f in found])

    def docs(self, fieldname: str, text: bytes) -> np.ndarray:
        """Document numbers of a term, in document order; deleted ones included."""
        found = [f.docs() for f in self.term_postings(fieldname, text)]
        return found[0] if len(found) == 1 else np.concatenate(found) if found else _EMPTY_DOCS

    def positions(self, fieldname: str, text: bytes, within: np.ndarray) -> np.ndarray:
        """Every (document, position) of a term in the documents `within` (a
        mask), as document * POSITION_SPAN + position, ascending. Only those
        documents' positions are read."""
        found = []
        for segment in self.term_postings(fieldname, text):
            docs = segment.docs()
            chosen = np.flatnonzero(within[docs])
            if len(chosen):
                counts, positions = segment.postings.positions(chosen)
                found.append(np.repeat(docs[chosen], counts) * POSITION_SPAN + positions)
        return np.concatenate(found) if found else _EMPTY_DOCS

    def positions_in(self, fieldname: str, text: bytes, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(document, position) of every occurrence of a term in the given
        documents (ascending): two arrays, one entry per occurrence."""
        found_docs, found_positions = [], []
        for segment in self.term_postings(fieldname, text):
            held = segment.docs()
            at = np.searchsorted(held, docs)
            inside = at < len(held)
            chosen = at[inside][held[at[inside]] == docs[inside]]
            if len(chosen):
                counts, positions = segment.postings.positions(chosen)
                found_docs.append(np.repeat(held[chosen], counts))
                found_positions.append(positions)
        if not found_docs:
            return _EMPTY_DOCS, _EMPTY_DOCS
        return np.concatenate(found_docs), np.concatenate(found_positions)

    # -- per-document columns ---------------------------------------------------
    def lengths(self, fieldname: str) -> np.ndarray:
        """Each document's length in the field, as Whoosh's scorer sees it
        (its one-byte length code, decoded), so scores agree."""
        return LENGTH_OF_CODE[self.length_codes(fieldname)]

    def lengths_of(self, fieldname: str, docs: np.ndarray) -> np.ndarray:
        """`lengths` of the given documents only."""
        return LENGTH_OF_CODE[self.length_codes(fieldname)[docs]]

    def length_codes(self, fieldname: str) -> np.ndarray:
        """Each document's one-byte length code in the field (0: none)."""
        found = self._lengths.get(fieldname)
        if found is None:
            parts = [perdoc.length_codes(fieldname) for _, perdoc, _ in self._segments]
            found = parts[0] if len(parts) == 1 else np.concatenate(parts or [np.zeros(0, dtype=np.uint8)])
            self._lengths[fieldname] = found
        return found

    @property
    def live(self) -> np.ndarray:
        """True for each document not deleted."""
        if self._live is None:
            live = np.ones(self.size, dtype=bool)
            for leaf, offset in self.reader.leaf_readers():
                deleted = list(leaf.segment().deleted_docs()) if leaf.segment() is not None else []
                if deleted:
                    live[np.asarray(deleted, dtype=np.int64) + offset] = False
            self._live = live
        return self._live

    # -- values built from postings ---------------------------------------------
    def remembered(self, key: tuple, compute):
        """compute(), kept under `key` while this reader is (least recently
        used dropped first, within the bounds)."""
        with self._lock:
            found = self._remembered.get(key)
            if found is not None:
                self._remembered.move_to_end(key)
                return found
        found = compute()
        with self._lock:
            if key not in self._remembered:
                self._remembered[key] = found
                self._remembered_bytes += _nbytes(found)
            while len(self._remembered) > 1 and (
                len(self._remembered) > self.max_remembered or self._remembered_bytes > self.max_remembered_bytes
            ):
                _, dropped = self._remembered.popitem(last=False)
                self._remembered_bytes -= _nbytes(dropped)
        return found

    def forget(self) -> None:
        """Drops the remembered values."""
        with self._lock:
            self._remembered.clear()
            self._remembered_bytes = 0


class SegmentPostings:
    """A term's PostingList in one segment, its document numbers those of the
    whole reader (read once)."""

    __slots__ = ("offset", "postings", "_docs")

    def __init__(self, offset: int, postings: PostingList):
        self.offset = offset
        self.postings = postings
        self._docs: np.ndarray | None = None

    def docs(self) -> np.ndarray:
        if self._docs is None:
            docs = self.postings.docs()
            self._docs = docs + self.offset if self.offset else docs
        return self._docs

    def weights(self) -> np.ndarray:
        return self.postings.weights()


def _nbytes(value) -> int:
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, (tuple, list)):
        return 64 + sum(_nbytes(v) for v in value)
    if isinstance(value, bytes):
        return 33 + len(value)
    return 64


def leaf_field_posting_lists(leaf, fieldname: str):
    """(term, its codec PostingList) of every term of a field in one segment,
    in term order, deleted documents included."""
    terms = leaf.codec().terms_reader(leaf.storage(), leaf.segment())
    try:
        yield from terms.field_posting_lists(fieldname)
    finally:
        terms.close()


def leaf_field_docs(leaf, fieldname: str, offset: int = 0):
    """(term, document numbers plus offset) of every term of a field in one segment."""
    for text, postings in leaf_field_posting_lists(leaf, fieldname):
        docs = postings.docs()
        yield text, (docs + offset if offset else docs).tolist()


def leaf_field_counts(leaf, fieldname: str, offset: int = 0):
    """(term, document numbers plus offset, occurrences in each) of every term
    of a field in one segment; the occurrences are ones where the field's
    format keeps no counts."""
    for text, postings in leaf_field_posting_lists(leaf, fieldname):
        docs = postings.docs()
        counts = postings.counts()
        yield text, docs + offset, (np.ones(len(docs), dtype=np.int64) if counts is None else counts)
