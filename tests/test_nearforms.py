"""Near forms (searchidx.rank.nearforms): a query key an article lacks is credited
through the article's keys sharing its first letters; ranking only."""

from __future__ import annotations

import dataclasses

import pytest

from searchidx.index.postings import PostingReader
from searchidx.query.builder import NearFormTerm
from searchidx.rank.settings import DEFAULT_RANKING

from conftest import build_index

OFF = dataclasses.replace(DEFAULT_RANKING, near_form_weight=0.0)


@pytest.fixture()
def index(tmp_path):
    # `infektimi` has the key infektim, `u infektua` and `infektuar` infektoj:
    # one word's derivations, which the analyzer keeps apart.
    docs = [
        ("a-other.txt", "2020", "Sot në Prishtinë.", {}),
        ("b-verb.txt", "2020", "Mjeku u infektua në Prishtinë sot.", {}),
        ("c-noun.txt", "2020", "Infektimi i mjekut në Prishtinë.", {}),
        ("d-alone.txt", "2020", "Dy të infektuar në Pejë.", {}),
    ]
    with build_index(tmp_path / "index", docs) as opened:
        yield opened


def paths(results):
    return [hit.path for hit in results.hits]


def test_an_article_with_a_near_form_ranks_above_one_without(index):
    assert paths(index.search("infektimi Prishtinë"))[:2] == ["c-noun.txt", "b-verb.txt"]
    index.ranking = OFF
    # Without the credit the article saying `u infektua` is one more match of
    # Prishtinë, below the shorter one.
    assert paths(index.search("infektimi Prishtinë"))[:3] == ["c-noun.txt", "a-other.txt", "b-verb.txt"]
    assert {h.path: h.score for h in index.search("infektimi Prishtinë").hits}["b-verb.txt"] == pytest.approx(
        {h.path: h.score for h in index.search("Prishtinë").hits}["b-verb.txt"]
    )


def test_near_forms_never_make_an_article_match(index):
    for query in ("infektimi", "infektimi Prishtinë", "+infektimi Prishtinë", "infektimi -Pejë"):
        with_credit = index.search(query, facets=True)
        index.ranking = OFF
        without = index.search(query, facets=True)
        index.ranking = DEFAULT_RANKING
        assert sorted(paths(with_credit)) == sorted(paths(without)) and with_credit.total == without.total
        assert with_credit.facets == without.facets
    assert paths(index.search("infektimi")) == ["c-noun.txt"]
    assert paths(index.search("+infektimi Prishtinë")) == ["c-noun.txt"]


def test_the_credit_is_bm25_of_the_near_forms_as_one_key_times_the_weight(index):
    ix = index._ix
    with ix.searcher(weighting=DEFAULT_RANKING.weighting()) as searcher:
        scores = {h.path: h.score for h in index.search("infektimi Prishtinë").hits}
        plain = {h.path: h.score for h in index.search("Prishtinë").hits}
        analyzer = searcher.schema["body"].analyzer
        key = next(iter(analyzer("infektimi", mode="query"))).text
        assert key == "infektim" and len(key) >= DEFAULT_RANKING.near_form_prefix
        prefix = key[: DEFAULT_RANKING.near_form_prefix]
        near = [t for t in searcher.reader().lexicon("body") if t.decode().startswith(prefix)]
        # b-verb (infektoj once), c-noun (the key itself), d-alone (infektoj once).
        holders = {d for t in near for d in searcher.reader().postings("body", t).all_ids()}
        assert len(holders) == 3
        weighting = searcher.weighting
        idf = weighting.idf_of(len(holders), searcher.doc_count_all())
        docnum = next(d for d, f in enumerate(searcher.all_stored_fields()) if f["path"] == "b-verb.txt")
        length = PostingReader(searcher.reader()).lengths("body")[docnum]
        avg = searcher.avg_field_length("body")
        k1, b = weighting.K1, weighting._field_B["body"]
        credit = DEFAULT_RANKING.near_form_weight * idf * (1 * (k1 + 1)) / (1 + k1 * ((1 - b) + b * length / avg))
        assert scores["b-verb.txt"] == pytest.approx(plain["b-verb.txt"] + credit, abs=1e-4)
        # The article with the key itself gets no credit on top of it.
        assert scores["c-noun.txt"] > plain["c-noun.txt"]
        index.ranking = OFF
        assert {h.path: h.score for h in index.search("infektimi Prishtinë").hits}["c-noun.txt"] == scores["c-noun.txt"]


def test_a_query_whoosh_scores_reads_near_form_terms_as_plain_terms(index):
    # A prefix sends the query to Whoosh's own search.
    results = index.search("infektimi Prisht*")
    assert set(paths(results)) == {"a-other.txt", "b-verb.txt", "c-noun.txt"}


def test_near_form_terms_are_equal_only_to_the_same_settings():
    assert NearFormTerm("body", "infektim") == NearFormTerm("body", "infektim")
    assert hash(NearFormTerm("body", "infektim")) == hash(NearFormTerm("body", "infektim"))
    assert NearFormTerm("body", "infektim", weight=0.5) != NearFormTerm("body", "infektim")
    from whoosh import query as wq

    assert NearFormTerm("body", "infektim") != wq.Term("body", "infektim")


def test_the_near_forms_an_article_was_credited_for_are_highlighted(index):
    hits = {h.path: h.snippet for h in index.search("infektimi Prishtinë").hits}
    marked = lambda snippet: [snippet.text[a:b] for a, b in snippet.highlights]  # noqa: E731
    assert marked(hits["b-verb.txt"]) == ["infektua", "Prishtinë"]
    assert marked(hits["c-noun.txt"]) == ["Infektimi", "Prishtinë"]  # its own key: no near form credited
    assert marked(hits["a-other.txt"]) == ["Prishtinë"]
    index.ranking = OFF
    hits = {h.path: h.snippet for h in index.search("infektimi Prishtinë").hits}
    assert marked(hits["b-verb.txt"]) == ["Prishtinë"]


def test_near_forms_of_an_excluded_word_are_not_highlighted(index):
    hits = {h.path: h.snippet for h in index.search("Prishtinë -infektimi").hits}
    assert set(hits) == {"a-other.txt", "b-verb.txt"}
    assert [hits["b-verb.txt"].text[a:b] for a, b in hits["b-verb.txt"].highlights] == ["Prishtinë"]


def test_the_reading_view_marks_the_near_forms_the_snippet_marks(index):
    article = index.article("b-verb.txt", "infektimi Prishtinë")
    assert [article.body[a:b] for a, b in article.matches] == ["infektua", "Prishtinë"]
    article = index.article("c-noun.txt", "infektimi Prishtinë")
    assert [article.body[a:b] for a, b in article.matches] == ["Infektimi", "Prishtinë"]
    index.ranking = OFF
    article = index.article("b-verb.txt", "infektimi Prishtinë")
    assert [article.body[a:b] for a, b in article.matches] == ["Prishtinë"]


def test_a_ranking_refuses_a_prefix_of_no_letters():
    with pytest.raises(ValueError, match="near_form_prefix"):
        dataclasses.replace(DEFAULT_RANKING, near_form_prefix=0)
    with pytest.raises(ValueError, match="near_form_weight"):
        dataclasses.replace(DEFAULT_RANKING, near_form_weight=-1.0)


@pytest.mark.parametrize("prefix", ["pej*", "zzz*"])
def test_a_prefix_in_the_query_leaves_the_other_words_their_credit(index, prefix):
    """`ndërt*` added to a query once sent the whole query to Whoosh's own
    scoring, which reads a near-form term as a plain one: the other words
    lost their near-form credit (b-verb.txt fell from 1.80 to 0.90, below
    a-other.txt), so the articles holding no word of the prefix ranked
    otherwise than without it."""
    without = {h.path: h.score for h in index.search("infektimi Prishtinë").hits}
    with_prefix = index.search(f"infektimi Prishtinë {prefix}")
    scores = {h.path: h.score for h in with_prefix.hits}
    untouched = ["c-noun.txt", "b-verb.txt", "a-other.txt"]  # no word starting pej or zzz
    assert {path: scores[path] for path in untouched} == {path: without[path] for path in untouched}
    assert [h.path for h in with_prefix.hits if h.path in untouched] == untouched
