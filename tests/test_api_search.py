"""The Python API's search: paging, totals, sorting, recency, plain mode, and result types."""

import pytest

from searchidx import DateHistogram, Facets, FacetValue, Filter, Hit, Index, QuerySyntaxError, SearchResults

from conftest import build_index


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    docs = [
        (f"{n:02d}.txt", f"20{10 + n % 10}-0{1 + n % 9}-1{n % 10}", ("tregu " * (1 + n % 5)) + f"lajmi numër {n}.", {})
        for n in range(23)
    ] + [("pa-date.txt", None, "tregu pa datë.", {})]
    with build_index(tmp_path_factory.mktemp("api") / "index", docs) as opened:
        yield opened


def test_results_are_typed(index):
    results = index.search("tregu", facets=True, limit=3)
    assert isinstance(results, SearchResults) and isinstance(results.facets, Facets)
    assert isinstance(results.facets.date, DateHistogram) and isinstance(results.facets.date.years[0], FacetValue)
    assert isinstance(results.facets.date.years[0].filter, Filter)
    hit = results.hits[0]
    assert isinstance(hit, Hit)
    assert (hit.path, hit.title, hit.date, hit.date_precision) == (hit.path, hit.title, hit.date, "day")
    assert hit.score > 0 and hit.snippet.text and set(hit.entities) == {"person", "place", "org"}


def test_pages_cover_all_matches_once_in_score_order(index):
    first = index.search("tregu", limit=10)
    pages = [index.search("tregu", limit=10, page=n) for n in (1, 2, 3)]
    assert all(p.total == 24 for p in pages) and first.pages == 3
    seen = [hit.path for p in pages for hit in p.hits]
    assert len(seen) == len(set(seen)) == 24
    scores = [hit.score for p in pages for hit in p.hits]
    assert scores == sorted(scores, reverse=True)
    assert [h.path for h in pages[0].hits] == [h.path for h in first.hits]


def test_a_page_past_the_end_is_empty_not_an_error(index):
    results = index.search("tregu", limit=10, page=9)
    assert results.hits == [] and results.total == 24


def test_sort_by_date_is_newest_first_with_undated_last(index):
    results = index.search("tregu", sort="date", limit=30)
    dates = [hit.date for hit in results.hits]
    assert dates[-1] is None
    assert dates[:-1] == sorted(dates[:-1], reverse=True)


def test_sort_by_date_breaks_ties_by_relevance(index):
    results = index.search("tregu", sort="date", limit=30).hits
    for before, after in zip(results, results[1:]):
        if before.date == after.date:
            assert before.score >= after.score


def test_recency_lifts_newer_articles(index):
    plain = index.search("tregu", limit=30).hits
    recent = index.search("tregu", recency=50.0, limit=30).hits
    newest_date = max(h.date for h in plain if h.date)
    assert recent[0].date == newest_date != plain[0].date


def test_plain_mode_reads_syntax_as_words(index):
    with pytest.raises(QuerySyntaxError):
        index.search("tregu AND (")
    assert index.search("tregu AND (", syntax=False).total == 24
    assert index.search('"tregu" data:2099', syntax=False).total == 24  # not a filter


def test_bad_options_are_refused(index):
    with pytest.raises(ValueError):
        index.search("tregu", sort="alphabet")
    with pytest.raises(ValueError):
        index.search("tregu", page=0)
    with pytest.raises(QuerySyntaxError, match="unknown facet"):
        index.search("tregu", facets=["colour"])


def test_an_index_keeps_answering_after_it_changes(tmp_path):
    from conftest import add_documents

    with build_index(tmp_path / "index", [("a.txt", "2020", "tregu.", {})]) as opened:
        assert opened.search("tregu", facets=True).total == 1
        add_documents(opened, [("b.txt", "2021", "tregu.", {})])
        results = opened.search("tregu", facets=True)
        assert results.total == 2 and len(results.facets.date.years) == 2


def test_a_query_of_stop_words_alone_searches_them(tmp_path):
    """Stop words are left out of queries with other words, but a query of
    nothing else (`pa`, `qenë`) finds the articles holding them, not nothing."""
    docs = [
        ("a.txt", "2020", "tregu pa datë.", {}),
        ("b.txt", "2021", "tregu i ri.", {}),
        ("c.txt", "2022", "kanë qenë në treg pa leje.", {}),
    ]
    with build_index(tmp_path / "index", docs) as opened:
        assert {h.path for h in opened.search("pa").hits} == {"a.txt", "c.txt"}
        assert {h.path for h in opened.search("pa data:2022").hits} == {"c.txt"}
        assert [h.path for h in opened.search("qenë").hits] == ["c.txt"]
        # With a word that is no stop word, the stop word is left out as before.
        assert opened.search("pa tregu").total == opened.search("tregu").total == 3
        assert [h.score for h in opened.search("pa tregu").hits] == [h.score for h in opened.search("tregu").hits]


def test_a_word_cut_in_several_keys_counts_each_key_where_it_is_optional(tmp_path):
    """`Kosovë-Serbi` in a pasted headline also finds an article that writes
    `Kosovës dhe Serbisë` (before, the word was the phrase `kosovë serbi` and
    such an article got nothing for it); required or negated, the word must
    stand as written."""
    docs = [
        ("hyphen.txt", "2020", "Marrëveshja Kosovë-Serbi u nënshkrua.", {}),
        ("apart.txt", "2021", "Kosovës dhe Serbisë iu propozua marrëveshja.", {}),
        ("other.txt", "2022", "Tregu i ri në Prishtinë.", {}),
    ]
    with build_index(tmp_path / "index", docs) as opened:
        for syntax in (True, False):
            results = opened.search("Kosovë-Serbi", syntax=syntax)
            assert [h.path for h in results.hits] == ["hyphen.txt", "apart.txt"]
        headline = opened.search("Pesë vjet nga marrëveshja Kosovë-Serbi", syntax=False)
        assert {h.path for h in headline.hits} == {"hyphen.txt", "apart.txt"}
        assert [h.path for h in opened.search("+Kosovë-Serbi").hits] == ["hyphen.txt"]
        assert [h.path for h in opened.search("marrëveshja -Kosovë-Serbi").hits] == ["apart.txt"]
        # Each key is highlighted where it stands.
        snippet = next(h.snippet for h in opened.search("Kosovë-Serbi").hits if h.path == "apart.txt")
        assert [snippet.text[a:b] for a, b in snippet.highlights] == ["Kosovës", "Serbisë"]


def test_results_iterate_over_their_hits(index):
    results = index.search("tregu", limit=4)
    assert list(results) == results.hits and len(list(results)) == 4
    assert [hit.path for hit in results] == [hit.path for hit in results.hits]


def test_one_filter_may_be_given_alone(index):
    by_list = index.search("tregu", filters=["data:2012"])
    assert by_list.total > 0
    for alone in ("data:2012", Filter("date", "2012")):
        results = index.search("tregu", filters=alone)
        assert results.total == by_list.total and [f.text for f in results.filters] == ["data:2012"]


def test_the_readme_example_runs(tmp_path, monkeypatch, capsys):
    """The README's Python API example, word for word, on the seed article."""
    import re
    import shutil
    from pathlib import Path

    from conftest import REPO, SEED

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API") :]
    example = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    (tmp_path / "corpus").mkdir()
    shutil.copy(SEED, tmp_path / "corpus" / SEED.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SEARCHIDX_INDEX", raising=False)
    exec(compile(example, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert printed.startswith("1 results in 1 pages") and "2023-10" in printed and str(Path.cwd()) in printed


def test_browsing_an_index_of_undated_articles_lists_them_all(tmp_path):
    """An archive without dates (ntrex), indexed in several segments as the
    indexing workers write it, has no date column at all: browsing it,
    sorted by date or with facets, lists every article (it raised
    IndexError)."""
    from conftest import add_documents

    index = Index.create(tmp_path / "index")
    add_documents(index, [("0.txt", None, "Tregu numër 0.", {"place": ["Kina"]})])
    add_documents(index, [(f"{n}.txt", None, f"Tregu numër {n}.", {"place": ["Kina"]}) for n in (1, 2)], merge=False)
    with Index.open(tmp_path / "index") as opened:
        for sort in ("relevance", "date"):
            results = opened.search("", sort=sort, facets=True)
            assert results.total == 3 and {h.path for h in results.hits} == {"0.txt", "1.txt", "2.txt"}
            assert [(v.value, v.count) for v in results.facets.entities["place"]] == [("Kina", 3)]
        assert opened.search("tregu", sort="date").total == 3
        assert opened.stats().undated == 3


def test_dates_stay_with_their_articles_when_a_segment_has_none(tmp_path):
    """Whoosh reads a column over several segments by skipping a segment that
    has none: an undated segment before a dated one moved the dates onto the
    wrong articles, and left the list of dates short."""
    from conftest import add_documents

    index = Index.create(tmp_path / "index")
    add_documents(index, [("undated.txt", None, "Tregu pa datë.", {})])
    add_documents(
        index, [("dated.txt", "2021-05-03", "Tregu me datë.", {}), ("old.txt", "2019", "Tregu.", {})], merge=False
    )
    with Index.open(tmp_path / "index") as opened:
        assert len(opened._ix.reader().leaf_readers()) == 2
        hits = opened.search("", sort="date", limit=10).hits
        assert [(h.path, h.date) for h in hits] == [
            ("dated.txt", "2021-05-03"),
            ("old.txt", "2019"),
            ("undated.txt", None),
        ]
        assert opened.search("", filters="data:2021").total == 1
        stats = opened.stats()
        assert (stats.first_date, stats.last_date, stats.undated) == ("2019", "2021-05-03", 1)
