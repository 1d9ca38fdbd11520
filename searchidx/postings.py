"""Posting lists and field lengths of one index reader, decoded once into arrays.

Whoosh scores a query by walking one matcher object per term, posting by
posting, in Python; a common word is in most of 20,000 articles, so a query
of a few such words spends most of its time there. Here each term's posting
list is read once per reader, block by block, into two numpy arrays
(document numbers and term weights), and each text field's lengths into one
array, so searchidx.scorer can score a whole posting list in a few vector
operations. The arrays are kept (up to MAX_CACHED_TERMS, least recently used
dropped first) for as long as the reader is: the cache belongs to one
reader, and a new reader (after the index changed) gets a new cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pickle import loads

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.formats import _INT_SIZE, Positions
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import byte_to_length

# A position within a document fits below this, so (document, position) is one
# number: document * POSITION_SPAN + position (see `positions`).
POSITION_SPAN = 1 << 24

# Decoded terms kept per reader, by count and by size (16 bytes a posting:
# a word in every one of 20,000 articles takes 320 kB).
MAX_CACHED_TERMS = 4096
MAX_CACHED_BYTES = 128 * 1024 * 1024

_EMPTY_DOCS = np.zeros(0, dtype=np.int64)
_EMPTY_WEIGHTS = np.zeros(0, dtype=np.float64)


class PostingCache:
    """Decoded postings, field lengths and the deleted-document mask of one reader."""

    def __init__(self, reader, max_terms: int = MAX_CACHED_TERMS, max_bytes: int = MAX_CACHED_BYTES):
        self.reader = reader
        self.size = reader.doc_count_all()
        self.max_terms = max_terms
        self.max_bytes = max_bytes
        self._bytes = 0
        self._terms: OrderedDict[tuple, object] = OrderedDict()  # ("postings"|"positions", field, term)
        self._lengths: dict[str, np.ndarray] = {}
        self._live: np.ndarray | None = None
        self._lock = threading.Lock()

    # -- postings ---------------------------------------------------------------
    def postings(self, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, weights) of a term, in document order; deleted ones included."""
        return self.remembered(("postings", fieldname, text), lambda: self._read_postings(fieldname, text))

    def _read_postings(self, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
        if (fieldname, text) not in self.reader:
            return _EMPTY_DOCS, _EMPTY_WEIGHTS
        docs: list[int] = []
        weights: list[float] = []
        for leaf, offset in self.reader.leaf_readers():
            if (fieldname, text) not in leaf:
                continue
            matcher = leaf.postings(fieldname, text)
            if isinstance(matcher, FilterMatcher):
                matcher = matcher.child  # deletions: masked by `live` instead
            start = len(docs)
            _read_matcher(matcher, docs, weights)
            if offset:
                docs[start:] = [d + offset for d in docs[start:]]
        return np.array(docs, dtype=np.int64), np.array(weights, dtype=np.float64)

    def positions(self, fieldname: str, text: bytes, within: np.ndarray) -> np.ndarray:
        """Every (document, position) of a term in the documents `within` (a
        mask), as document * POSITION_SPAN + position, ascending.

        Not kept: a phrase needs the positions of its candidate documents
        only (those holding all its words), and decoding a common word's
        positions in every article cost more than the rest of a search.
        Phrase results are kept instead (`phrase_docs`).
        """
        return self._read_positions(fieldname, text, within)

    def remembered(self, key: tuple, compute):
        """A value kept with this reader's decoded terms (the same LRU bound)."""
        with self._lock:
            found = self._terms.get(key)
            if found is not None:
                self._terms.move_to_end(key)
                return found
        found = compute()
        with self._lock:
            if key not in self._terms:
                self._terms[key] = found
                self._bytes += _nbytes(found)
            while len(self._terms) > 1 and (len(self._terms) > self.max_terms or self._bytes > self.max_bytes):
                _, dropped = self._terms.popitem(last=False)
                self._bytes -= _nbytes(dropped)
        return found

    def _read_positions(self, fieldname: str, text: bytes, within: np.ndarray) -> np.ndarray:
        if (fieldname, text) not in self.reader:
            return _EMPTY_DOCS
        docs: list[int] = []
        counts: list[int] = []
        positions: list[int] = []  # or, for the Positions format, their deltas
        deltas = type(self.reader.schema[fieldname].format) is Positions
        for leaf, offset in self.reader.leaf_readers():
            if (fieldname, text) not in leaf:
                continue
            matcher = leaf.postings(fieldname, text)
            if isinstance(matcher, FilterMatcher):
                matcher = matcher.child
            decode = _position_deltas if deltas else leaf.schema[fieldname].format.decode_positions
            if hasattr(matcher, "_read_ids") and hasattr(matcher, "_read_values") and hasattr(matcher, "_next_block"):
                while matcher.is_active():  # W3 codec: a block at a time
                    matcher._read_ids()
                    matcher._read_values()
                    for docnum, value in zip(matcher._ids, matcher._values):
                        if not within[docnum + offset]:
                            continue
                        found = decode(value)
                        docs.append(docnum + offset)
                        counts.append(len(found))
                        positions.extend(found)
                    matcher._next_block()
                continue
            while matcher.is_active():
                if not within[matcher.id() + offset]:
                    matcher.next()
                    continue
                found = matcher.value_as("positions")
                if deltas:
                    found = np.diff(found, prepend=0).tolist()
                docs.append(matcher.id() + offset)
                counts.append(len(found))
                positions.extend(found)
                matcher.next()
        counts_array = np.array(counts, dtype=np.int64)
        keys = np.repeat(np.array(docs, dtype=np.int64), counts_array) * POSITION_SPAN
        values = np.array(positions, dtype=np.int64)
        if deltas and len(values):
            # Each document's deltas summed from its own start: one running
            # sum, less the sum reached before the document's first delta.
            running = np.cumsum(values)
            held = counts_array[counts_array > 0]
            firsts = np.cumsum(held) - held
            values = running - np.repeat(running[firsts] - values[firsts], held)
        return keys + values

    # -- per-document columns -------------------------------------------------
    def lengths(self, fieldname: str) -> np.ndarray:
        """Each document's length in the field, as the scorer sees it.

        Whoosh stores lengths in one byte each (rounded); this is the same
        decoded value its BM25F scorer uses, so scores agree.
        """
        found = self._lengths.get(fieldname)
        if found is None:
            found = np.concatenate(
                [_leaf_lengths(leaf, fieldname) for leaf, _ in self.reader.leaf_readers()] or [np.zeros(0)]
            )
            self._lengths[fieldname] = found
        return found

    def forget_terms(self) -> None:
        """Drops the decoded posting lists and phrase matches (the columns stay)."""
        with self._lock:
            self._terms.clear()
            self._bytes = 0

    @property
    def live(self) -> np.ndarray:
        """True for each document not deleted."""
        if self._live is None:
            if not self.reader.has_deletions():
                # asking every document (Whoosh's all_doc_ids) took 50 ms at 20,000
                self._live = np.ones(self.size, dtype=bool)
            else:
                live = np.zeros(self.size, dtype=bool)
                live[np.fromiter(self.reader.all_doc_ids(), dtype=np.int64)] = True
                self._live = live
        return self._live


# Whoosh's one-byte length code -> the length its scorer uses (0: no length).
_BYTE_LENGTHS = np.array([0.0] + [float(byte_to_length(b)) for b in range(1, 256)])


def _leaf_lengths(leaf, fieldname: str) -> np.ndarray:
    """One segment's field lengths, decoded as its doc_field_length decodes them.

    The W3 codec keeps them as a column of one byte per document: read whole
    (20,000 doc_field_length calls took 40 ms), else document by document.
    """
    count = leaf.doc_count_all()
    try:
        column = leaf._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            return np.zeros(count)
        if column._fixedlen == 1:
            stored = min(column._count, count)
            codes = np.zeros(count, dtype=np.uint8)
            codes[:stored] = np.frombuffer(column._dbfile.get(column._basepos, stored), dtype=np.uint8)
            return _BYTE_LENGTHS[codes]
    except AttributeError:
        pass  # another codec
    length = leaf.doc_field_length
    return np.array([length(d, fieldname, 0) or 0 for d in range(count)], dtype=np.float64)


def _position_deltas(value: bytes) -> list[int]:
    """The gaps between a posting's positions, as Whoosh's Positions format
    stores them (a count, then the pickled list of deltas), left undecoded:
    the caller sums every posting's gaps at once (numpy) instead of in a
    Python loop per position (Positions.decode_positions)."""
    if not value.endswith(b"."):
        value += b"."
    return loads(value[_INT_SIZE:])


def _nbytes(value) -> int:
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, tuple):
        return sum(_nbytes(v) for v in value)
    return 64


def leaf_term_docs(leaf, fieldname: str, text: bytes, offset: int = 0) -> list[int]:
    """Document numbers (plus offset) of a term in one segment, deleted ones
    included, read a block at a time. Whoosh's all_ids() yields them one by
    one through a deletion filter: reading every entity's documents of
    20,000 articles that way took 2 s."""
    matcher = leaf.postings(fieldname, text)
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    docs: list[int] = []
    if hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block"):
        while matcher.is_active():
            matcher._read_ids()
            docs.extend(matcher._ids)
            matcher._next_block()
    else:
        while matcher.is_active():
            docs.append(matcher.id())
            matcher.next()
    return [d + offset for d in docs] if offset else docs


def _read_matcher(matcher, docs: list[int], weights: list[float]) -> None:
    """Appends a leaf matcher's postings; whole blocks at a time when the codec allows."""
    if hasattr(matcher, "_read_ids") and hasattr(matcher, "_read_weights") and hasattr(matcher, "_next_block"):
        # Whoosh's W3 codec: each block decoded in one go (the same calls its
        # id() and weight() make lazily, posting by posting).
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            docs.extend(matcher._ids)
            weights.extend(matcher._weights)
            matcher._next_block()
        return
    while matcher.is_active():
        docs.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
