"""Facets: counts over every match of a query, not just the page shown.

A date histogram (years; the months of a year once every dated match falls
in that one year, as after choosing it; undated matches counted apart), and
the top values of each entity field with their counts. Any keyword field of
the document table can be a facet. Every value carries the filter that
drills down to it, so choosing a value means adding its `filter`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from searchidx.index.doctable import DocTable, packed_words
from searchidx.index.schema import ENTITY_FIELDS
from searchidx.query.filters import DATE, Filter

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

    Counting runs over numbered columns (DocTable.codes, EntityColumn,
    EntityRows) with numpy: a common word matches most of 20,000 articles,
    and counting their values one by one in Python is what a facet search
    spent its time on.
    """
    names = tuple(names)
    docs = as_doc_array(docs)
    histogram = date_histogram(docs, table) if DATE_FACET in names else None
    # Many matches are counted against marks of the matches: made once for
    # every field (at 200,000 articles, a third of a facet's time).
    fields = [name for name in names if name != DATE_FACET]
    matched = _marks(docs, table.size) if fields and not _few(docs, table.size) else None
    counted = _counts_by_rows(docs, table, matched) if fields else None
    entities = {
        name: top_entities(docs, table, name, top, matched, counted[name] if counted else None) for name in fields
    }
    return Facets(histogram, entities)


def _few(docs: np.ndarray, size: int) -> bool:
    return 8 * len(docs) <= size


def _counts_by_rows(docs: np.ndarray, table: DocTable, matched: np.ndarray | None) -> dict[str, np.ndarray] | None:
    """Every entity field's count of each value among `docs` (`matched`:
    their marks, for many), from the documents' own values (EntityRows)
    where that is the lesser work, else None.

    Few documents: their values are counted. Nearly all (a common word
    alone matches 98% of the corpus): the values of the few others are
    counted and taken from each value's total, so the work follows the
    documents left out, not the corpus. Between the two, each value's
    documents are looked up instead (_top_value_counts)."""
    if _few(docs, table.size):
        return table.entity_rows().value_counts(docs)
    if 32 * (table.size - len(docs)) <= table.size:
        if matched is None:
            matched = _marks(docs, table.size)
        left_out = table.entity_rows().value_counts(np.flatnonzero(~matched))
        return {name: np.diff(table.entities(name).value_starts) - counts for name, counts in left_out.items()}
    return None


def _marks(docs: np.ndarray, size: int) -> np.ndarray:
    matched = np.zeros(size, dtype=bool)
    matched[docs] = True
    return matched


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


def top_entities(
    docs, table: DocTable, name: str, top: int, matched: np.ndarray | None = None, counts: np.ndarray | None = None
) -> list[FacetValue]:
    """The field's `top` values most held among `docs`; `matched`: the
    documents marked, and `counts`: how many of them hold each value, where
    the caller has them."""
    column = table.entities(name)
    if not column.names:
        return []
    docs = as_doc_array(docs)
    if counts is None:
        counted = _counts_by_rows(docs, table, matched)
        counts = counted[name] if counted else None
    if counts is not None:
        values = np.flatnonzero(counts)
        counts = counts[values]
    else:
        values, counts = _top_value_counts(column, docs, table.size, top, matched)
    keep = counts > 0
    values, counts = values[keep], counts[keep]
    if len(values) > top:
        # Only values counted at least as often as the top-th need sorting
        # by name (ties at the cut included).
        threshold = np.partition(counts, len(counts) - top)[len(counts) - top]
        values, counts = values[counts >= threshold], counts[counts >= threshold]
    ranked = sorted(
        ((column.names[v], int(c)) for v, c in zip(values.tolist(), counts.tolist())),
        key=lambda item: (-item[1], item[0]),
    )[:top]
    return [FacetValue(value, n, Filter(name, value)) for value, n in ranked]


def _top_value_counts(
    column, docs: np.ndarray, size: int, top: int, matched: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(values, counts among `docs`, distinct) for a set of the column's
    values that holds its `top` most frequent among them, for many `docs`
    (few are counted by their own values: EntityRows).

    A headline OR-ed matches most of the corpus: values are counted most
    frequent first (those held by 1/32 of the corpus or more as rows of
    bits, all at once), then a few at a time, until the next value's count
    over the whole corpus falls below the top-th count found, which it
    cannot beat: a handful of values instead of every pair of most documents."""
    if matched is None:
        matched = _marks(docs, size)
    totals = np.diff(column.value_starts)  # most first: the column numbers its values so
    found: list[np.ndarray] = []
    threshold, done, step = 1, 0, max(2 * top, 16)
    # The values held by many documents first, counted as bits a word at a
    # time (64 documents an operation, not one gathered by number).
    common = column.common_value_bits()
    if len(common):
        found.append(np.bitwise_count(common & packed_words(matched)).sum(axis=1, dtype=np.int64))
        done = len(common)
        if done >= top:
            threshold = max(threshold, int(np.partition(found[0], done - top)[done - top]))
    while done < len(totals) and totals[done] >= threshold:
        # The next values, none of them below the threshold.
        end = min(done + step, int(np.searchsorted(-totals, -threshold, side="right")))
        starts = column.value_starts[done : end + 1]
        held = matched[column.value_docs[starts[0] : starts[-1]]]
        found.append(np.add.reduceat(held, starts[:-1] - starts[0], dtype=np.int64))
        done, step = end, 2 * step
        counts = np.concatenate(found)
        if len(counts) >= top:
            threshold = max(threshold, int(np.partition(counts, len(counts) - top)[len(counts) - top]))
    return np.arange(done), np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
