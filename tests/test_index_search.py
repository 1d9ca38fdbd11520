"""Indexing and searching through the Python API."""

import pytest

from searchidx import Index, IndexNotFound, IndexVersionMismatch, QuerySyntaxError

from conftest import SEED, rewrite_meta


@pytest.fixture
def seed_index(make_corpus, index_dir):
    folder = make_corpus(
        {
            SEED.name: SEED.read_bytes(),
            "ekonomi.txt": " date 2021-03-05 Banka Qendrore e Kosovës njoftoi se inflacioni arriti 2,5 për qind.",
            "sport.txt": " date 2019 Kombëtarja e Kosovës fitoi ndeshjen në Prishtinë.",
            "pa-date.txt": "Qeveria miratoi buxhetin e ri për arsimin.",
        }
    )
    with Index.create(index_dir) as index:
        index.add_folder(folder)
    with Index.open(index_dir) as index:
        yield index, folder


@pytest.mark.parametrize("query", ["Kinës", "Kines", "KINËS", "kines"])
def test_a_query_with_or_without_diacritics_finds_the_seed(seed_index, query):
    index, _ = seed_index
    results = index.search(query)
    assert [hit.path for hit in results.hits] == [SEED.name]


def test_hits_carry_date_precision_title_score_and_snippet(seed_index):
    index, _ = seed_index
    (seed_hit,) = index.search("Pekin").hits
    assert (seed_hit.date, seed_hit.date_precision) == ("2023-10", "month")
    assert seed_hit.title.startswith("Presidenti rus, Vladimir Putin")
    assert seed_hit.score > 0
    marked = [seed_hit.snippet.text[a:b] for a, b in seed_hit.snippet.highlights]
    assert marked and all(word.lower() == "pekin" for word in marked)
    (undated,) = index.search("buxhetin").hits
    assert (undated.date, undated.date_precision) == (None, None)


def test_more_matching_words_rank_higher(seed_index):
    index, _ = seed_index
    results = index.search("Kosovës inflacioni")
    assert [hit.path for hit in results.hits] == ["ekonomi.txt", "sport.txt"]
    assert results.total == 2


def test_paging_and_total(seed_index):
    index, _ = seed_index
    first = index.search("Kosovës OR Qeveria OR Kina", limit=2, page=1)
    second = index.search("Kosovës OR Qeveria OR Kina", limit=2, page=2)
    assert first.total == second.total == 4
    assert len(first.hits) == 2 and len(second.hits) == 2
    assert not {h.path for h in first.hits} & {h.path for h in second.hits}


@pytest.mark.parametrize(
    "query, message",
    [
        ("AND OR (", "AND at the start"),
        ("Kina AND", "AND at the end"),
        ("(Kina", r"unclosed '\('"),
        ("Kina)", r"unmatched '\)'"),
        ('"Brezi dhe', "unclosed quote"),
        ("Kina OR AND Rusia", "after OR"),
        ("()", r"empty parentheses"),
        ("Kina NOT", "NOT at the end"),
    ],
)
def test_broken_queries_explain_themselves(seed_index, query, message):
    index, _ = seed_index
    with pytest.raises(QuerySyntaxError, match=message):
        index.search(query)


def test_an_empty_query_browses_every_article_newest_first(seed_index):
    index, _ = seed_index
    results = index.search("   ")
    assert results.total == index.document_count() > 0
    assert results.hits and all(hit.score == 0 for hit in results.hits)
    dated = [hit.date for hit in results.hits if hit.date]
    assert dated == sorted(dated, reverse=True)


@pytest.mark.parametrize("query", ['"Brezi dhe Rruga"', "Kina AND (Rusia OR Moskës)", "Kina NOT Hamas", "Kin*"])
def test_valid_queries_pass_the_check(seed_index, query):
    index, _ = seed_index
    assert index.search(query).total >= 0


def test_opening_a_missing_index_says_how_to_build_one(tmp_path):
    with pytest.raises(IndexNotFound, match="searchidx index"):
        Index.open(tmp_path / "nowhere")


def test_an_index_built_by_another_analyzer_is_refused(seed_index, index_dir):
    rewrite_meta(index_dir, analyzer_version="sq-0")
    with pytest.raises(IndexVersionMismatch, match="--rebuild"):
        Index.open(index_dir)


def test_reindexing_follows_changes_in_the_folder(seed_index, index_dir):
    index, folder = seed_index
    (folder / "sport.txt").write_text(" date 2019 Kombëtarja humbi në Tiranë.", encoding="utf-8")
    (folder / "pa-date.txt").unlink()
    (folder / "ri.txt").write_text(" date 2024-02 Artikull i ri nga Tiranë.", encoding="utf-8")
    with Index.open(index_dir) as reopened:
        summary = reopened.add_folder(folder)
        assert (summary.added, summary.updated, summary.unchanged, summary.removed) == (1, 1, 2, 1)
        assert reopened.document_count() == 4
        assert reopened.search("buxhetin").total == 0
        assert {h.path for h in reopened.search("Tiranë").hits} == {"sport.txt", "ri.txt"}


def test_bad_files_are_skipped_and_the_good_ones_indexed(make_corpus, index_dir):
    folder = make_corpus({"good.txt": "Kina.", "bad.txt": b"\xff\xfe\x00\x00", "empty.txt": ""})
    with Index.create(index_dir) as index:
        summary = index.add_folder(folder)
        assert summary.added == 1
        assert sorted(s.path for s in summary.skipped) == ["bad.txt", "empty.txt"]
        assert index.search("Kina").total == 1
