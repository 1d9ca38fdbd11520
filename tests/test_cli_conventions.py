"""The command line as people and scripts use it: help, errors and exit codes,
output in a pipe, data formats, opening a hit, and what start-up imports.

Commands run as subprocesses where the pipe matters (stdout is then not a
terminal, as in `searchidx search … | head`), else through CliRunner.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from searchidx.cli import app
from searchidx.cli.output import Line, write_lines
from searchidx.cli.render import results_lines
from searchidx.query.filters import Filter
from searchidx.results.facets import DateHistogram, Facets, FacetValue
from searchidx.results.search import Hit, SearchResults
from searchidx.results.snippets import Snippet

from conftest import DOCS, build_index

runner = CliRunner()


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("conventions") / "index"
    build_index(path, DOCS).close()
    return path


@pytest.fixture
def folder_index(make_corpus, tmp_path):
    """A real corpus folder (files that can be opened) and its index."""
    folder = make_corpus(
        {
            "kina.txt": " date 2023-10 Presidenti arriti në Pekin, ku Kina e priti.\n\nKina dhe Rusia.",
            "tirana.txt": " date 2022 Tirana priti një samit për Kinën.",
            "lajme.jsonl": '{"id": "a1", "title": "Samiti i Ballkanit", "date": "2024-01-02", '
            '"text": "Samiti i Ballkanit u mbajt në Shkup.", "url": "https://example.org/a1"}\n',
        }
    )
    index = tmp_path / "index"
    assert invoke("index", folder, "--index", index).exit_code == 0
    return folder, index


def invoke(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def run(*args, env=None, input=None) -> subprocess.CompletedProcess:
    """The command as a script runs it: stdout and stderr are pipes."""
    environ = {**os.environ, **(env or {})}
    environ.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "searchidx", *map(str, args)], capture_output=True, text=True, env=environ, input=input
    )


# -- help -------------------------------------------------------------------


def test_help_shows_defaults_and_choices_without_type_noise():
    page = invoke("search", "--help").stdout
    for shown in [
        "-n, --limit N",
        "(default: 10)",
        "--sort relevance|date",
        "(default: relevance)",
        "--format text|json|jsonl|csv|tsv",
        "default: ./.searchidx",
        "$SEARCHIDX_INDEX",
        "Exit status",
    ]:
        assert shown in page
    for noise in ["<bool>", "<int", "<str>", "[x>=", "╭", "[default"]:
        assert noise not in page
    index_page = invoke("index", "--help").stdout
    assert "FOLDER..." in index_page and "(default: corpus)" in index_page and "(default: 5)" in index_page


def test_h_is_help_and_version_prints_the_version():
    assert invoke("-h").stdout == invoke("--help").stdout
    assert invoke("search", "-h").stdout == invoke("search", "--help").stdout
    version = invoke("--version")
    assert version.exit_code == 0
    from importlib.metadata import version as installed

    assert version.stdout == f"searchidx {installed('searchidx')}\n"


def test_shell_completion_is_offered_and_completes_commands_and_choices():
    page = invoke("--help").stdout
    assert "--install-completion" in page and "--show-completion" in page
    env = {"_SEARCHIDX_COMPLETE": "complete_bash", "COMP_WORDS": "searchidx search --sort ", "COMP_CWORD": "3"}
    done = subprocess.run(
        [Path(sys.executable).parent / "searchidx"], capture_output=True, text=True, env={**os.environ, **env}
    )
    assert done.stdout.split() == ["relevance", "date"]


# -- errors and exit codes ----------------------------------------------------


@pytest.mark.parametrize(
    "args", [["nonsense"], ["search", "x", "--limit", "many"], ["search", "x", "--json", "--format", "csv"]]
)
def test_usage_errors_are_one_line_on_stderr_and_exit_2(args):
    done = run(*args)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1


@pytest.mark.slow
def test_a_failure_is_one_line_and_exit_1(tmp_path):
    done = run("search", "Kina", "--index", tmp_path / "none")
    assert done.returncode == 1 and done.stderr.startswith("error: no index at") and done.stderr.count("\n") == 1


def test_nothing_found_exits_1_and_says_what_each_filter_took(index_dir):
    plain = invoke("search", "ndeshjen zzz", "--index", index_dir, "-f", "data:2024")
    assert plain.exit_code == 1
    assert "No results for 'ndeshjen zzz' with data:2024." in plain.stdout
    assert "Without data:2024: 1 result" in plain.stdout
    assert "The index holds 9 articles: 2022-06-15 to 2024-03-05, 1 undated." in plain.stdout
    written = invoke("search", "ndeshjen data:2024 vend:Kina", "--index", index_dir)
    assert written.exit_code == 1
    assert "Without data:2024: 1 result" in written.stdout and "Without vend:Kina: 0 results" in written.stdout
    assert invoke("search", "zzz", "--index", index_dir, "--json").exit_code == 1


# -- text in a pipe --------------------------------------------------------------


@pytest.mark.slow
def test_piped_text_has_no_colour_wrapping_or_trailing_spaces(index_dir):
    done = run("search", "naftës", "--facets", "--index", index_dir, env={"COLUMNS": "40"})
    assert done.returncode == 0
    assert "\x1b" not in done.stdout
    lines = done.stdout.splitlines()
    assert all(line == line.rstrip() for line in lines)
    assert '-f person:"Vladimir Putin"' in done.stdout  # a hint whole, though wider than 40 columns
    assert max(map(len, lines)) > 40  # nothing was wrapped to the terminal's width


def test_browsing_and_pages_past_the_end_say_so(index_dir):
    browse = invoke("search", "-f", "data:2024-02", "--index", index_dir)
    assert browse.stdout.startswith("3 articles with data:2024-02 (showing 1–3, newest first):")
    past = invoke("search", "naftës", "--page", "99", "--index", index_dir)
    assert past.exit_code == 0
    assert past.stdout.startswith("8 results for 'naftës'; page 99 is past the end (1 page).")


def test_terminal_facets_keep_each_hint_whole_at_80_columns():
    names = ["Aleksandar Vučić", "Shtetet e Bashkuara të Amerikës", "Organizata Botërore e Shëndetësisë"]
    facets = Facets(
        DateHistogram(years=[FacetValue("2020", 3, Filter("date", "2020"))], months=[], year=None, undated=0),
        {"person": [FacetValue(name, 9 - i, Filter("person", name)) for i, name in enumerate(names)]},
    )
    results = SearchResults("Kina", 3, 1, 10, [], facets)
    lines = [line.plain() for line in results_lines(results, width=80)]
    for name in names:
        row = next(line for line in lines if line.lstrip().startswith(name))
        assert row.endswith(f'-f person:"{name}"')
    assert all(len(line) <= 80 for line in lines if "Aleksandar" in line)  # the bar made room


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_text_is_never_read_as_markup_on_a_terminal(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    hit = Hit(
        "[bold]x[/bold].txt",
        "2020",
        "year",
        "[red]Titulli[/red]",
        1.0,
        Snippet("[link=x]y[/link]", []),
        key="/a/[bold]x[/bold].txt",
    )
    stream = FakeTerminal()
    write_lines(results_lines(SearchResults("[b]Kina[/b]", 1, 1, 10, [hit]), width=80), stream)
    shown = stream.getvalue()
    for text in ["[b]Kina[/b]", "[red]Titulli[/red]", "[link=x]y[/link]", "[bold]x[/bold].txt"]:
        assert text in shown
    stream = FakeTerminal()
    write_lines([Line([("[bold]kept[/bold]", "bold")])], stream)
    assert "[bold]kept[/bold]" in stream.getvalue()


# -- data formats ----------------------------------------------------------------


def test_json_is_the_alias_of_format_json(index_dir):
    by_alias = invoke("search", "naftës", "--json", "--index", index_dir).stdout
    assert by_alias == invoke("search", "naftës", "--format", "json", "--index", index_dir).stdout
    assert all(Path(hit["file"]).is_absolute() for hit in json.loads(by_alias)["hits"])


def test_jsonl_is_one_hit_a_line(index_dir):
    done = invoke("search", "naftës", "--format", "jsonl", "-n", "3", "--index", index_dir)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["rank"] for r in records] == [1, 2, 3]
    assert all(r["query"] == "naftës" and r["file"].endswith(r["path"]) for r in records)


@pytest.mark.parametrize("output_format, delimiter", [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_have_a_header_and_a_row_per_hit(index_dir, output_format, delimiter):
    done = invoke("search", "naftës", "--format", output_format, "-n", "4", "--index", index_dir)
    rows = list(csv.reader(io.StringIO(done.stdout), delimiter=delimiter))
    assert rows[0] == [
        "rank",
        "score",
        "date",
        "title",
        "path",
        "file",
        "record",
        "url",
        "snippet",
        "person",
        "place",
        "org",
    ]
    assert len(rows) == 5 and [row[0] for row in rows[1:]] == ["1", "2", "3", "4"]
    assert all(len(row) == 12 for row in rows)


def test_tsv_cells_never_hold_a_tab_or_a_line_break():
    from searchidx.cli.formats import TableWriter

    writer = TableWriter(tsv=True, with_query=False, stream=io.StringIO())
    assert writer.cell("a\tb\nc") == "a b c" and writer.cell(["Kina", "Rusia"]) == "Kina; Rusia"


def test_a_batch_as_csv_has_one_header_and_a_query_column(index_dir):
    done = invoke(
        "search", "--batch", "-", "--format", "csv", "-n", "2", "--index", index_dir, input="naftës\nKombëtarja\n"
    )
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0][0] == "query" and [row[0] for row in rows[1:]] == ["naftës", "naftës", "Kombëtarja"]


# -- opening a hit ---------------------------------------------------------------


@pytest.mark.slow
def test_open_in_a_pipe_writes_the_article(folder_index):
    folder, index = folder_index
    done = run("open", "Pekin", "--index", index)
    assert done.returncode == 0
    assert done.stdout == (folder / "kina.txt").read_text(encoding="utf-8")
    assert run("search", "Pekin", "--open", "1", "--index", index).stdout == done.stdout


@pytest.mark.slow
def test_search_open_counts_from_the_page_shown(folder_index):
    """`--page 2 --limit 1 --open 1` is the list's hit 2, as is `--open 2`
    (the number the list shows); a number on neither is a usage error."""
    _, index = folder_index
    second = run("open", "Kinën", "--hit", "2", "--index", index).stdout
    assert second and second != run("open", "Kinën", "--index", index).stdout
    for number in ("1", "2"):
        done = run("search", "Kinën", "--page", "2", "--limit", "1", "--open", number, "--index", index)
        assert (done.returncode, done.stdout) == (0, second), number
    done = run("search", "Kinën", "--page", "3", "--limit", "1", "--open", "2", "--index", index)
    assert done.returncode == 2 and "page 3 lists hits 3-3" in done.stderr


@pytest.mark.slow
def test_open_shows_a_record_of_an_export_alone(folder_index):
    _, index = folder_index
    done = run("open", "Shkup", "--index", index)
    assert done.stdout == "Samiti i Ballkanit\n\nSamiti i Ballkanit u mbajt në Shkup.\n"
    hit = json.loads(run("search", "Shkup", "--format", "jsonl", "--index", index).stdout)
    assert hit["file"].endswith("lajme.jsonl") and (hit["record"], hit["url"]) == ("a1", "https://example.org/a1")


@pytest.mark.slow
def test_open_runs_the_editor_on_the_nth_hit(folder_index, tmp_path):
    folder, index = folder_index
    seen = tmp_path / "seen"
    script = tmp_path / "editor.py"
    script.write_text(f"import sys\nopen({str(seen)!r}, 'w').write(sys.argv[1])\n")
    editor = f"{sys.executable} {script}"
    done = run("open", "Kinën", "--hit", "2", "--editor", "--index", index, env={"EDITOR": editor, "VISUAL": ""})
    assert done.returncode == 0, done.stderr
    first = json.loads(run("search", "Kinën", "--json", "--index", index).stdout)["hits"][1]["file"]
    assert seen.read_text() == first


@pytest.mark.slow
def test_open_past_the_last_hit_exits_1(folder_index):
    _, index = folder_index
    done = run("open", "Kinën", "--hit", "9", "--index", index)
    assert done.returncode == 1 and "there is no hit 9: 2 found" in done.stderr
    assert run("open", "zzzz", "--index", index).returncode == 1


# -- start-up: what each command imports ---------------------------------------------


def imported_by(*argv: str, index_dir: Path | None = None) -> set[str]:
    """Top-level packages (and a few modules) imported by running a command."""
    script = (
        "import sys, io; sys.argv = ['searchidx', *sys.argv[1:]]; sys.stdout = io.StringIO()\n"
        "from searchidx.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.__stdout__.write('\\n'.join(sorted(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True)
    return set(done.stdout.split())


@pytest.mark.slow
def test_help_and_version_import_neither_the_query_layer_nor_rich():
    for argv in (["--help"], ["--version"], ["search", "--help"], ["index", "-h"]):
        loaded = imported_by(*argv)
        assert not loaded & {"numpy", "whoosh", "rich", "textual", "pydantic", "analyzers", "searchidx.api"}, argv


@pytest.mark.slow
def test_a_search_imports_no_app_no_indexer_and_no_entity_tables(index_dir):
    loaded = imported_by("search", "naftës", "--index", str(index_dir))
    assert {"numpy", "whoosh", "searchidx.results.search"} <= loaded
    assert not loaded & {
        "textual",
        "pydantic",
        "rich",
        "watchdog",
        "snowballstemmer",
        "analyzers.entities",
        "analyzers.entities.gazetteer",
        "searchidx.index.indexer",
        "searchidx.index.workers",
        "searchidx.sources.text",
        "searchidx.sources",
        "searchidx.index.manifest",
        "searchidx.index.stats",
    }


def test_a_search_imports_none_of_what_whoosh_and_numpy_import_and_never_use(index_dir):
    """searchidx.lean_imports: Whoosh's urllib.request (http, email, ssl),
    cached_property's asyncio, the English morphology tables and numpy's
    typing aliases stay out, and so does importlib.metadata (the stem
    table's key is read without it)."""
    loaded = imported_by("search", "naftës", "--index", str(index_dir))
    assert {"whoosh.compat", "whoosh.reading", "whoosh.query.terms", "cached_property"} <= loaded
    assert not loaded & {
        "urllib.request",
        "http.client",
        "email.parser",
        "ssl",
        "asyncio",
        "whoosh.lang.morph_en",
        "importlib.metadata",
        "socket",
        "numpy._typing",
    }


@pytest.mark.parametrize("preset, expected", [(None, "1"), ("4", "4")])
def test_the_command_keeps_numpys_openblas_to_one_thread_unless_told(preset, expected):
    """searchidx does no linear algebra: OpenBLAS's thread pool, started when
    numpy is imported, only costs start-up; a user's own setting is kept."""
    environ = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if preset is not None:
        environ["OPENBLAS_NUM_THREADS"] = preset
    script = (
        "import os, sys, io; sys.argv = ['searchidx', '--version']; sys.stdout = io.StringIO()\n"
        "from searchidx.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.__stdout__.write(os.environ['OPENBLAS_NUM_THREADS'])"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environ)
    assert done.stdout == expected, done.stderr


def test_help_defaults_agree_with_the_library():
    """The command line states some defaults without importing their modules."""
    from importlib import import_module

    cli_app, cli_entities = import_module("searchidx.cli.app"), import_module("searchidx.cli.entities")
    from searchidx.index.lock import DEFAULT_WAIT_SECONDS
    from searchidx.index.schema import ENTITY_FIELDS
    from searchidx.paths import INDEX_ENV_VAR
    from searchidx.sources.text import DEFAULT_MAX_BYTES

    assert cli_app.INDEX_ENV_VAR == INDEX_ENV_VAR and cli_entities.ENTITY_FIELDS == ENTITY_FIELDS
    page = invoke("index", "--help").stdout
    assert f"(default: {DEFAULT_WAIT_SECONDS:g})" in page and f"(default: {DEFAULT_MAX_BYTES // 2**20})" in page


def test_the_package_ships_its_type_hints(tmp_path):
    """py.typed is installed with the package (PEP 561)."""
    import searchidx

    assert (Path(searchidx.__file__).parent / "py.typed").exists()
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    assert '"py.typed"' in pyproject


def test_option_values_are_read_with_typers_public_names_only():
    """searchidx.cli.values reads values without Pydantic and without
    importing Typer's private modules (its one private touch, the
    `_runtime_param` it sets, is explained there)."""
    import ast

    import searchidx.cli.values as values

    tree = ast.parse(Path(values.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert "typer" in imported and not {name for name in imported if name.startswith("typer.")}


def test_counts_agree_with_their_nouns(make_corpus, tmp_path):
    folder = make_corpus({"një.txt": " date 2023 Tirana priti një samit.", "bosh.txt": ""})
    done = invoke("index", folder, "--index", tmp_path / "index")
    assert "holds 1 document." in done.output and "1 warning\n" in done.output
    assert "documents." not in done.output and "(s)" not in done.output
    checked = invoke("check", "--index", tmp_path / "index")
    assert checked.output.startswith("read 1 segment, 1 document, ") and "(s)" not in checked.output
