"""A segment writer's postings kept per term as arrays until the segment is written.

Whoosh's writer pools every posting as a tuple (field, term, document,
weight, value), sorts them all when the segment is written (spilling
sorted runs to disk and merging them when its memory limit is reached),
and hands them to the codec one by one. A tuple costs ~200 bytes, and
sorting and handing them over is Python work for each posting. Here each
term's postings are appended to arrays as they come (documents arrive in
ascending order, so no sorting of postings is needed, only of the terms),
and the codec writes each term from its arrays (searchidx.codec.columnar).

Segments being merged into the new one are not copied into the pool: the
pool only notes them, and the codec reads their terms alongside the
pool's as it writes, one term at a time, so a merge holds one term's
postings in memory, not the segments'. The pool's own memory is bounded
by its writer (`full`), which then writes its segment and starts another.
"""

from __future__ import annotations

from array import array

import numpy as np
from whoosh.system import pack_uint


class TermBuffer:
    """One term's postings: documents, weights (float32, as Whoosh keeps
    them), and each one's value (its size, and the values one after another)."""

    __slots__ = ("docs", "weights", "sizes", "values")

    def __init__(self):
        self.docs = array("I")
        self.weights = array("f")
        self.sizes = array("I")
        self.values = bytearray()

    def __len__(self) -> int:
        return len(self.docs)


# Estimated memory of a term's buffer, and of a posting with its value
# (measured: 5,000 articles, 1.29 million postings in 31,646 terms, held
# in ~60 MB).
_TERM_BYTES = 400
_POSTING_BYTES = 40


class MergedSegment:
    """A segment merged into the one being written: where it is, and each
    of its document numbers' new one (-1: deleted, dropped)."""

    __slots__ = ("storage", "segment", "renumbered")

    def __init__(self, storage, segment, renumbered: np.ndarray):
        self.storage = storage
        self.segment = segment
        self.renumbered = renumbered


class TermPool:
    """Postings by field and term (Whoosh's posting pool interface: `add`,
    `iter_postings`, `cleanup`), and `add_arrays` for whole lists at once."""

    def __init__(self, limit_mb: float | None = None):
        self._fields: dict[str, dict[bytes, TermBuffer]] = {}
        # The field last added to, and its terms.
        self._field: tuple[str | None, dict[bytes, TermBuffer]] = (None, {})
        self.postings = 0
        self.terms_count = 0
        self.limit = None if limit_mb is None else limit_mb * 1024 * 1024
        self.merged: list[MergedSegment] = []

    def add(self, item) -> None:
        """One posting: (fieldname, text, docnum, weight, value)."""
        fieldname, text, docnum, weight, value = item
        if docnum < 0:
            return  # a word for a separate spelling field: no posting
        name, terms = self._field
        if name != fieldname:
            terms = self._fields.setdefault(fieldname, {})
            self._field = (fieldname, terms)
        found = terms.get(text)
        if found is None:
            found = terms[text] = TermBuffer()
            self.terms_count += 1
        self.postings += 1
        found.docs.append(docnum)
        found.weights.append(weight)
        if value:
            found.values += value
            found.sizes.append(len(value))
        else:
            found.sizes.append(0)

    def add_postings(self, fieldname: str, docnum: int, postings) -> None:
        """One document's postings in one field, (text, weight, value) each:
        `add` for a whole list, without a call and a tuple a posting."""
        if not postings:
            return  # an empty field names no field in the segment (as with `add`)
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
        for text, weight, value in postings:
            found = terms.get(text)
            if found is None:
                found = terms[text] = TermBuffer()
                self.terms_count += 1
            found.docs.append(docnum)
            found.weights.append(weight)
            found.sizes.append(len(value))
            found.values += value
        self.postings += len(postings)

    def add_counts(
        self, fieldname: str, docnum: int, counts: dict[str, int], format_boost: float, boost: float
    ) -> None:
        """One document's terms in a Frequency field (the entity names),
        each with its count: `add_postings` of each term with its value as
        Whoosh's Frequency format packs the count and its weight as it
        makes it (the count times the format's boost), times `boost`;
        without a tuple a term."""
        if not counts:
            return  # as add_postings
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
        for word, count in counts.items():
            text = word.encode("utf-8")
            found = terms.get(text)
            if found is None:
                found = terms[text] = TermBuffer()
                self.terms_count += 1
            value = pack_uint(count)
            found.docs.append(docnum)
            found.weights.append(float(count) * format_boost * boost)
            found.sizes.append(len(value))
            found.values += value
        self.postings += len(counts)

    def memory(self) -> int:
        """An estimate of the memory the pooled postings hold."""
        return self.terms_count * _TERM_BYTES + self.postings * _POSTING_BYTES

    def full(self) -> bool:
        """Whether the pool holds as much as its writer allows."""
        return self.limit is not None and self.memory() >= self.limit

    def merge(self, storage, segment, renumbered: np.ndarray) -> None:
        """Notes a segment whose postings go into the new one, renumbered."""
        self.merged.append(MergedSegment(storage, segment, renumbered))

    def add_arrays(
        self, fieldname: str, text: bytes, docs: np.ndarray, weights: np.ndarray, blob: bytes, sizes
    ) -> None:
        """A term's postings at once (documents ascending, after any held)."""
        if not len(docs):
            return
        terms = self._fields.setdefault(fieldname, {})
        found = terms.get(text)
        if found is None:
            found = terms[text] = TermBuffer()
            self.terms_count += 1
        self.postings += len(docs)
        found.docs.frombytes(np.asarray(docs, dtype=np.uint32).tobytes())
        found.weights.frombytes(np.asarray(weights, dtype=np.float32).tobytes())
        found.sizes.frombytes(np.asarray(sizes, dtype=np.uint32).tobytes())
        found.values += blob

    def iter_postings(self):
        """Whoosh asks for the pooled postings to hand them to the codec's
        field writer; this codec's writer takes the pool itself."""
        return self

    def fields(self) -> list[str]:
        return sorted(self._fields)

    def terms(self, fieldname: str):
        """(text, TermBuffer) of the field's terms, in term order."""
        terms = self._fields.get(fieldname, {})
        for text in sorted(terms):
            yield text, terms[text]

    def cleanup(self) -> None:
        self._fields = {}
        self._field = (None, {})
        self.merged = []
        self.postings = self.terms_count = 0
