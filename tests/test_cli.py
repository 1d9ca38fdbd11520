"""The command line, through Typer's CliRunner."""

import json

import pytest
from typer.testing import CliRunner

from searchidx.cli import app

from conftest import SEED, rewrite_meta

runner = CliRunner()


@pytest.fixture
def folder(make_corpus):
    return make_corpus(
        {
            SEED.name: SEED.read_bytes(),
            "ekonomi.txt": " date 2021-03-05 Banka Qendrore e Kosovës njoftoi inflacionin.",
            "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            "latin1.txt": "Kinës dhe çmimi".encode("latin-1"),
            "empty.txt": b"",
        }
    )


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_index_names_the_bad_files_and_exits_zero(folder, index_dir):
    result = invoke("index", folder, "--index", index_dir)
    assert result.exit_code == 0, result.output
    assert "2 indexed" in result.stdout
    for name, reason in [("image.txt", "binary file"), ("latin1.txt", "invalid UTF-8"), ("empty.txt", "empty file")]:
        assert f"{name}: {reason}" in result.stdout


def test_index_json_summary(folder, index_dir):
    result = invoke("index", folder, "--index", index_dir, "--json")
    summary = json.loads(result.stdout)
    assert summary["added"] == 2 and summary["documents"] == 2
    assert {s["path"] for s in summary["skipped"]} == {"image.txt", "latin1.txt", "empty.txt"}


@pytest.mark.parametrize("query", ["Kines", "Kinës"])
def test_search_json_returns_the_seed(folder, index_dir, query):
    invoke("index", folder, "--index", index_dir)
    result = invoke("search", query, "--json", "--index", index_dir)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["query"] == query and data["total"] == 1
    (hit,) = data["hits"]
    assert set(hit) >= {"path", "date", "date_precision", "title", "score", "snippet", "highlights", "entities"}
    assert (hit["path"], hit["date"], hit["date_precision"]) == (SEED.name, "2023-10", "month")
    assert all(hit["snippet"][a:b].lower().startswith("kin") for a, b in hit["highlights"])


def test_search_prints_ranked_results(folder, index_dir):
    invoke("index", folder, "--index", index_dir)
    result = invoke("search", "Pekin Moskës", "--index", index_dir)
    assert result.exit_code == 0
    assert "1 result for 'Pekin Moskës'" in result.stdout
    assert "2023-10" in result.stdout and SEED.name in result.stdout


def test_index_location_from_the_environment(folder, index_dir, monkeypatch):
    monkeypatch.setenv("SEARCHIDX_INDEX", str(index_dir))
    assert invoke("index", folder).exit_code == 0
    assert json.loads(invoke("search", "Kines", "--json").stdout)["total"] == 1


def test_a_broken_query_is_a_usage_error_without_a_traceback(folder, index_dir):
    invoke("index", folder, "--index", index_dir)
    result = invoke("search", "AND OR (", "--index", index_dir)
    assert result.exit_code == 2
    assert "AND at the start" in result.stderr
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


def test_searching_without_an_index_says_how_to_build_one(tmp_path):
    result = invoke("search", "Kina", "--index", tmp_path / "none")
    assert result.exit_code == 1
    assert "no index at" in result.stderr and "searchidx index" in result.stderr
    assert isinstance(result.exception, SystemExit)


def test_indexing_a_missing_folder_is_an_error(tmp_path, index_dir):
    result = invoke("index", tmp_path / "none", "--index", index_dir)
    assert result.exit_code == 1
    assert "is not a folder" in result.stderr


def test_an_old_index_is_refused_until_rebuilt(folder, index_dir):
    invoke("index", folder, "--index", index_dir)
    rewrite_meta(index_dir, schema_version=1004)
    result = invoke("search", "Kina", "--index", index_dir)
    assert result.exit_code == 1 and "--rebuild" in result.stderr
    assert invoke("index", folder, "--index", index_dir).exit_code == 1
    assert invoke("index", folder, "--index", index_dir, "--rebuild").exit_code == 0
    assert invoke("search", "Kina", "--index", index_dir).exit_code == 0
