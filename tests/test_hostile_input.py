"""Hostile input: a bad date, a very long word, a deep or huge query, markup in
a name. Each gives a clear message or is reported and skipped; none breaks the
index, hangs the writer, or prints a traceback.

Every test here reproduced a failure first (issue 18): an OverflowError on
every facet search after one file dated 9999-12; a stemmer quadratic in a
word's length; RecursionError on 247 nested parentheses; Rich MarkupError on
`data:[/x]`; `bad[red].txt` reported as `bad.txt`.
"""

from __future__ import annotations

import json
import time
from datetime import datetime

import pytest
from typer.testing import CliRunner

from analyzers import AlbanianAnalyzer
from analyzers.entities import extract_entities
from analyzers.stemmer import MAX_ANALYZED_CHARS, AlbanianStemmer
from analyzers.tokenizer import MAX_TOKEN_CHARS, count_overlong, tokenize
from searchidx import Index, QuerySyntaxError
from searchidx.cli import app
from searchidx.dates import MAX_YEAR, MIN_YEAR, PartialDate, parse_date
from searchidx.query.parser import MAX_NESTING, MAX_QUERY_CHARS, parse_tree, plain_tree
from searchidx.results.suggest import SUGGEST_MAX_CHARS
from searchidx.sources.folder import shown
from searchidx.sources.text import UnreadableFile, parse_document, too_large

runner = CliRunner()
GOOD = " date 2023-10-17 Presidenti Vladimir Putin arriti në Pekin për Kinën."


def invoke(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


@pytest.fixture
def poisoned(make_corpus, index_dir):
    """An index holding one article with a placeholder date (9999-12)."""
    folder = make_corpus(
        {
            "good.txt": GOOD,
            "other.txt": " date 2021 Kina dhe Rusia nënshkruan marrëveshje.",
            "placeholder.txt": " date 9999-12 Kina njofton për një marrëveshje të re.",
            "ancient.txt": " date 0001-01-01 Kina dhe Perandoria.",
        }
    )
    with Index.open_or_create(index_dir) as index:
        summary = index.add_folder(folder)
    return index_dir, summary


# -- Dates ------------------------------------------------------------------


def test_a_date_the_index_cannot_hold_is_reported_and_the_article_indexed_undated(poisoned):
    index_dir, summary = poisoned
    notes = {note.path: note.message for note in summary.notes}
    assert set(notes) == {"placeholder.txt", "ancient.txt"}
    assert "indexed as undated" in notes["placeholder.txt"] and "9999-12" in notes["placeholder.txt"]
    assert summary.added == 4 and not summary.skipped
    with Index.open(index_dir) as index:
        results = index.search("Kina", facets=True, sort="date", recency=1.0)
        assert results.total == 4
        assert results.facets.date.undated == 2
        assert [v.value for v in results.facets.date.years] == ["2021", "2023"]
        assert index.search("Kina", filters=["data:2020.."]).total == 2


def test_the_index_summary_names_the_date_in_text_and_json(make_corpus, index_dir):
    folder = make_corpus({"good.txt": GOOD, "placeholder.txt": " date 9999-12 Kina."})
    result = invoke("index", folder, "--index", index_dir, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["notes"] == [
        {
            "path": "placeholder.txt",
            "message": f"indexed as undated: year out of range ({MIN_YEAR}-{MAX_YEAR}): '9999-12'",
        }
    ]
    assert data["warnings"] == 1
    (folder / "placeholder.txt").write_text(" date 9999-12 Kina sot.", encoding="utf-8")
    result = invoke("index", folder, "--index", index_dir)
    assert "note placeholder.txt: indexed as undated" in " ".join(result.stdout.split())


@pytest.mark.parametrize("text", ["data:9999", "data:2023..9999", "data:0999", "data:..0001-01", "date:9999-12-31"])
def test_a_date_filter_outside_the_span_is_a_one_line_error(poisoned, text):
    index_dir, _ = poisoned
    with Index.open(index_dir) as index, pytest.raises(QuerySyntaxError, match="year out of range"):
        index.search(f"Kina {text}")
    with Index.open(index_dir) as index, pytest.raises(QuerySyntaxError, match="year out of range"):
        index.search("Kina", filters=[text])


def test_the_last_day_the_span_holds_has_an_end():
    assert PartialDate(MAX_YEAR, 12).end == datetime(MAX_YEAR, 12, 31, 23, 59, 59, 999_999)
    assert parse_date(str(MIN_YEAR)).start == datetime(MIN_YEAR, 1, 1)
    # Python's own last day no longer overflows either.
    assert PartialDate(9999, 12, 31).end.year == 9999


# -- Bounded work -------------------------------------------------------------


def test_a_word_too_long_for_the_index_is_skipped_and_counted():
    long_word = "a" * 2_000_000
    started = time.perf_counter()
    tokens = [t.text for t in AlbanianAnalyzer()(f"Kina {long_word} Rusia")]
    assert time.perf_counter() - started < 5  # linear: the stemmer alone took 3.5 s for 100,000 letters
    assert tokens == ["kinë", "rusi"]
    document = parse_document(f" date 2023 Kina {long_word} Rusia {'b' * 300}".encode(), "x.txt")
    assert document.notes == (f"2 words longer than {MAX_TOKEN_CHARS} characters not indexed",)


def test_no_phrase_matches_across_a_skipped_word():
    positions = [(t.text, t.pos) for t in AlbanianAnalyzer()("Kina " + "x" * 300 + " Rusia", positions=True)]
    assert positions == [("kinë", 0), ("rusi", 2)]


def test_a_long_word_is_keyed_as_it_is_without_the_lexicon():
    stemmer = AlbanianStemmer()
    word = "Kinës" * 20  # 100 letters
    started = time.perf_counter()
    key, source = stemmer.explain(word * 1000)
    assert time.perf_counter() - started < 1
    assert source.startswith("as is") and key == (("kines" * 20) * 1000)
    assert stemmer.explain("Kinës" * (MAX_ANALYZED_CHARS // 5))[1] != "as is (too long to analyse)"


@pytest.mark.slow
@pytest.mark.parametrize(
    "pattern",
    ["a.", "a-", "a'", "_", "a-1.", "a@b.", "x.c", "www.", "Aa ", "1.", "#a", "a.b@"],
)
def test_tokenizing_is_linear_in_the_text(pattern):
    """Each pattern repeated: the e-mail and domain rules used to rescan the
    rest of a run from every position (40,000 characters of `a.a.` took 24 s).

    Four times the text must take about four times as long, not sixteen.
    The ratio of two runs in this process, each the best of three in CPU
    time (another process's share of the cores does not count), holds on a
    loaded machine where a wall-clock limit does not (timed on the wall
    clock, it failed now and then in a full test run beside other work)."""

    def best_seconds(size: int) -> float:
        text = pattern * (size // len(pattern))
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            sum(1 for _ in tokenize(text))
            count_overlong(text)
            best = min(best, time.process_time() - started)
        return best

    small, large = best_seconds(50_000), best_seconds(200_000)
    # Linear gives about 4x; quadratic 16x. Runs too short to time are linear enough.
    assert large < 0.05 or large / small < 9, (small, large)


@pytest.mark.parametrize(
    "text",
    ["A" * 100_000, "Aa-" * 30_000, ("Bb " * 30_000) + ("a." * 30_000), "Putin" * 50_000],
    ids=["capitals", "hyphened", "names-then-dots", "one-name-run"],
)
def test_entity_extraction_is_bounded_on_long_runs(text):
    started = time.perf_counter()
    mentions = extract_entities("Vladimir Putin foli. " + text + " Xi Jinping foli.")
    assert time.perf_counter() - started < 20
    assert {"Vladimir Putin", "Xi Jinping"} <= {m.canonical for m in mentions}


@pytest.mark.parametrize(
    "query, message",
    [
        ("(" * 247 + "Kina" + ")" * 247, "nests too deeply"),
        ("NOT " * 300 + "Kina", "nests too deeply"),
        ("JO " * 300 + "Kina", "nests too deeply"),
        ("Kina " * 2000, "too long"),
        ("K" * 300_000, "too long"),
    ],
    ids=["parentheses", "NOT", "JO", "many-words", "one-long-word"],
)
def test_a_query_too_deep_or_too_long_is_a_one_line_error(query, message):
    with pytest.raises(QuerySyntaxError, match=message) as caught:
        parse_tree(query)
    assert "\n" not in str(caught.value)
    if message == "too long":
        with pytest.raises(QuerySyntaxError, match=message):
            plain_tree(query)


def test_nesting_up_to_the_limit_still_parses():
    depth = MAX_NESTING
    assert parse_tree("(" * depth + "Kina" + ")" * depth)
    assert parse_tree("NOT " * (depth - 1) + "Kina OR Rusia")
    assert len("x" * MAX_QUERY_CHARS) == MAX_QUERY_CHARS and parse_tree("x" * MAX_QUERY_CHARS)


def test_did_you_mean_is_skipped_for_long_queries_and_bounded(poisoned):
    index_dir, _ = poisoned
    with Index.open(index_dir) as index:
        long_query = " ".join(["Kinse"] * (SUGGEST_MAX_CHARS // 6 + 1)) + " data:2010"
        started = time.perf_counter()
        results = index.search(long_query)
        assert results.suggestion is None and results.total == 0
        very_long = ("qwertyuiop" * 199) + " data:2010"
        index.search(very_long[:MAX_QUERY_CHARS])
        assert time.perf_counter() - started < 5
        assert index.search("marreveshej").suggestion == "marrëveshje"  # short ones still get one


# -- No traceback for any input ------------------------------------------------


@pytest.fixture
def cli_index(poisoned):
    return poisoned[0]


@pytest.mark.parametrize("query", ["data:[/x]", "Kina data:[bold]2023", "vend:[red]Kina[/red] data:x", "data:x:"])
def test_user_text_is_never_read_as_markup(cli_index, query):
    result = invoke("search", query, "--index", cli_index)
    assert result.exit_code == 2  # a usage error
    assert "Traceback" not in result.output and "MarkupError" not in result.output
    line = " ".join(result.stderr.split())
    assert line.startswith("error:")
    assert query.split()[-1].rstrip(":") + ":" in line  # brackets and colons shown as typed, no emoji


def test_a_query_of_markup_finds_nothing_quietly(cli_index):
    result = invoke("search", "[/] [bold]", "--index", cli_index, "--json")
    assert result.exit_code == 1  # nothing found, as grep says it
    assert json.loads(result.stdout)["query"] == "[/] [bold]" and "Traceback" not in result.output


def test_a_batch_line_that_fails_in_any_way_becomes_its_error_line(cli_index, monkeypatch):
    from searchidx import api

    real_search = api.Index.search

    def flaky(self, query, **options):
        if query == "boom":
            raise TypeError("a bug")
        return real_search(self, query, **options)

    monkeypatch.setattr(api.Index, "search", flaky)
    lines = ["Kina", "data:[/x]", "(" * 300 + "x", "boom", "data:9999", "NOT " * 999 + "x", "Rusia"]
    result = invoke("search", "--index", cli_index, "--batch", "-", input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["query"] for r in records] == lines
    assert [("error" in r) for r in records] == [False, True, True, True, True, True, False]
    assert records[3]["error"] == "internal error: TypeError: a bug"
    assert "Traceback" not in result.output


# -- The smaller items ----------------------------------------------------------------


def test_a_name_with_brackets_is_shown_as_it_is(make_corpus, index_dir):
    folder = make_corpus({"bad[red].txt": b"\x00\x01binary", "ok[/x].txt": GOOD})
    result = invoke("index", folder, "--index", index_dir)
    assert result.exit_code == 0, result.output
    assert "skipped bad[red].txt: binary file" in result.stdout


def test_a_newline_in_a_file_name_is_escaped():
    assert shown("new\nline.txt") == "new\\nline.txt"
    assert shown("tab\there\x1b.txt") == "tab\\there\\x1b.txt"
    assert shown("emër ë.txt") == "emër ë.txt"


@pytest.mark.parametrize(
    "raw", ["Kinës dhe Rusisë".encode("utf-16"), "Kinës".encode("utf-16-be"), "Kinës dhe Rusisë".encode("utf-16-le")]
)
def test_utf16_is_called_what_it_is(raw):
    with pytest.raises(UnreadableFile, match="UTF-16 text, not UTF-8"):
        parse_document(raw, "x.txt")
    with pytest.raises(UnreadableFile, match="binary file"):
        parse_document(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "x.png.txt")


def test_sizes_are_written_alike():
    assert too_large(int(52.4 * 1024 * 1024), 10 * 1024 * 1024) == "larger than the size limit (52.4 MB > 10.0 MB)"


def test_tui_without_a_terminal_does_not_start_the_app():
    result = invoke("tui", "--index", "/nonexistent")  # CliRunner: stdin and stdout are not terminals
    assert result.exit_code == 1
    assert "needs a terminal" in result.stderr
