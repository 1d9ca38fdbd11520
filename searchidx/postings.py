"""Posting lists and field lengths of one index reader, decoded once into arrays.

Whoosh scores a query by walking one matcher object per term, posting by
posting, in Python; a common word is in most of 20,000 articles, so a query
of a few such words spends most of its time there. Here each term's posting
list is read once per reader, block by block, into two numpy arrays
(document numbers and term weights), and each text field's lengths into one
array, so searchidx.scorer can score a whole posting list in a few vector
operations; the words of a phrase keep each posting's stored value too
(its encoded positions), read in the same pass. The arrays are kept (up to
MAX_CACHED_TERMS, least recently used dropped first) for as long as the
reader is: the cache belongs to one reader, and a new reader (after the
index changed) gets a new cache.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from contextlib import contextmanager
from itertools import chain
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
        with self._lock:
            read = self._terms.get(("values", fieldname, text))
        if read is not None:  # read for a phrase already
            return read[0], read[1]
        return self.remembered(("postings", fieldname, text), lambda: self._read_postings(fieldname, text))

    def postings_with_values(self, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray, list[bytes]]:
        """`postings`, and each posting's value as stored (its encoded
        positions), read in the same pass over the blocks: a phrase needs
        both, and decompressing and unpickling a common word's blocks twice
        cost a third of a phrase search."""
        return self.remembered(("values", fieldname, text), lambda: self._read_postings(fieldname, text, values=True))

    def _read_postings(self, fieldname: str, text: bytes, values: bool = False) -> tuple:
        if (fieldname, text) not in self.reader:
            return (_EMPTY_DOCS, _EMPTY_WEIGHTS, []) if values else (_EMPTY_DOCS, _EMPTY_WEIGHTS)
        docs: list[int] = []
        weights: list[float] = []
        stored: list[bytes] | None = [] if values else None
        for leaf, offset in self.reader.leaf_readers():
            if (fieldname, text) not in leaf:
                continue
            matcher = leaf.postings(fieldname, text)
            if isinstance(matcher, FilterMatcher):
                matcher = matcher.child  # deletions: masked by `live` instead
            start = len(docs)
            _read_matcher(matcher, docs, weights, stored)
            if offset:
                docs[start:] = [d + offset for d in docs[start:]]
        read = np.array(docs, dtype=np.int64), np.array(weights, dtype=np.float64)
        return read + (stored,) if values else read

    def positions(self, fieldname: str, text: bytes, within: np.ndarray) -> np.ndarray:
        """Every (document, position) of a term in the documents `within` (a
        mask), as document * POSITION_SPAN + position, ascending.

        Not kept: a phrase needs the positions of its candidate documents
        only (those holding all its words), and decoding a common word's
        positions in every article cost more than the rest of a search.
        What is kept is the values they are decoded from (with the term's
        postings) and each phrase's matches (searchidx.scorer).
        """
        docs, _, stored = self.postings_with_values(fieldname, text)
        chosen = np.flatnonzero(within[docs])
        if not len(chosen):
            return _EMPTY_DOCS
        values = [stored[i] for i in chosen.tolist()]
        form = self.reader.schema[fieldname].format
        gaps = type(form) is Positions  # stored as the gaps between positions
        with _collector_paused():
            lists = _joined_gaps(values) if gaps else [form.decode_positions(value) for value in values]
            counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
            found = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(counts.sum()))
            del lists
        if gaps:
            # Each document's gaps summed from its own start: one running
            # sum, less the sum reached before the document's first gap.
            running = np.cumsum(found)
            held = counts[counts > 0]
            firsts = np.cumsum(held) - held
            found = running - np.repeat(running[firsts] - found[firsts], held)
        return np.repeat(docs[chosen], counts) * POSITION_SPAN + found

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


@contextmanager
def _collector_paused():
    """Python's cycle collector off for a moment: a common word's positions
    are decoded as one list per posting (thousands of containers, freed
    again by reference counting a moment later), and each 700 of them set
    off a collection. On the latency benchmark's 60 phrase queries (20,000
    articles) collecting took 170 ms, and 6 ms with it paused here; phrase
    p95 went from 58 to 46 ms."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# A Positions value as Whoosh-Reloaded writes it: the count (4 bytes), then
# pickle.dumps(gaps, 2), which opens with PROTO 2 and ends with STOP.
_PROTO_2 = b"\x80\x02"


def _joined_gaps(values: list[bytes]) -> list[list[int]]:
    """Each Positions value's gaps between positions, unpickled in one call:
    the values' pickle bodies (between PROTO and STOP), put between MARK and
    LIST, are one pickle of the list of gap lists. One call per value cost
    3 µs a posting; the gaps are summed by the caller in numpy."""
    if not values:
        return []
    first = values[0]
    if first[_INT_SIZE : _INT_SIZE + 2] != _PROTO_2 or not first.endswith(b"."):
        return [_position_gaps(value) for value in values]  # not written by this Whoosh
    start = _INT_SIZE + 2
    return loads(_PROTO_2 + b"(" + b"".join([value[start:-1] for value in values]) + b"l.")


def _position_gaps(value: bytes) -> list[int]:
    """One Positions value's gaps (a count, then the pickled list of gaps;
    Whoosh before Reloaded left the pickle's STOP off)."""
    if not value.endswith(b"."):
        value += b"."
    return loads(value[_INT_SIZE:])


def _nbytes(value) -> int:
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, tuple):
        return sum(_nbytes(v) for v in value)
    if isinstance(value, list):  # stored values: bytes objects of ~50 bytes
        return 8 * len(value) + sum(map(len, value)) + 33 * len(value)
    return 64


def leaf_term_docs(leaf, fieldname: str, text: bytes, offset: int = 0) -> list[int]:
    """Document numbers (plus offset) of a term in one segment, deleted ones
    included, read a block at a time. Whoosh's all_ids() yields them one by
    one through a deletion filter: reading every entity's documents of
    20,000 articles that way took 2 s."""
    matcher = leaf.postings(fieldname, text)
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    return _matcher_docs(matcher, offset)


def leaf_field_docs(leaf, fieldname: str, offset: int = 0):
    """(term, document numbers plus offset) of every term of a field in one
    segment, in term order, deleted documents included.

    Whoosh's W3 codec is walked in term order, each term's postings opened
    from the term info the walk already holds: asking for each term by name
    (`leaf_term_docs` over `lexicon`) looked it up in the term table's hash
    twice, and took twice as long (the first facet search of 20,000 articles
    reads about 8,600 entity terms). Other codecs go term by term.
    """
    terms = getattr(leaf, "_terms", None)
    codec = getattr(leaf, "_codec", None)
    if not all(hasattr(terms, name) for name in ("items_from", "_postfile")) or not hasattr(codec, "postings_reader"):
        for text in leaf.lexicon(fieldname):
            yield text, leaf_term_docs(leaf, fieldname, text, offset)
        return
    form = leaf.schema[fieldname].format
    for (name, text), info in terms.items_from(fieldname, b""):
        if name != fieldname:
            break
        matcher = codec.postings_reader(terms._postfile, info, form, term=(name, text))
        yield text, _matcher_docs(matcher, offset)


def _matcher_docs(matcher, offset: int) -> list[int]:
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


def _read_matcher(matcher, docs: list[int], weights: list[float], values: list[bytes] | None = None) -> None:
    """Appends a leaf matcher's postings (and, when `values` is a list, each
    posting's stored value); whole blocks at a time when the codec allows."""
    if all(hasattr(matcher, name) for name in ("_read_ids", "_read_weights", "_read_values", "_next_block")):
        # Whoosh's W3 codec: each block decoded in one go (the same calls its
        # id() and weight() make lazily, posting by posting).
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            docs.extend(matcher._ids)
            weights.extend(matcher._weights)
            if values is not None:
                matcher._read_values()
                values.extend(matcher._values)
            matcher._next_block()
        return
    while matcher.is_active():
        docs.append(matcher.id())
        weights.append(matcher.weight())
        if values is not None:
            values.append(matcher.value())
        matcher.next()
