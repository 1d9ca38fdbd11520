"""Per-document values that filters and facets need, read once per index reader.

Date filters and facet counts run over every matching document, not just one
page, so they must not read stored fields (which unpickle whole articles).
The date, its precision and the year and month are sortable columns, and the
entity fields are small keyword lexicons: both are read into plain lists,
indexed by document number, the first time a reader needs them, and kept
beside the index (searchidx.index.column_cache) for the next process to read that
index state.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

import numpy as np
from whoosh.util.times import datetime_to_long, long_to_datetime

from analyzers.normalizer import strip_accents
from searchidx.dates import PartialDate
from searchidx.index.column_cache import ColumnCache
from searchidx.index.entities import Signature, Signatures, find_signatures, name_aliases, one_name_per_entity
from searchidx.index.postings import leaf_field_docs
from searchidx.index.schema import ENTITY_FIELDS

# Whoosh stores this in a numeric column for documents without a value.
_MISSING_NUMBER = 2**63

# A document's date precision, as DocTable numbers it.
PRECISIONS = (None, "year", "month", "day")
NO_DATE = -1  # the start and end of an undated document (Whoosh's longs are positive)
# 1970-01-01 as Whoosh's long (microseconds since 0001-01-01).
_EPOCH_LONG = datetime_to_long(datetime(1970, 1, 1))


@lru_cache(maxsize=1 << 16)
def _period_end(raw: int, precision: str) -> int:
    start = long_to_datetime(raw)
    period = PartialDate(
        start.year,
        start.month if precision in ("month", "day") else None,
        start.day if precision == "day" else None,
    )
    return datetime_to_long(period.end)


def column_values(reader, fieldname: str) -> list:
    """Every document's raw value of a column, in document order.

    Read segment by segment: Whoosh's reader over several segments skips a
    segment that wrote no file for the column (none of its documents had a
    value), which shifts later segments' values onto the wrong documents
    and leaves the list short; a segment's own reader gives its documents
    the column's default instead.
    """
    values: list = []
    for leaf, _ in reader.leaf_readers():
        values.extend(leaf.column_reader(fieldname, translate=False))
    return values


def fold_key(text: str) -> str:
    """Lowercase, ë→e, ç→c and other accents dropped: how a typed name is compared."""
    return strip_accents(text.casefold())


def packed_words(bits: np.ndarray) -> np.ndarray:
    """Booleans packed 64 to a word along the last axis (the documents), the
    last word padded with zeros: two such rows over the same documents are
    ANDed and their bits counted a word at a time."""
    packed = np.packbits(bits, axis=-1, bitorder="little")
    pad = -packed.shape[-1] % 8
    if pad:
        packed = np.concatenate([packed, np.zeros((*packed.shape[:-1], pad), dtype=np.uint8)], axis=-1)
    return packed.view(np.uint64)


@dataclass
class EntityColumn:
    """One entity field: each value's documents.

    Values are the index-wide canonical names (`canonical`): a stored
    ``Nehammeri`` counts, filters and shows as ``Nehammer`` when the field
    also holds ``Nehammer`` (searchidx.index.entities.inflected_bases, the rule
    `searchidx entities` applies), so a facet value's documents are those
    of all its forms, each counted once.

    Values are numbered by their place in `names`, the value held by the
    most documents first (ties by name): facets count values in that order
    and stop once no later value can reach the top (searchidx.results.facets).
    Each document's values, what facets count for few matches, are kept for
    all entity fields together (EntityRows).
    """

    names: list[str]
    value_starts: np.ndarray  # value v's documents: value_docs[value_starts[v] : value_starts[v + 1]]
    value_docs: np.ndarray
    size: int  # documents in the reader
    by_name: dict[str, set[str]] = field(default_factory=dict)  # folded whole stored name -> canonical values
    by_word: dict[str, set[str]] = field(default_factory=dict)  # folded word of a stored name -> canonical values
    canonical: dict[str, str] = field(default_factory=dict)  # every live stored value -> its canonical value
    _numbers: dict[str, int] | None = field(default=None, repr=False, compare=False)
    _common_bits: np.ndarray | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_docs(cls, docs_of: dict[str, list[int]], size: int, **lookups) -> EntityColumn:
        """The column of `docs_of` (each value's documents, ascending) over `size` documents."""
        names = sorted(docs_of, key=lambda name: (-len(docs_of[name]), name))
        totals = np.array([len(docs_of[name]) for name in names], dtype=np.int64)
        value_starts = np.concatenate([[0], np.cumsum(totals)]).astype(np.int64)
        value_docs = np.fromiter((d for name in names for d in docs_of[name]), dtype=np.int32, count=int(totals.sum()))
        return cls(names, value_starts, value_docs, size, **lookups)

    def common_value_bits(self) -> np.ndarray:
        """The documents of the values held by 1/32 of the documents or more
        (values 0 to k-1: the most held come first) as rows of bits, 64 to
        a word (packed_words): a row is then no larger than the value's list
        of document numbers, and facets count a query's many matches among
        them a word at a time. Made on first use."""
        if self._common_bits is None:
            size = self.size
            totals = np.diff(self.value_starts)
            k = int(np.searchsorted(-totals, -max(1, size // 32), side="right"))
            rows = np.zeros((k, size), dtype=bool)
            rows[np.repeat(np.arange(k), totals[:k]), self.value_docs[: int(self.value_starts[k])]] = True
            self._common_bits = packed_words(rows)
        return self._common_bits

    def number(self, name: str) -> int | None:
        if self._numbers is None:
            self._numbers = {value: n for n, value in enumerate(self.names)}
        return self._numbers.get(name)

    def docs_of(self, name: str) -> np.ndarray:
        """The documents holding the canonical value `name`, ascending."""
        n = self.number(name)
        if n is None:
            return self.value_docs[:0]
        return self.value_docs[self.value_starts[n] : self.value_starts[n + 1]]

    def matching_values(self, typed: str) -> set[str]:
        """The canonical names a typed name stands for.

        The whole name if one matches (case and diacritics aside: `kines`
        finds `Kinës`; any stored form: `Nehammeri` finds `Nehammer`), else
        every name with it as a word (`Putin` finds `Vladimir Putin`). Whole
        names first keep a facet value's filter exactly as wide as its count.
        """
        key = fold_key(" ".join(typed.split()))
        found = self.by_name.get(key)
        if found:
            return found
        # another name of an entity the column holds: SHBA for Shtetet e
        # Bashkuara, Kosovës for Kosova, Vucic for Aleksandar Vučić
        found = {name for alias in name_aliases(typed) for name in self.by_name.get(fold_key(alias), ())}
        return found or self.by_word.get(key, set())

    def canonical_name(self, value: str) -> str:
        """The name a stored value is counted, filtered and shown under."""
        return self.canonical.get(value, value)


def _pair_runs(starts: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """Indexes of the values of each document in `docs`, one document's run
    after another, where document d's are starts[d] to starts[d + 1]."""
    first, sizes = starts[docs], starts[docs + 1] - starts[docs]
    return np.repeat(first - (np.cumsum(sizes) - sizes), sizes) + np.arange(int(sizes.sum()))


@dataclass
class EntityRows:
    """Each document's values of every entity field, side by side: document
    d's values are values[starts[d] : starts[d + 1]], field by field, each
    field's value numbers shifted by `offsets` (field i's value v is
    offsets[i] + v).

    Facets count the values of a query's few matches (a tenth of 200,000
    articles is 20,000 of them) for every entity field at once. Kept apart
    by field, a match's values cost a cache miss in each field's arrays
    once they outgrow the processor's caches; side by side, one.
    """

    fields: tuple[str, ...]
    offsets: np.ndarray  # len(fields) + 1: field i's values are numbered offsets[i] to offsets[i + 1] - 1
    starts: np.ndarray
    values: np.ndarray

    @classmethod
    def of_columns(cls, fields: tuple[str, ...], columns: list[EntityColumn], size: int) -> EntityRows:
        """The rows of the columns' (value, document) pairs, over `size` documents."""
        offsets = np.cumsum([0] + [len(column.names) for column in columns]).astype(np.int64)
        docs = np.concatenate([column.value_docs for column in columns] + [np.zeros(0, dtype=np.int32)])
        values = np.concatenate(
            [
                np.repeat(np.arange(offset, offset + len(column.names)), np.diff(column.value_starts))
                for column, offset in zip(columns, offsets)
            ]
            + [np.zeros(0, dtype=np.int64)]
        ).astype(np.int32 if offsets[-1] < 2**31 else np.int64)
        by_doc = np.argsort(docs, kind="stable")  # a document's values field by field, in value order
        starts = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(docs, minlength=size)[:size], out=starts[1:])
        return cls(fields, offsets, starts, values[by_doc])

    def value_counts(self, docs: np.ndarray) -> dict[str, np.ndarray]:
        """For each field, how many of `docs` hold each of its values (by value number)."""
        counts = np.bincount(self.values[_pair_runs(self.starts, docs)], minlength=int(self.offsets[-1]))
        return {name: counts[self.offsets[i] : self.offsets[i + 1]] for i, name in enumerate(self.fields)}


class DocTable:
    """Column values of every document of one reader (see module docstring)."""

    def __init__(self, reader, cache: ColumnCache | None = None):
        self.reader = reader
        self.cache = cache  # columns another process read already (searchidx.index.column_cache)
        self.size = reader.doc_count_all()
        self._lock = threading.Lock()
        self._dates: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._codes: dict[str, tuple[np.ndarray, list[str]]] = {}
        self._entities: dict[str, EntityColumn] = {}
        self._entity_rows: EntityRows | None = None
        self._signatures: Signatures | None = None
        self._live: frozenset[int] | None = None

    # -- documents ------------------------------------------------------------
    @property
    def live(self) -> frozenset[int]:
        """Numbers of the documents not deleted."""
        if self._live is None:
            self._live = frozenset(self.reader.all_doc_ids())
        return self._live

    # -- dates ----------------------------------------------------------------
    # Three arrays by document number: the first and last moment of its date's
    # period (Whoosh's longs, microseconds since 0001-01-01; NO_DATE when it
    # has none) and its precision (a number into PRECISIONS).
    def _load_dates(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        with self._lock:
            if self._dates is None:
                self._dates = self._cached("dates", self._read_dates, dates_parts, dates_from_parts)
            return self._dates

    def _read_dates(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(starts, ends, precisions) of every document, from the date columns."""
        starts_raw = column_values(self.reader, "date")
        precisions = [
            p.decode("utf-8") if isinstance(p, bytes) and p else (p or None)
            for p in column_values(self.reader, "date_precision")
        ]
        starts = np.full(len(starts_raw), NO_DATE, dtype=np.int64)
        ends = np.full(len(starts_raw), NO_DATE, dtype=np.int64)
        codes = np.zeros(len(starts_raw), dtype=np.int8)
        number = {precision: n for n, precision in enumerate(PRECISIONS)}
        for d, (raw, precision) in enumerate(zip(starts_raw, precisions)):
            if raw >= _MISSING_NUMBER or precision not in number or precision is None:
                continue
            starts[d], ends[d], codes[d] = raw, _period_end(raw, precision), number[precision]
        return starts, ends, codes

    def _cached(self, column: str, read, encode, decode):
        """The column from the cache, else read (and then kept in the cache);
        encode and decode turn it into the cache's parts and arrays and back
        (searchidx.index.column_cache)."""
        stored = self.cache.load(column) if self.cache is not None else None
        if stored is not None:
            return decode(*stored)
        value = read()
        if self.cache is not None:
            self.cache.save(column, *encode(value))
        return value

    @property
    def starts(self) -> np.ndarray:
        """First moment of each document's date period (Whoosh's long), or NO_DATE."""
        return self._load_dates()[0]

    @property
    def ends(self) -> np.ndarray:
        """Last moment of each document's date period (Whoosh's long), or NO_DATE."""
        return self._load_dates()[1]

    def codes(self, column: str) -> tuple[np.ndarray, list[str]]:
        """Each document's year (`years`: `YYYY`) or month (`months`: `YYYY-MM`,
        for documents dated to the month or day) as a number: its index into
        the sorted labels (-1 for none), and the labels, so facets count with
        a bincount."""
        found = self._codes.get(column)
        if found is None:
            starts, _, precisions = self._load_dates()
            unit = "Y" if column == "years" else "M"
            held = starts != NO_DATE
            if unit == "M":
                held &= precisions > PRECISIONS.index("year")
            # Whoosh's longs as numpy datetimes: microseconds since 1970.
            periods = (starts[held] - _EPOCH_LONG).astype("datetime64[us]").astype(f"datetime64[{unit}]")
            distinct, numbers = np.unique(periods, return_inverse=True)
            codes = np.full(len(starts), -1, dtype=np.int64)
            codes[held] = numbers
            found = (codes, [str(period) for period in distinct])
            self._codes[column] = found
        return found

    def docs_within(self, first: datetime | None, last: datetime | None) -> set[int]:
        """Documents whose whole date period lies within [first, last]."""
        starts, ends, _ = self._load_dates()
        inside = starts != NO_DATE
        if first:
            inside &= starts >= datetime_to_long(first)
        if last:
            inside &= ends <= datetime_to_long(last)
        docs = set(np.flatnonzero(inside).tolist())
        return docs & self.live if self.reader.has_deletions() else docs

    def newest(self) -> int | None:
        """The latest date start in the index (Whoosh's long), or None."""
        latest = int(self.starts.max()) if len(self.starts) else NO_DATE
        return None if latest == NO_DATE else latest

    # -- entities -------------------------------------------------------------
    @property
    def signatures(self) -> Signatures:
        """The folders' boilerplate names (searchidx.index.entities.find_signatures):
        every hit's names are shown without them, so the first search of a
        process needs them, and finding them reads a posting list per folder."""
        if self._signatures is None:
            self._signatures = self._cached(
                "signatures", lambda: find_signatures(self.reader), signatures_parts, signatures_from_parts
            )
        return self._signatures

    def entities(self, fieldname: str) -> EntityColumn:
        column = self._entities.get(fieldname)
        if column is None:
            with self._lock:
                column = self._entities.get(fieldname) or self._cached(
                    f"entities-{fieldname}",
                    lambda: self._load_entities(fieldname),
                    entity_column_parts,
                    entity_column_from_parts,
                )
                self._entities[fieldname] = column
        return column

    def entity_rows(self) -> EntityRows:
        """Each document's values of every entity field (EntityRows)."""
        if self._entity_rows is None:
            rows = self._cached(
                "entity-rows",
                lambda: EntityRows.of_columns(
                    ENTITY_FIELDS, [self.entities(name) for name in ENTITY_FIELDS], self.size
                ),
                entity_rows_parts,
                entity_rows_from_parts,
            )
            with self._lock:
                if self._entity_rows is None:
                    self._entity_rows = rows
        return self._entity_rows

    def _load_entities(self, fieldname: str) -> EntityColumn:
        docs_of: dict[str, list[int]] = {}
        by_name: dict[str, set[str]] = defaultdict(set)
        by_word: dict[str, set[str]] = defaultdict(set)
        if fieldname in self.reader.schema:
            # Segment by segment, each segment's own terms: asking the whole
            # reader for each value looked it up in every segment twice.
            raw_docs: dict[bytes, list[int]] = {}
            for leaf, offset in self.reader.leaf_readers():
                for raw, docs in leaf_field_docs(leaf, fieldname, offset):
                    raw_docs.setdefault(raw, []).extend(docs)
            live = self.live if self.reader.has_deletions() else None
            signatures = self.signatures
            stored: dict[str, list[int]] = {}
            for raw in sorted(raw_docs):
                value = raw.decode("utf-8") if isinstance(raw, bytes) else raw
                docs = raw_docs[raw] if live is None else [d for d in raw_docs[raw] if d in live]
                signed = signatures.removed(fieldname, value)
                if signed:  # a folder's boilerplate is no content of its articles
                    docs = [d for d in docs if d not in signed]
                if docs:
                    stored[value] = docs
            # Which stored forms are one name, settled over the live values
            # of the whole field, as `searchidx entities` settles it.
            canonical = one_name_per_entity(stored)
            for value, docs in stored.items():
                name = canonical[value]
                if name in docs_of:
                    docs_of[name] = sorted(set(docs_of[name]).union(docs))  # a document once
                else:
                    docs_of[name] = docs
                whole = fold_key(value)
                by_name[whole].add(name)
                for word in whole.split():
                    by_word[word].add(name)
        else:
            canonical = {}
        return EntityColumn.from_docs(
            docs_of, self.size, by_name=dict(by_name), by_word=dict(by_word), canonical=canonical
        )


def dates_parts(dates: tuple[np.ndarray, np.ndarray, np.ndarray]) -> tuple[dict, dict[str, np.ndarray]]:
    """The date arrays as the cache keeps them."""
    starts, ends, precisions = dates
    return {}, {"starts": starts, "ends": ends, "precisions": precisions}


def dates_from_parts(parts: dict, arrays: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return arrays["starts"], arrays["ends"], arrays["precisions"]


def signatures_parts(signatures: Signatures) -> tuple[dict, dict[str, np.ndarray]]:
    """Signatures as the cache keeps them: the names found, and the articles
    each (field, name) is removed from, one run after another."""
    removed = sorted(signatures.docs)
    runs = [sorted(signatures.docs[key]) for key in removed]
    parts: dict = {
        "found": [[s.folder, s.field, s.name, s.articles, s.folder_articles] for s in signatures.found],
        "removed": [list(key) for key in removed],
    }
    arrays: dict[str, np.ndarray] = {
        "removed_starts": np.concatenate([[0], np.cumsum([len(run) for run in runs])]).astype(np.int64),
        "removed_docs": np.array([d for run in runs for d in run], dtype=np.int32),
    }
    return parts, arrays


def signatures_from_parts(parts: dict, arrays: dict[str, np.ndarray]) -> Signatures:
    found = [Signature(*values) for values in parts["found"]]
    starts, docs = arrays["removed_starts"].tolist(), arrays["removed_docs"]
    removed = {
        (field, name): set(docs[starts[n] : starts[n + 1]].tolist()) for n, (field, name) in enumerate(parts["removed"])
    }
    return Signatures(found, removed, frozenset((s.folder, s.field, s.name) for s in found))


def entity_column_parts(column: EntityColumn) -> tuple[dict, dict[str, np.ndarray]]:
    """An EntityColumn as the cache keeps it: its names and lookup tables
    (sets as sorted lists), and its arrays."""
    parts = {
        "names": column.names,
        "by_name": {key: sorted(values) for key, values in column.by_name.items()},
        "by_word": {key: sorted(values) for key, values in column.by_word.items()},
        "canonical": column.canonical,
        "size": column.size,
    }
    arrays = {"value_starts": column.value_starts, "value_docs": column.value_docs}
    return parts, arrays


def entity_column_from_parts(parts: dict, arrays: dict[str, np.ndarray]) -> EntityColumn:
    return EntityColumn(
        parts["names"],
        arrays["value_starts"],
        arrays["value_docs"],
        parts["size"],
        {key: set(values) for key, values in parts["by_name"].items()},
        {key: set(values) for key, values in parts["by_word"].items()},
        parts["canonical"],
    )


def entity_rows_parts(rows: EntityRows) -> tuple[dict, dict[str, np.ndarray]]:
    """EntityRows as the cache keeps them."""
    return {"fields": list(rows.fields)}, {"offsets": rows.offsets, "starts": rows.starts, "values": rows.values}


def entity_rows_from_parts(parts: dict, arrays: dict[str, np.ndarray]) -> EntityRows:
    return EntityRows(tuple(parts["fields"]), arrays["offsets"], arrays["starts"], arrays["values"])
