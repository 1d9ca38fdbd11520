"""Facets count every match, not just the page, and drill down by their filters."""

from __future__ import annotations

import random
from collections import Counter

import numpy as np
import pytest

from searchidx.index.doctable import EntityColumn, EntityRows
from searchidx.index.schema import ENTITY_FIELDS
from searchidx.results.facets import top_entities

from conftest import DOCS, brute_force, build_index, random_docs


@pytest.fixture(scope="module")
def big_index(tmp_path_factory):
    with build_index(tmp_path_factory.mktemp("facets") / "index", random_docs(400)) as index:
        yield index


@pytest.mark.parametrize(
    "query, filters",
    [
        ("nafta", ()),
        ("gazi OR spitali", ()),
        ("rruga", ["data:2019"]),
        ("qeveria buxheti", ["vend:Kina"]),
        ("", ["data:2016..2018"]),
        # most articles match: counted from those that do not
        ("nafta gazi spitali rruga tregu qeveria buxheti shkolla", ()),
    ],
)
def test_facet_counts_equal_brute_force_counts_over_all_matches(big_index, query, filters):
    results = big_index.search(query, filters=filters, facets=True, limit=5)
    total, years, months, undated, entities = brute_force(big_index, query, filters)
    assert results.total == total > 5  # more matches than the page shows
    dates = results.facets.date
    assert {v.value: v.count for v in dates.years} == dict(years)
    assert dates.undated == undated
    assert sum(v.count for v in dates.years) + dates.undated == total
    if len(years) == 1:
        assert {v.value: v.count for v in dates.months} == dict(months)
    for name in ENTITY_FIELDS:
        counted = {v.value: v.count for v in results.facets.entities[name]}
        assert counted == dict(entities[name].most_common(len(counted)))
        assert len(counted) == min(10, len(entities[name]))


def test_the_random_index_has_merged_pairs_to_count(big_index):
    people = {v.value: v.count for v in big_index.search("nafta", facets=["person"]).facets.entities["person"]}
    assert "Nehammer" in people and "Bardhi" in people and "Nehammeri" not in people
    both = [d for d in random_docs(400) if {"Nehammer", "Nehammeri"} <= set(d[3]["person"])]
    assert both  # articles holding both forms, counted once


def test_years_are_oldest_first_and_entities_most_frequent_first(big_index):
    facets = big_index.search("nafta", facets=True).facets
    assert [v.value for v in facets.date.years] == sorted(v.value for v in facets.date.years)
    counts = [v.count for v in facets.entities["place"]]
    assert counts == sorted(counts, reverse=True)


def test_months_appear_once_a_year_is_chosen(big_index):
    facets = big_index.search("nafta", facets=True).facets
    assert facets.date.months == [] and facets.date.year is None
    year = facets.date.years[0]
    drilled = big_index.search("nafta", filters=[year.filter], facets=True)
    assert drilled.total == year.count
    assert drilled.facets.date.year == year.value
    months = drilled.facets.date.months
    assert all(m.value.startswith(year.value + "-") for m in months)
    assert sum(m.count for m in months) + drilled.facets.date.year_only == year.count


@pytest.mark.parametrize("name", ["date", *ENTITY_FIELDS])
def test_drilling_down_on_a_value_keeps_exactly_its_count(big_index, name):
    facets = big_index.search("nafta", facets=True).facets
    values = facets.date.years if name == "date" else facets.entities[name]
    for value in values[:3]:
        drilled = big_index.search("nafta", filters=[value.filter])
        assert drilled.total == value.count, value
        assert drilled.filters == [value.filter]


def test_removing_a_filter_widens_again(big_index):
    place = big_index.search("nafta", facets=True).facets.entities["place"][0]
    year = big_index.search("nafta", filters=[place.filter], facets=True).facets.date.years[0]
    both = big_index.search("nafta", filters=[place.filter, year.filter])
    assert both.total == year.count
    assert big_index.search("nafta", filters=[year.filter]).total >= both.total
    assert big_index.search("nafta").total >= big_index.search("nafta", filters=[place.filter]).total


def test_only_the_facets_asked_for_are_counted(big_index):
    facets = big_index.search("nafta", facets=["place"]).facets
    assert facets.date is None and list(facets.entities) == ["place"]
    assert big_index.search("nafta").facets is None


def test_facets_of_the_small_fixture(tmp_path):
    with build_index(tmp_path / "index", DOCS) as index:
        facets = index.search("naftës", facets=True).facets
        assert [(v.value, v.count) for v in facets.date.years] == [("2022", 1), ("2023", 1), ("2024", 5)]
        assert facets.date.undated == 1
        assert {v.value: v.count for v in facets.entities["place"]} == {"Kina": 2, "Rusia": 2, "Kinë": 1}
        assert facets.entities["place"][0].filter.text in ("vend:Kina", "vend:Rusia")


class _Table:
    """A document table holding one entity column: what top_entities reads."""

    def __init__(self, column, size):
        self.column, self.size = column, size
        self.rows = EntityRows.of_columns(("person",), [column], size)

    def entities(self, name):
        return self.column

    def entity_rows(self):
        return self.rows


def _random_column(rng, size, values, zipf):
    """(document, value) pairs, each document holding a few distinct values
    drawn with frequencies falling as 1/rank^zipf (many ties among the rare)."""
    weights = [1 / (rank + 1) ** zipf for rank in range(values)]
    docs, vals = [], []
    for doc in range(size):
        held = set(rng.choices(range(values), weights, k=rng.randint(0, 4)))
        docs += [doc] * len(held)
        vals += sorted(held)
    names = [f"v{n:04d}" for n in range(values)]
    rng.shuffle(names)  # name order unrelated to frequency: ties break by name
    docs_of: dict[str, list[int]] = {}
    for doc, value in zip(docs, vals):
        docs_of.setdefault(names[value], []).append(doc)
    column = EntityColumn.from_docs(docs_of, size)
    return column, [(doc, names[value]) for doc, value in zip(docs, vals)]


@pytest.mark.parametrize("seed", range(6))
def test_top_values_equal_brute_force_whatever_share_of_documents_matches(seed):
    """Few matches are counted by document; many (most of the corpus, as a
    headline OR-ed finds) by value, most frequent first, stopping where no
    further value can reach the top; nearly all (a common word) by the
    documents left out, taken from each value's total: the same top values,
    counts and tie-breaks by name as counting every pair."""
    rng = random.Random(seed)
    size = rng.choice([50, 400, 3000])
    column, pairs = _random_column(rng, size, rng.choice([3, 40, 600]), rng.choice([0.0, 0.8, 1.5]))
    table = _Table(column, size)
    for share in (0.0, 0.01, 0.1, 0.13, 0.3, 0.5, 0.7, 0.95, 0.975, 0.99, 0.999, 1.0):
        docs = np.array(sorted(rng.sample(range(size), int(share * size))), dtype=np.int64)
        matched = set(docs.tolist())
        counts = Counter(name for d, name in pairs if d in matched)
        for top in (1, 3, 10):
            expected = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
            found = top_entities(docs, table, "person", top)
            assert [(v.value, v.count) for v in found] == expected, (share, top)
            assert all(v.filter.value == v.value for v in found)


@pytest.mark.parametrize("seed", range(4))
def test_each_documents_values_of_every_field_are_counted_as_each_fields_pairs(seed):
    rng = random.Random(seed)
    size = rng.choice([1, 7, 300])
    columns, pairs = [], []
    for _ in range(3):
        names = [f"v{n}" for n in range(rng.choice([0, 1, 5, 40]))]
        docs_of = {name: sorted(rng.sample(range(size), rng.randint(1, size))) for name in names}
        columns.append(EntityColumn.from_docs(docs_of, size))
        pairs.append([(d, columns[-1].number(name)) for name, docs in docs_of.items() for d in docs])
    rows = EntityRows.of_columns(("a", "b", "c"), columns, size)
    for share in (0.0, 0.1, 0.5, 1.0):
        docs = np.array(sorted(d for d in range(size) if rng.random() < share), dtype=np.int64)
        counted = rows.value_counts(docs)
        chosen = set(docs.tolist())
        for name, column, held in zip("abc", columns, pairs):
            expected = Counter(v for d, v in held if d in chosen)
            assert counted[name].tolist() == [expected[v] for v in range(len(column.names))]
