"""Why a search found nothing: each filter's share, and what the index holds."""

import pytest

from searchidx.query.parser import split_filters
from searchidx.results.nothing_found import explain_nothing


@pytest.fixture
def index(sample_index):
    return sample_index


@pytest.mark.parametrize(
    "query, split",
    [
        ("zgjedhjet data:2014", ("zgjedhjet", ["data:2014"])),
        ('Kina person:"Vladimir Putin" data:2023', ("Kina", ['person:"Vladimir Putin"', "data:2023"])),
        ("data:2020", ("", ["data:2020"])),
        ('"Brezi dhe Rruga" (Kina Rusia)', ('"Brezi dhe Rruga" (Kina Rusia)', [])),
        ("Kina OR data:2020", None),  # OR: the filter pools with the words
        ("Kina -data:2020", None),  # a filter that excludes
        ("(data:2020 OR data:2021) Kina", ("(data:2020 OR data:2021) Kina", [])),  # inside a group: kept
    ],
)
def test_top_level_filters_split_from_the_words(query, split):
    assert split_filters(query) == split


def test_each_filter_is_counted_with_it_alone_left_out(index):  # noqa: F811
    found = explain_nothing(index, "naftës vend:Rusia", ["data:2022"])
    assert {e.filter: e.without for e in found.effects} == {"data:2022": 2, "vend:Rusia": 1}
    assert (found.documents, found.first_date, found.last_date, found.undated) == (9, "2022-06-15", "2024-03-05", 1)
    assert index.search("naftës vend:Rusia", filters=["data:2022"]).total == 0


def test_a_browse_by_one_filter_counts_the_whole_index_without_it(index):  # noqa: F811
    found = explain_nothing(index, "", ["data:2021"])
    assert [(e.filter, e.without) for e in found.effects] == [("data:2021", 9)]
