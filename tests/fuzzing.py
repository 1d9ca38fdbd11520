"""Hypothesis strategies for hostile input, shared by tests/test_fuzz.py (a
small budget, in CI) and benchmarks/fuzz.py (the long run: 10,000 queries,
2,000 files).

Queries are drawn two ways: arbitrary text, and sequences of the pieces the
query language and Rich's markup give meaning to (operators, parentheses,
quotes, filters with dates near and past the ends of the span, `[/x]`), so
that deep nesting, dangling operators and broken filters come up often.
"""

from __future__ import annotations

from hypothesis import strategies as st

# What the query language, the filters, the dates and Rich treat specially.
QUERY_PIECES = [
    "Kina",
    "Kinës",
    "Kines",
    "Rusia",
    "Putin",
    "Vladimir Putin",
    "naftës",
    "të",
    "dhe",
    "ndërt*",
    "K*",
    "*",
    "AND",
    "OR",
    "NOT",
    "DHE",
    "OSE",
    "JO",
    "(",
    ")",
    "((",
    "))",
    '"',
    '"Brezi dhe Rruga"',
    "+",
    "-",
    "+Kina",
    "-Hamas",
    "data:",
    "data:2023",
    "data:2023-10",
    "data:2023-10-17",
    "data:2022..2023-06",
    "data:..2021",
    "data:2024-03..",
    "data:9999",
    "data:2023..9999",
    "data:0001",
    "data:0999-12",
    "data:2999-12-31",
    "data:3000",
    "data:2023-13",
    "data:2023-02-30",
    "data:..",
    "data:[/x]",
    "data:[bold]2023",
    "date:",
    "vend:Kina",
    'person:"Vladimir Putin"',
    "org:OKB",
    "entitet:NATO",
    "vend:",
    "person:",
    'vend:"',
    "place:[red]",
    "[/x]",
    "[bold]",
    "[/]",
    ":x:",
    "\\",
    "\x00",
    "\t",
    "\n",
    "\u200b",
    "ë",
    "Ç",
    "e\u0308",
    "’",
    "«",
    "»",
    "..",
    "::",
    "a" * 300,
    "Kinse",
]


def query_texts() -> st.SearchStrategy[str]:
    """Queries: arbitrary text, or a sequence of meaningful pieces."""
    arbitrary = st.text(max_size=120)
    pieces = st.lists(st.sampled_from(QUERY_PIECES), max_size=25).map(" ".join)
    glued = st.lists(st.sampled_from(QUERY_PIECES), max_size=25).map("".join)
    deep = st.builds(
        lambda n, word, op: f"{'(' * n}{word}{')' * n}" if op == "(" else f"{(op + ' ') * n}{word}",
        st.integers(0, 400),
        st.sampled_from(["Kina", "data:2023", '"Kina"']),
        st.sampled_from(["(", "NOT", "JO", "-"]),
    )
    long = st.builds(
        lambda piece, n: piece * n, st.sampled_from(["Kina ", "a", "(", "x:", "[/x]"]), st.integers(100, 3000)
    )
    return st.one_of(arbitrary, pieces, glued, deep, long)


def filter_texts() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(max_size=40),
        st.builds(
            lambda name, value: f"{name}:{value}",
            st.sampled_from(["data", "date", "vend", "person", "org", "entitet", "x", ""]),
            st.one_of(st.text(max_size=30), st.sampled_from(QUERY_PIECES)),
        ),
    )


def search_options() -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries(
        {
            "facets": st.booleans(),
            "sort": st.sampled_from(["relevance", "date"]),
            "recency": st.sampled_from([0.0, 1.0]),
            "syntax": st.booleans(),
            "page": st.integers(1, 3),
            "filters": st.lists(filter_texts(), max_size=2),
        }
    )


DATE_VALUES = [
    "2023",
    "2023-10",
    "2023-10-17",
    "9999-12",
    "0001-01-01",
    "0999",
    "3000",
    "2023-13",
    "2023-02-30",
    "x",
    "",
]


def file_contents() -> st.SearchStrategy[bytes]:
    """An article file's bytes: plausible articles with hostile parts, or any bytes."""
    words = st.sampled_from(
        [
            "Kina",
            "Kinës",
            "Putin",
            "Prishtina",
            "jetë.Këto",
            "a" * 70,
            "b" * 300,
            "Ë",
            "OKB-së",
            "https://example.com/" + "x" * 200,
            "a.a.a.a.a.a",
            "\u200b",
            "e\u0308",
            "[bold]",
            "\x00",
        ]
    )
    body = st.lists(st.one_of(words, st.text(max_size=20)), max_size=60).map(" ".join)
    dated = st.builds(lambda date, text: f" date {date} {text}", st.sampled_from(DATE_VALUES), body)
    text = st.one_of(body, dated)
    encoded = st.builds(
        lambda t, encoding: (
            t.encode(encoding, "surrogatepass")
            if encoding != "utf-8-sig"
            else b"\xef\xbb\xbf" + t.encode("utf-8", "surrogatepass")
        ),
        text,
        st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "utf-16-le", "utf-8-sig"]),
    )
    long_run = st.builds(
        lambda piece, n: (piece * n).encode("utf-8"),
        st.sampled_from(["a", "a.", "Aa ", "-", "ë"]),
        st.integers(100, 20_000),
    )
    return st.one_of(encoded, st.binary(max_size=300), long_run)


def file_names() -> st.SearchStrategy[str]:
    """File names (ending in .txt) with markup, control characters, odd letters."""
    stem = st.one_of(
        st.text(
            alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=30
        ),
        st.sampled_from(["bad[red]", "ok[/x]", "new\nline", "tab\there", "emër ë", "-dash", "[bold]x[/bold]", ":x:"]),
    )
    return stem.map(lambda s: s + ".txt").filter(
        lambda name: len(name.encode("utf-8")) < 200 and not name.startswith(".")
    )
