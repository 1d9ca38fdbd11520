"""`searchidx analyze`: tokens with offsets, normalized form, key, stop word."""

import json

from typer.testing import CliRunner

from analyzers import ANALYZER_VERSION
from searchidx.cli import app

runner = CliRunner()


def test_json_lists_each_token():
    result = runner.invoke(app, ["analyze", "--json", "S'ka OKB-së në Kinës"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["analyzer_version"] == ANALYZER_VERSION
    rows = data["tokens"]
    assert [r["text"] for r in rows] == ["S'", "ka", "OKB", "në", "Kinës"]
    assert [(r["start"], r["end"]) for r in rows] == [(0, 2), (2, 4), (5, 8), (12, 14), (15, 20)]
    assert [r["position"] for r in rows] == [0, 1, 2, 3, 4]
    kines = rows[-1]
    assert kines["normalized"] == "kinës" and kines["key"] == "kinë" and not kines["stop_word"]
    assert rows[3]["stop_word"] is True


def test_table_shows_keys_and_stop_words():
    result = runner.invoke(app, ["analyze", "Kines eshte"])
    assert result.exit_code == 0, result.output
    assert "kinë" in result.stdout and "jam" in result.stdout and "stop" in result.stdout


def test_reads_standard_input():
    result = runner.invoke(app, ["analyze", "--json", "-"], input="Tiranës")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["tokens"][0]["key"] == "tiranë"


def test_empty_text_is_a_usage_error():
    for args, given in ((["analyze", ""], None), (["analyze", "-"], "  \n"), (["analyze", "--json"], "")):
        result = runner.invoke(app, args, input=given)
        assert result.exit_code == 2, result.output
        assert "nothing to analyze" in result.stderr and "Traceback" not in result.output


def test_text_without_words_says_so():
    result = runner.invoke(app, ["analyze", "… —"])
    assert result.exit_code == 0, result.output
    assert "no words" in result.stdout
    result = runner.invoke(app, ["analyze", "--json", "… —"])
    assert json.loads(result.stdout)["tokens"] == []
