"""`searchidx search`: the JSON shape, facets, filters, suggestions and batches."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from searchidx.cli import app

from conftest import build_index

runner = CliRunner()


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    from conftest import DOCS

    path = tmp_path_factory.mktemp("cli") / "index"
    build_index(path, DOCS).close()
    return path


def invoke(index_dir, *args, input=None):
    return runner.invoke(app, ["search", *map(str, args), "--index", str(index_dir)], input=input)


def test_json_shape_is_stable(index_dir):
    result = invoke(index_dir, "naftës data:2024", "--json", "--facets", "-f", "vend:Kina", "-n", "1")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == [
        "query",
        "total",
        "page",
        "limit",
        "pages",
        "sort",
        "filters",
        "query_filters",
        "suggestion",
        "hits",
        "facets",
    ]
    assert (data["total"], data["pages"], data["sort"]) == (2, 2, "relevance")
    assert data["filters"] == [{"field": "place", "value": "Kina", "text": "vend:Kina"}]
    assert data["query_filters"] == [{"field": "date", "value": "2024", "text": "data:2024"}]
    (hit,) = data["hits"]
    assert list(hit) == [
        "path",
        "file",
        "date",
        "date_precision",
        "title",
        "score",
        "snippet",
        "highlights",
        "entities",
        "record",
        "url",
    ]
    assert (hit["record"], hit["url"]) == (None, None)  # a text file: one article, no link
    assert Path(hit["file"]).is_absolute() and Path(hit["file"]).name == Path(hit["path"]).name
    facets = data["facets"]
    assert list(facets) == ["date", "person", "place", "org"]
    assert facets["date"] == {
        "years": [{"value": "2024", "count": 2, "filter": "data:2024"}],
        "year": "2024",
        "months": [
            {"value": "2024-02", "count": 1, "filter": "data:2024-02"},
            {"value": "2024-03", "count": 1, "filter": "data:2024-03"},
        ],
        "year_only": 0,
        "undated": 0,
    }
    assert {"value": "Kina", "count": 2, "filter": "vend:Kina"} in facets["place"]


def test_without_facets_the_key_is_null(index_dir):
    data = json.loads(invoke(index_dir, "naftës", "--json").stdout)
    assert data["facets"] is None and data["suggestion"] is None


def test_facets_print_as_tables_with_their_filters(index_dir):
    result = invoke(index_dir, "naftës", "--facets")
    assert result.exit_code == 0
    for text in ["Years", "2024", "-f data:2024", "pa datë", "Places", "-f vend:Kina", "█"]:
        assert text in result.stdout


def test_active_filters_are_shown(index_dir):
    result = invoke(index_dir, "naftës", "-f", "vend:Kina", "-f", "data:2024")
    assert "Filters:" in result.stdout and "vend:Kina" in result.stdout and "data:2024" in result.stdout


def test_filters_alone_browse(index_dir):
    data = json.loads(invoke(index_dir, "-f", "data:2024-02", "--json").stdout)
    assert data["total"] == 3 and data["query"] == ""


def test_suggestion_is_printed(index_dir):
    result = invoke(index_dir, "nafts")
    assert "Did you mean" in result.stdout and "naftës" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["AND OR ("], "AND at the start"),
        (["naftës", "-f", "data:2024-13"], "month out of range"),
        (["naftës", "--sort", "alphabet"], "'alphabet' is not one of 'relevance', 'date'"),
        (["naftës", "--limit", "0"], "0 is less than 1"),
        (["naftës", "--nonsense"], "No such option: --nonsense"),
        ([], "give a QUERY"),
    ],
)
def test_mistakes_are_usage_errors_on_one_line(index_dir, args, message):
    result = invoke(index_dir, *args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert message in result.stderr and "Traceback" not in result.output


def test_batch_writes_one_json_object_per_line(index_dir, tmp_path):
    queries = tmp_path / "queries.txt"
    queries.write_text('naftës\n\nAND OR (\n"tregu i naftës" data:2024\n', encoding="utf-8")
    result = invoke(index_dir, "--batch", queries, "--facets")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["naftës", "AND OR (", '"tregu i naftës" data:2024']
    assert lines[0]["total"] == 8 and lines[0]["facets"]["date"]["undated"] == 1
    assert "AND at the start" in lines[1]["error"]
    assert lines[2]["total"] == 5
    assert result.exit_code == 1  # one query failed; the others still ran


def test_batch_reads_stdin(index_dir):
    result = invoke(index_dir, "--batch", "-", "--plain", input="Haradinaj: AND naftës\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total"] == 8


def test_batch_of_a_missing_file_is_an_error(index_dir, tmp_path):
    result = invoke(index_dir, "--batch", tmp_path / "none.txt")
    assert result.exit_code == 1 and "cannot read" in result.stderr
