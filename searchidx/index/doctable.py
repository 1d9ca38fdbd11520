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
from searchidx.index.entities import find_signatures, name_aliases, one_name_per_entity
from searchidx.index.postings import leaf_field_docs

# Whoosh stores this in a numeric column for documents without a value.
_MISSING_NUMBER = 2**63

# Articles share dates (20,000 articles over ten years: ~3,650 days), so each
# distinct value is converted once, not once per document.
_to_datetime = lru_cache(maxsize=1 << 16)(long_to_datetime)


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


@dataclass
class EntityColumn:
    """One entity field: each document's values, and each value's documents.

    Values are the index-wide canonical names (`canonical`): a stored
    ``Nehammeri`` counts, filters and shows as ``Nehammer`` when the field
    also holds ``Nehammer`` (searchidx.index.entities.inflected_bases, the rule
    `searchidx entities` applies), so a facet value's documents are those
    of all its forms, each counted once.
    """

    values_of: list[tuple[str, ...]]  # by document number, canonical, distinct
    docs_of: dict[str, list[int]]  # canonical value -> document numbers, ascending
    by_name: dict[str, set[str]] = field(default_factory=dict)  # folded whole stored name -> canonical values
    by_word: dict[str, set[str]] = field(default_factory=dict)  # folded word of a stored name -> canonical values
    # Every (document, value) pair as two parallel arrays, values by their
    # number in `names`: facet counts are then one bincount over the pairs
    # whose document matched.
    pair_docs: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    pair_values: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    names: list[str] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)  # every live stored value -> its canonical value

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


class DocTable:
    """Column values of every document of one reader (see module docstring)."""

    def __init__(self, reader, cache: ColumnCache | None = None):
        self.reader = reader
        self.cache = cache  # columns another process read already (searchidx.index.column_cache)
        self.size = reader.doc_count_all()
        self._lock = threading.Lock()
        self._dates: tuple[list[int | None], list[int | None], list[str | None]] | None = None
        self._years: list[str | None] | None = None
        self._months: list[str | None] | None = None
        self._codes: dict[str, tuple[np.ndarray, list[str]]] = {}
        self._entities: dict[str, EntityColumn] = {}
        self._live: frozenset[int] | None = None

    # -- documents ------------------------------------------------------------
    @property
    def live(self) -> frozenset[int]:
        """Numbers of the documents not deleted."""
        if self._live is None:
            self._live = frozenset(self.reader.all_doc_ids())
        return self._live

    # -- dates ----------------------------------------------------------------
    def _load_dates(self):
        with self._lock:
            if self._dates is not None:
                return self._dates
            self._dates = self._cached("dates", self._read_dates, list, lambda lists: tuple(lists))
            return self._dates

    def _read_dates(self):
        """(starts, ends, precisions) of every document, from the date columns."""
        starts_raw = column_values(self.reader, "date")
        precisions = [
            p.decode("utf-8") if isinstance(p, bytes) and p else (p or None)
            for p in column_values(self.reader, "date_precision")
        ]
        starts: list[int | None] = []
        ends: list[int | None] = []
        for raw, precision in zip(starts_raw, precisions):
            if raw >= _MISSING_NUMBER or precision is None:
                starts.append(None)
                ends.append(None)
                continue
            starts.append(raw)
            ends.append(_period_end(raw, precision))
        return (starts, ends, precisions)

    def _cached(self, column: str, read, encode=lambda value: value, decode=lambda value: value):
        """The column from the cache, else read (and then kept in the cache);
        encode and decode turn it into JSON and back (searchidx.index.column_cache)."""
        value = self.cache.load(column, decode) if self.cache is not None else None
        if value is None:
            value = read()
            if self.cache is not None:
                self.cache.save(column, value, encode)
        return value

    @property
    def starts(self) -> list[int | None]:
        """First moment of each document's date period (Whoosh's long), or None."""
        return self._load_dates()[0]

    @property
    def ends(self) -> list[int | None]:
        """Last moment of each document's date period (Whoosh's long), or None."""
        return self._load_dates()[1]

    @property
    def years(self) -> list[str | None]:
        """`YYYY` of each dated document, else None."""
        if self._years is None:
            self._years = [None if s is None else f"{_to_datetime(s).year:04d}" for s in self.starts]
        return self._years

    @property
    def months(self) -> list[str | None]:
        """`YYYY-MM` of documents dated to the month or day, else None."""
        if self._months is None:
            starts, _, precisions = self._load_dates()
            self._months = [
                None if s is None or p == "year" else _to_datetime(s).strftime("%Y-%m")
                for s, p in zip(starts, precisions)
            ]
        return self._months

    def codes(self, column: str) -> tuple[np.ndarray, list[str]]:
        """`years` or `months` as numbers: each document's index into the sorted
        labels (-1 for None), and the labels, so facets count with a bincount."""
        found = self._codes.get(column)
        if found is None:
            values = self.years if column == "years" else self.months
            labels = sorted({v for v in values if v is not None})
            number: dict[str | None, int] = {label: i for i, label in enumerate(labels)}
            found = (np.array([number.get(v, -1) for v in values], dtype=np.int64), labels)
            self._codes[column] = found
        return found

    def docs_within(self, first: datetime | None, last: datetime | None) -> set[int]:
        """Documents whose whole date period lies within [first, last]."""
        low = datetime_to_long(first) if first else None
        high = datetime_to_long(last) if last else None
        starts, ends, _ = self._load_dates()
        live = self.live
        return {
            d
            for d, (s, e) in enumerate(zip(starts, ends))
            if s is not None and (low is None or s >= low) and (high is None or e <= high) and d in live
        }

    def newest(self) -> int | None:
        """The latest date start in the index (Whoosh's long), or None."""
        dated = [s for s in self.starts if s is not None]
        return max(dated) if dated else None

    # -- entities -------------------------------------------------------------
    def entities(self, fieldname: str) -> EntityColumn:
        column = self._entities.get(fieldname)
        if column is None:
            with self._lock:
                column = self._entities.get(fieldname) or self._cached(
                    f"entities-{fieldname}",
                    lambda: self._load_entities(fieldname),
                    entity_column_json,
                    entity_column_from_json,
                )
                self._entities[fieldname] = column
        return column

    def _load_entities(self, fieldname: str) -> EntityColumn:
        values_of: list[list[str]] = [[] for _ in range(self.size)]
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
            signatures = find_signatures(self.reader)
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
            for name, docs in docs_of.items():
                for d in docs:
                    values_of[d].append(name)
        else:
            canonical = {}
        names = list(docs_of)
        pair_docs = np.array([d for docs in docs_of.values() for d in docs], dtype=np.int64)
        pair_values = np.repeat(np.arange(len(names), dtype=np.int64), [len(docs) for docs in docs_of.values()])
        return EntityColumn(
            [tuple(v) for v in values_of],
            docs_of,
            dict(by_name),
            dict(by_word),
            pair_docs,
            pair_values,
            names,
            canonical,
        )


def entity_column_json(column: EntityColumn) -> dict:
    """An EntityColumn as JSON (sets as sorted lists, arrays as lists)."""
    return {
        "values_of": column.values_of,
        "docs_of": column.docs_of,
        "by_name": {key: sorted(values) for key, values in column.by_name.items()},
        "by_word": {key: sorted(values) for key, values in column.by_word.items()},
        "pair_docs": column.pair_docs.tolist(),
        "pair_values": column.pair_values.tolist(),
        "names": column.names,
        "canonical": column.canonical,
    }


def entity_column_from_json(data: dict) -> EntityColumn:
    return EntityColumn(
        [tuple(values) for values in data["values_of"]],
        data["docs_of"],
        {key: set(values) for key, values in data["by_name"].items()},
        {key: set(values) for key, values in data["by_word"].items()},
        np.array(data["pair_docs"], dtype=np.int64),
        np.array(data["pair_values"], dtype=np.int64),
        data["names"],
        data["canonical"],
    )
