"""The ranking's IDF power (searchidx.rank.settings.SharpIDFBM25F) and its eval option."""

import dataclasses
import json
import math

import pytest
from typer.testing import CliRunner

from searchidx.cli import app
from searchidx.rank.settings import DEFAULT_RANKING, Ranking

from conftest import DOCS, build_index

runner = CliRunner()


@pytest.fixture
def index(tmp_path):
    opened = build_index(tmp_path / "index", DOCS)
    yield opened
    opened.close()


def _idf(index, ranking: Ranking, word: str) -> float:
    ix = index._ix  # the open Whoosh index
    key = next(iter(ix.schema["body"].analyzer(word, mode="query"))).text
    with ix.searcher(weighting=ranking.weighting()) as searcher:
        return searcher.idf("body", key)


def test_idf_is_whooshs_raised_to_the_power(index):
    plain = dataclasses.replace(DEFAULT_RANKING, idf_power=1.0)
    squared = dataclasses.replace(DEFAULT_RANKING, idf_power=2.0)
    for word in ("naftës", "gazit"):  # in every article / in few
        assert _idf(index, squared, word) == pytest.approx(_idf(index, plain, word) ** 2)
    with index._ix.searcher() as searcher:  # Whoosh's own formula at power 1
        n, df = searcher.doc_count_all(), searcher.doc_frequency("body", "gaz")
    assert df >= 1 and _idf(index, plain, "gazit") == pytest.approx(math.log(n / (df + 1)) + 1)


def test_a_squared_idf_widens_the_gap_between_rare_and_common_words(index):
    plain = dataclasses.replace(DEFAULT_RANKING, idf_power=1.0)
    squared = dataclasses.replace(DEFAULT_RANKING, idf_power=2.0)
    ratio_plain = _idf(index, plain, "gazit") / _idf(index, plain, "naftës")
    ratio_squared = _idf(index, squared, "gazit") / _idf(index, squared, "naftës")
    assert ratio_squared == pytest.approx(ratio_plain**2) and ratio_squared > ratio_plain > 1


def test_the_default_ranking_squares_the_idf():
    assert DEFAULT_RANKING.idf_power == 2.0
    assert DEFAULT_RANKING.weighting().idf_power == 2.0


def test_eval_takes_an_idf_power(tmp_path, index):
    queries = tmp_path / "q.tsv"
    queries.write_text("qid\tquery\ttarget\nq1\tnafta gazit\tjune-2022.txt\n", encoding="utf-8")
    result = runner.invoke(
        app, ["eval", str(queries), "--index", str(tmp_path / "index"), "--idf-power", "1.5", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["ranking"]["idf_power"] == 1.5 and data["mrr@10"] == 1.0
