"""Re-ranking the first hits by character 4-grams (searchidx.rank.rerank): it
re-orders them, by the formula, and changes nothing else."""

from __future__ import annotations

import dataclasses
import math
from collections import Counter

import pytest
from typer.testing import CliRunner

from searchidx.cli import app
from searchidx.rank.rerank import IDF_POWER, K1, B, gram_scores, query_grams, rerank, word_grams
from searchidx.rank.settings import DEFAULT_RANKING, Ranking

from conftest import build_index, random_docs

OFF = dataclasses.replace(DEFAULT_RANKING, ngram_weight=0.0)
# `Daviesin` has the key davies, `Davies` davi: the analyzer keeps the
# inflected name apart from the name, and they share no six letters.
QUERY = "Daviesin mposht Di Maria në finale"
DOCS = [
    ("x-davies.txt", "2020", "Davies: Di Maria mposht kundërshtarët në finale.", {}),
    ("y-other.txt", "2020", "Di Maria mposht kundërshtarët në finale.", {}),
    ("z-far.txt", "2020", "Finale e kupës në Prishtinë.", {}),
]


@pytest.fixture()
def index(tmp_path):
    with build_index(tmp_path / "index", DOCS) as opened:
        yield opened


def ranked(index, query=QUERY, **options):
    return [(hit.path, hit.score) for hit in index.search(query, limit=50, **options).hits]


def test_grams_are_of_the_word_as_written_without_diacritics_and_padded():
    assert word_grams("Kinës") == (" kin", "kine", "ines", "nes ")
    assert word_grams("në") == ()  # a stop word
    assert word_grams("ab") == (" ab ",)
    assert query_grams(["COVID-19"]) == Counter({" cov": 1, "covi": 1, "ovid": 1, "vid ": 1, " 19 ": 1})


def test_an_article_sharing_the_inflected_name_moves_up(index):
    assert [path for path, _ in ranked(index)][:2] == ["x-davies.txt", "y-other.txt"]
    index.ranking = OFF
    # The keys alone put the shorter article first: nothing of `Daviesin` is in either.
    assert [path for path, _ in ranked(index)][:2] == ["y-other.txt", "x-davies.txt"]


def test_the_bonus_is_the_best_key_score_times_the_share_of_the_best_gram_score(index):
    index.ranking = OFF
    before = dict(ranked(index))
    bodies = [body for _, _, body, _ in DOCS]
    grams = gram_scores(query_grams(QUERY.split()), bodies)
    best_key = max(before.values())
    index.ranking = DEFAULT_RANKING
    after = dict(ranked(index))
    for (path, _, _, _), g in zip(DOCS, grams):
        assert after[path] == pytest.approx(before[path] + best_key * g / max(grams), abs=1e-3)


def test_gram_scores_are_bm25_among_the_candidates():
    bodies = ["Kinës Kinës sot", "Kina dje", "Rusia"]
    query = query_grams(["Kinës"])
    # A word of n letters, padded, has n - 1 grams: Kinës 4, sot 2, Kina 3.
    lengths = [4 + 4 + 2, 3 + 2, 4]
    mean = sum(lengths) / 3

    def bm25(tf, length, df):
        idf = (math.log(3 / df) + 1) ** IDF_POWER
        return idf * tf * (K1 + 1) / (tf + K1 * ((1 - B) + B * length / mean))

    # ` kin` is in both Kinës and Kina (df 2); `kine`, `ines`, `nes ` in the first only.
    first = bm25(2, lengths[0], 2) + 3 * bm25(2, lengths[0], 1)
    second = bm25(1, lengths[1], 2)
    assert gram_scores(query, bodies) == pytest.approx([first, second, 0.0])


@pytest.mark.slow
def test_only_the_order_of_the_first_hits_changes(tmp_path):
    with build_index(tmp_path / "index", random_docs(300)) as index:
        query = "tregu nafta gazi qeveria buxheti shkolla"
        on = index.search(query, limit=100, facets=True)
        index.ranking = OFF
        off = index.search(query, limit=100, facets=True)
        depth = DEFAULT_RANKING.ngram_depth
        assert on.total == off.total > depth and on.facets == off.facets
        assert {h.path for h in on.hits[:depth]} == {h.path for h in off.hits[:depth]}
        assert [h.path for h in on.hits[:depth]] != [h.path for h in off.hits[:depth]]
        assert [(h.path, h.score) for h in on.hits[depth:]] == [(h.path, h.score) for h in off.hits[depth:]]
        # Page 2 is the re-ranked list's second page.
        index.ranking = DEFAULT_RANKING
        assert [h.path for h in index.search(query, page=2, limit=10).hits] == [h.path for h in on.hits[10:20]]


@pytest.mark.parametrize(
    "query, options",
    [
        ("Daviesin finale", {}),  # fewer than four words that are not stop words
        ("Daviesin mposht Di Maria finale", {"sort": "date"}),  # newest first: nothing to re-rank
    ],
)
def test_short_queries_and_date_order_are_not_re_ranked(index, query, options):
    on = ranked(index, query, **options)
    index.ranking = OFF
    assert ranked(index, query, **options) == on


def test_rerank_keeps_a_list_it_cannot_improve():
    hits = [(3, 2.0), (1, 1.0)]
    bodies = {3: "Kina", 1: "Rusia"}
    assert rerank(hits, ["Prishtinë Pejë Gjakovë Prizren"], bodies.get, 30, 1.0) == hits  # no gram shared
    assert rerank(hits, ["Kina"], bodies.get, 30, 1.0) == hits  # one word
    assert rerank(hits, ["Rusia Rusia Rusia Rusia"], bodies.get, 0, 1.0) == hits  # depth 0: off


def test_a_negative_depth_or_weight_is_refused():
    with pytest.raises(ValueError):
        Ranking(ngram_depth=-1)
    with pytest.raises(ValueError):
        Ranking(ngram_weight=-0.5)


def test_eval_can_turn_it_off(tmp_path, monkeypatch):
    monkeypatch.delenv("SEARCHIDX_INDEX", raising=False)
    build_index(tmp_path / "index", DOCS).close()
    queries = tmp_path / "q.tsv"
    queries.write_text(f"qid\tquery\ttarget\nq1\t{QUERY}\tx-davies.txt\n", encoding="utf-8")
    runner = CliRunner()
    args = ["eval", str(queries), "--index", str(tmp_path / "index"), "--json"]
    on = runner.invoke(app, args)
    off = runner.invoke(app, [*args, "--ngram-weight", "0"])
    assert on.exit_code == off.exit_code == 0, on.output + off.output
    assert '"mrr@10": 1.0' in on.output and '"mrr@10": 0.5' in off.output
    assert '"ngram_weight": 0.0' in off.output


def _gram_scores_word_by_word(query: Counter, bodies: list[str]) -> list[float]:
    """The 4-gram BM25 as first written: every body's distinct words looked
    at one by one (the reference gram_scores must equal to the last bit)."""
    from searchidx.rank.rerank import _WORD

    counts, lengths = [], []
    for body in bodies:
        tf: Counter = Counter()
        length = 0
        for raw, times in Counter(_WORD.findall(body)).items():
            grams = word_grams(raw)
            length += len(grams) * times
            for gram in (g for g in grams if g in query):
                tf[gram] += times
        counts.append(tf)
        lengths.append(length)
    n = len(bodies)
    held = Counter(gram for tf in counts for gram in tf)
    idf = {gram: (math.log(n / df) + 1) ** IDF_POWER for gram, df in held.items()}
    mean = sum(lengths) / n if n else 0.0
    scores = []
    for tf, length in zip(counts, lengths):
        norm = (1 - B) + B * length / mean if mean else 1.0
        scores.append(sum(query[g] * idf[g] * f * (K1 + 1) / (f + K1 * norm) for g, f in tf.items()))
    return scores


@pytest.mark.slow
def test_gram_scores_counted_as_arrays_equal_a_count_word_by_word():
    import random

    from conftest import LAJMI

    rng = random.Random(4)
    if LAJMI.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(LAJMI.glob("*.txt"))[:120]]
    else:
        texts = [body for _, _, body, _ in random_docs(120)]
    words = [w for text in texts for w in text.split()]
    for _ in range(40):
        bodies = rng.sample(texts, rng.randint(1, 30)) + [""] * rng.randint(0, 1)
        query = query_grams(rng.sample(words, rng.randint(1, 12)) + ["nanana", "Kinës"])
        assert gram_scores(query, bodies) == _gram_scores_word_by_word(query, bodies)  # exactly
    assert gram_scores(Counter(), ["Kina"]) == [0]
    assert gram_scores(query_grams(["Kina"]), []) == []
