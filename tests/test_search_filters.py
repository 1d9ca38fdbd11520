"""Filters through the API: dates built from parsed values, entities, and their combinations."""

from __future__ import annotations

import pytest

from searchidx import Index, QuerySyntaxError

from conftest import build_index


@pytest.fixture
def index(sample_index):
    return sample_index


def paths(results) -> set[str]:
    return {hit.path for hit in results.hits}


def found(index, query="naftës", **options) -> set[str]:
    return paths(index.search(query, limit=50, **options))


def test_a_february_range_excludes_march(index):
    # Whoosh's own parser would widen this range to all of 2024.
    assert found(index, "naftës data:2024-02-01..2024-02-29") == {"feb.txt", "feb-end.txt", "feb-month.txt"}
    assert found(index, "naftës data:2024-02-01..2024-02-28") == {"feb.txt", "feb-end.txt"}


@pytest.mark.parametrize(
    "date_filter, expected",
    [
        ("data:2024", {"feb.txt", "feb-end.txt", "march.txt", "feb-month.txt", "year-2024.txt"}),
        ("data:2024-02", {"feb.txt", "feb-end.txt", "feb-month.txt"}),
        ("data:2024-02-10", {"feb.txt"}),
        ("data:2022..2023-06", {"june-2022.txt"}),
        ("data:2022..2023", {"june-2022.txt", "july-2023.txt"}),
        ("data:..2023", {"june-2022.txt", "july-2023.txt"}),
        ("data:2024-03..", {"march.txt"}),
        ("data:2019", set()),
    ],
)
def test_date_filters_take_articles_whose_whole_date_lies_inside(index, date_filter, expected):
    assert found(index, f"naftës {date_filter}") == expected
    assert found(index, filters=[date_filter]) == expected  # the same as a --filter


def test_an_article_dated_only_to_the_year_is_not_in_a_month(index):
    assert "year-2024.txt" not in found(index, "naftës data:2024-02")
    assert "year-2024.txt" in found(index, "naftës data:2024")


@pytest.mark.parametrize(
    "entity_filter, expected",
    [
        ("vend:Kina", {"feb.txt", "march.txt"}),
        ("vend:kina", {"feb.txt", "march.txt"}),
        ("vend:Kinë", {"june-2022.txt"}),
        ("person:Putin", {"undated.txt"}),  # the whole name wins over a word of a name
        ("person:Vladimir", {"feb.txt"}),
        ('person:"Vladimir Putin"', {"feb.txt"}),
        ("person:Jinping", {"year-2024.txt"}),
        ("org:OKB", {"feb-month.txt", "july-2023.txt"}),
        ("entitet:NATO", {"june-2022.txt", "july-2023.txt"}),
        ("entitet:Rusia", {"feb-end.txt", "march.txt"}),
        ("place:Nowhere", set()),
    ],
)
def test_entity_filters(index, entity_filter, expected):
    assert found(index, f"naftës {entity_filter}") == expected


def test_filters_combine_with_each_other_and_with_the_query(index):
    assert found(index, "naftës vend:Kina data:2024-02") == {"feb.txt"}
    assert found(index, "naftës", filters=["vend:Kina", "data:2024-02"]) == {"feb.txt"}
    assert found(index, "naftës vend:Kina", filters=["data:2024-03"]) == {"march.txt"}
    assert found(index, "gazit vend:Kina") == set()
    assert found(index, "Kombëtarja vend:Kina") == {"other.txt"}


def test_filters_can_be_negated_and_or_ed(index):
    assert found(index, "naftës -data:2024") == {"june-2022.txt", "july-2023.txt", "undated.txt"}
    assert found(index, "naftës (data:2022 OR data:2023)") == {"june-2022.txt", "july-2023.txt"}
    assert found(index, "naftës NOT vend:Kina NOT vend:Rusia") == {
        "feb-month.txt",
        "year-2024.txt",
        "june-2022.txt",
        "july-2023.txt",
        "undated.txt",
    }


def test_filters_alone_browse_newest_first(index):
    results = index.search("", filters=["data:2024"], limit=50)
    assert [h.path for h in results.hits][:3] == ["march.txt", "feb-end.txt", "feb.txt"]
    assert results.total == 5
    assert index.search("data:2023").total == 2


def test_filters_do_not_change_scores(index):
    plain = {h.path: h.score for h in index.search("naftës gazit", limit=50).hits}
    narrowed = {h.path: h.score for h in index.search("naftës gazit data:2022..2023", limit=50).hits}
    assert narrowed and all(plain[p] == score for p, score in narrowed.items())


def test_results_list_the_active_filters(index):
    results = index.search("naftës data:2024", filters=["vend:Kina"])
    assert [f.text for f in results.filters] == ["vend:Kina"]
    assert [f.text for f in results.query_filters] == ["data:2024"]


@pytest.mark.parametrize("bad", ["data:2024-13", "qyteti:Tiranë", "vend:"])
def test_a_bad_filter_explains_itself(index, bad):
    with pytest.raises(QuerySyntaxError):
        index.search("naftës", filters=[bad])


def test_mixing_a_filter_into_an_or_of_words_is_refused(index):
    with pytest.raises(QuerySyntaxError, match="cannot be OR-ed"):
        index.search("(naftës data:2024) OR gazit")


INFLECTED = [
    ("trump.txt", "2024-01-02", "Tregu i naftës dhe Trump.", {"person": ["Trump"]}),
    ("trumpi.txt", "2024-01-03", "Tregu i naftës dhe Trumpi.", {"person": ["Trumpi"]}),
    ("kurti.txt", "2024-01-04", "Tregu i naftës dhe Kurti.", {"person": ["Kurti"]}),
]


def test_an_entity_filter_takes_every_stored_form_of_a_name(tmp_path):
    # Stored Trumpi is Trump's definite form, since the index also holds
    # Trump; Kurti stays Kurti with no bare Kurt in the index.
    with build_index(tmp_path / "index", INFLECTED) as index:
        assert found(index, "naftës person:Trump") == {"trump.txt", "trumpi.txt"}
        assert found(index, "naftës", filters=["person:Trumpi"]) == {"trump.txt", "trumpi.txt"}
        assert found(index, "naftës entitet:Kurti") == {"kurti.txt"}
        people = {v.value: v.count for v in index.search("naftës", facets=["person"]).facets.entities["person"]}
        assert people == {"Trump": 2, "Kurti": 1}


def test_forms_merge_only_while_the_bare_name_is_in_the_index(tmp_path):
    with build_index(tmp_path / "index", INFLECTED) as index:
        with index._ix.writer() as writer:
            writer.delete_by_term("key", "/corpus/trump.txt")
    with Index.open(tmp_path / "index") as index:
        assert found(index, "naftës person:Trump") == set()
        assert found(index, "naftës person:Trumpi") == {"trumpi.txt"}
        people = {v.value: v.count for v in index.search("naftës", facets=["person"]).facets.entities["person"]}
        assert people == {"Trumpi": 1, "Kurti": 1}
