"""`searchidx eval`: reading query sets and qrels, the metrics, and the command."""

import json
import math

import pytest
from typer.testing import CliRunner

from analyzers.normalizer import strip_accents
from searchidx.cli import app
from searchidx.evaluation import EvaluationInputError, read_query_set, score_ranking

from conftest import build_index

runner = CliRunner()


def test_metrics_of_a_known_item_ranking():
    rr, ndcg, r10, r100 = score_ranking(["x", "y", "target"], {"target": 1})
    assert rr == pytest.approx(1 / 3)
    assert ndcg == pytest.approx(1 / math.log2(4))
    assert (r10, r100) == (1.0, 1.0)
    assert score_ranking(["x"] * 10 + ["target"], {"target": 1})[:3] == (0.0, 0.0, 0.0)
    assert score_ranking(["x"] * 10 + ["target"], {"target": 1})[3] == 1.0


def test_graded_ndcg_prefers_the_better_document_first():
    good = score_ranking(["a", "b"], {"a": 3, "b": 1})[1]
    worse = score_ranking(["b", "a"], {"a": 3, "b": 1})[1]
    assert good == pytest.approx(1.0) and worse < good


def test_eval_queries_without_diacritics_drop_every_accent():
    assert strip_accents("Kinës çmimi ËÇ") == "Kines cmimi EC"


@pytest.fixture
def setup(tmp_path):
    from conftest import DOCS

    index_dir = tmp_path / "index"
    build_index(index_dir, DOCS).close()
    queries = tmp_path / "q.tsv"
    queries.write_text(
        'qid\tquery\ttarget\nq1\tKombëtarja fitoi: "ndeshjen" AND\tother.txt\nq2\tgazit\tjuly-2023.txt\n',
        encoding="utf-8",
    )
    return index_dir, queries, tmp_path


def test_eval_prints_the_metrics_as_json_and_writes_a_run(setup):
    index_dir, queries, tmp_path = setup
    run = tmp_path / "run.txt"
    result = runner.invoke(app, ["eval", str(queries), "--index", str(index_dir), "--json", "--run", str(run)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["queries"] == 2 and data["mrr@10"] == pytest.approx((1 + 0.5) / 2)
    assert data["recall@10"] == 1.0
    lines = run.read_text().splitlines()
    assert lines[0].split() == ["q1", "Q0", "other.txt", "1", lines[0].split()[4], "searchidx"]


def test_eval_table_and_qrels(setup):
    index_dir, _, tmp_path = setup
    queries = tmp_path / "graded.tsv"
    queries.write_text("qid\tquery\nq1\tnaftës gazit\n", encoding="utf-8")
    qrels = tmp_path / "qrels.txt"
    qrels.write_text("q1 0 june-2022.txt 2\nq1 0 july-2023.txt 1\nq1 0 other.txt 0\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(queries), "--index", str(index_dir), "--qrels", str(qrels)])
    assert result.exit_code == 0, result.output
    assert "MRR@10" in result.stdout and "1.0000" in result.stdout


@pytest.mark.parametrize(
    "content, message",
    [
        ("id\ttext\n", "first line must be the header"),
        ("qid\tquery\ttarget\nq1 only\n", "expected qid"),
        ("qid\tquery\nq1\tKina\n", "no relevance judgements"),
    ],
)
def test_bad_query_files_explain_themselves(tmp_path, content, message):
    path = tmp_path / "q.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationInputError, match=message):
        read_query_set(path)


def test_eval_of_a_missing_file_exits_1(tmp_path):
    result = runner.invoke(app, ["eval", str(tmp_path / "none.tsv"), "--index", str(tmp_path)])
    assert result.exit_code == 1 and "cannot read" in result.stderr


def test_eval_takes_near_form_settings_and_refuses_a_prefix_of_no_letters(setup):
    index_dir, queries, _ = setup
    args = ["eval", str(queries), "--index", str(index_dir), "--json"]
    result = runner.invoke(app, args + ["--near-form-weight", "0.5", "--near-form-prefix", "5"])
    assert result.exit_code == 0, result.output
    ranking = json.loads(result.stdout)["ranking"]
    assert (ranking["near_form_weight"], ranking["near_form_prefix"]) == (0.5, 5)
    # A prefix of 0 letters would make every key a near form of every other.
    assert runner.invoke(app, args + ["--near-form-prefix", "0"]).exit_code == 2
