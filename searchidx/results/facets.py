"""Facets: counts over every match of a query, not just the page shown.

A date histogram (years; the months of a year once every dated match falls
in that one year, as after choosing it; undated matches counted apart), and
the top values of each entity field with their counts. Any keyword field of
the document table can be a facet. Every value carries the filter that
drills down to it, so choosing a value means adding its `filter`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import weakref
from typing import Iterable

import numpy as np

from searchidx.index.doctable import DocTable
from searchidx.query.filters import DATE, Filter
from searchidx.index.schema import ENTITY_FIELDS

DATE_FACET = DATE
FACET_NAMES = (DATE_FACET, *ENTITY_FIELDS)
TOP_VALUES = 10


@dataclass(frozen=True)
class FacetValue:
    """One bar of a facet: a value, how many matches have it, and its filter."""

    value: str
    count: int
    filter: Filter


@dataclass(frozen=True)
class DateHistogram:
    years: list[FacetValue]  # oldest first, only years with matches
    months: list[FacetValue]  # months of `year`, oldest first; empty if no single year
    year: str | None  # the year the months belong to
    undated: int  # matches with no date
    year_only: int = 0  # matches of `year` dated to the year alone (no month)


@dataclass(frozen=True)
class Facets:
    date: DateHistogram | None = None
    entities: dict[str, list[FacetValue]] = field(default_factory=dict)  # by field, most frequent first


def facet_names(requested: bool | Iterable[str]) -> tuple[str, ...]:
    """`True` means every facet; otherwise the names asked for, checked."""
    if requested is True:
        return FACET_NAMES
    if not requested:
        return ()
    names = tuple(requested)
    unknown = [n for n in names if n not in FACET_NAMES]
    if unknown:
        from searchidx.errors import QuerySyntaxError

        raise QuerySyntaxError(f"unknown facet {unknown[0]!r}; facets are {', '.join(FACET_NAMES)}")
    return names


def count_facets(docs, table: DocTable, names: Iterable[str], top: int = TOP_VALUES) -> Facets:
    """Facet counts over the documents `docs` (all matches of a query): a set
    or an array of document numbers.

    Counting runs over numbered columns (DocTable.codes, EntityColumn's pair
    arrays) with numpy's bincount: a common word matches most of 20,000
    articles, and counting their values one by one in Python is what a
    facet search spent its time on.
    """
    names = tuple(names)
    docs = as_doc_array(docs)
    histogram = date_histogram(docs, table) if DATE_FACET in names else None
    entities = {name: top_entities(docs, table, name, top) for name in names if name != DATE_FACET}
    return Facets(histogram, entities)


def as_doc_array(docs) -> np.ndarray:
    if isinstance(docs, np.ndarray):
        return docs.astype(np.int64, copy=False)
    return np.fromiter(docs, dtype=np.int64, count=len(docs))


def _label_counts(codes: np.ndarray, labels: list[str], docs: np.ndarray) -> tuple[dict[str, int], int]:
    """Matches per label, and matches with no label."""
    counts = np.bincount(codes[docs] + 1, minlength=len(labels) + 1)
    found = {labels[i - 1]: int(counts[i]) for i in np.flatnonzero(counts[1:]) + 1}
    return found, int(counts[0])


def date_histogram(docs, table: DocTable) -> DateHistogram:
    docs = as_doc_array(docs)
    by_year, undated = _label_counts(*table.codes("years"), docs)
    years = [FacetValue(y, n, Filter(DATE, y)) for y, n in sorted(by_year.items())]
    if len(by_year) != 1:
        return DateHistogram(years, [], None, undated)
    (year,) = by_year
    by_month, no_month = _label_counts(*table.codes("months"), docs)
    year_only = no_month - undated
    months = [FacetValue(m, n, Filter(DATE, m)) for m, n in sorted(by_month.items())]
    return DateHistogram(years, months, year, undated, year_only)


def top_entities(docs, table: DocTable, name: str, top: int) -> list[FacetValue]:
    column = table.entities(name)
    if not column.names:
        return []
    counts = _value_counts(column, as_doc_array(docs), table.size)
    present = np.flatnonzero(counts)
    if len(present) > top:
        # Only values counted at least as often as the top-th need sorting
        # by name (ties at the cut included).
        threshold = np.partition(counts[present], len(present) - top)[len(present) - top]
        present = present[counts[present] >= threshold]
    ranked = sorted(((column.names[i], int(counts[i])) for i in present), key=lambda item: (-item[1], item[0]))[:top]
    return [FacetValue(value, n, Filter(name, value)) for value, n in ranked]


class _ByDocument:
    """An entity column's (document, value) pairs ordered by document, and
    each value's count over every document: a facet then reads the values of
    the matching documents only, or, when most documents match (a headline
    OR-ed), of the documents that do not, and subtracts them from the totals.
    Either way it reads at most half the pairs, whatever the corpus size."""

    def __init__(self, column, size: int):
        order = np.argsort(column.pair_docs, kind="stable")
        self.values = column.pair_values[order]
        self.starts = np.searchsorted(column.pair_docs[order], np.arange(size + 1))
        self.totals = np.bincount(column.pair_values, minlength=len(column.names))


# By column (by identity: columns compare by value), dropped with the column.
_by_document: dict[int, tuple[weakref.ref, _ByDocument]] = {}


def _ordered(column, size: int) -> _ByDocument:
    key = id(column)
    found = _by_document.get(key)
    if found is None or found[0]() is not column or len(found[1].starts) != size + 1:
        found = (weakref.ref(column, lambda _: _by_document.pop(key, None)), _ByDocument(column, size))
        _by_document[key] = found
    return found[1]


def _value_counts(column, docs: np.ndarray, size: int) -> np.ndarray:
    """How many of `docs` (distinct) hold each value of the column."""
    found = _ordered(column, size)
    if 2 * len(docs) <= size:
        return np.bincount(found.values[_runs(found.starts, docs)], minlength=len(column.names))
    others = np.ones(size, dtype=bool)
    others[docs] = False
    unmatched = np.bincount(found.values[_runs(found.starts, np.flatnonzero(others))], minlength=len(column.names))
    return found.totals - unmatched


def _runs(starts: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """The indexes of the pairs of each document in `docs`, one run after another."""
    first, sizes = starts[docs], starts[docs + 1] - starts[docs]
    return np.repeat(first - (np.cumsum(sizes) - sizes), sizes) + np.arange(int(sizes.sum()))
