"""`searchidx analyze TEXT`: what the Albanian analyzer makes of a text.

One row per token: its position, character offsets, the text as written, the
normalized form, the key the index stores, whether it is a stop word, and which
layer of the stemmer gave the key. This is how users (and we) debug the
analyzer: a query and a document meet exactly when their keys are equal.
"""

import sys
from typing import Annotated, Literal

import typer

from searchidx.cli.app import JsonOption, app, usage_error
from searchidx.cli.output import Line, console, is_terminal, print_json, write_lines


def analyze_text(text: str) -> list[dict]:
    """The analyzer's view of `text`, token by token (see module doc)."""
    from analyzers.normalizer import AlbanianNormalizer
    from analyzers.stemmer import stemmer
    from analyzers.stopwords import is_stopword
    from analyzers.tokenizer import AlbanianTokenizer

    stem = stemmer("albanian")
    rows = []
    for t in (AlbanianTokenizer() | AlbanianNormalizer())(text, positions=True, chars=True):
        key, source = stem.explain(t.text)
        rows.append(
            {
                "position": t.pos,
                "start": t.startchar,
                "end": t.endchar,
                "text": text[t.startchar : t.endchar],
                "normalized": t.text,
                "key": key,
                "stop_word": is_stopword(t.text),
                "source": source,
            }
        )
    return rows


@app.command("analyze")
def analyze_command(
    text: Annotated[
        str | None,
        typer.Argument(
            metavar="TEXT", help="Text to analyze; '-' or nothing reads standard input.", show_default=False
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show each token of TEXT with its offsets, normalized form, key, and whether it is a stop word."""
    from analyzers import ANALYZER_VERSION

    if text is None or text == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise usage_error("give a TEXT to analyze, or pipe one on standard input")
        text = sys.stdin.read()
    if not text.strip():
        raise usage_error("nothing to analyze: the text is empty")
    rows = analyze_text(text)
    if as_json:
        print_json({"analyzer_version": ANALYZER_VERSION, "tokens": rows})
        return
    if not rows:
        write_lines([Line([(f"analyzer {ANALYZER_VERSION}: no words in {text.strip()!r}", None)])])
        return
    columns: list[tuple[str, Literal["left", "center", "right"]]] = [
        ("pos", "right"),
        ("offsets", "right"),
        ("text", "left"),
        ("normalized", "left"),
        ("key", "left"),
        ("stop", "center"),
        ("from", "left"),
    ]
    cells = [
        [
            str(r["position"]),
            f"{r['start']}–{r['end']}",
            r["text"],
            r["normalized"],
            r["key"],
            "stop" if r["stop_word"] else "",
            r["source"],
        ]
        for r in rows
    ]
    if not is_terminal(sys.stdout):
        # In a pipe: a header line, then one tab-separated row per token.
        write_lines(
            [Line([("\t".join(name for name, _ in columns), None)])] + [Line([("\t".join(row), None)]) for row in cells]
        )
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"analyzer {ANALYZER_VERSION}", title_justify="left")
    for name, justify in columns:
        table.add_column(name, justify=justify)
    for row in cells:
        table.add_row(*(Text(cell, style="bold" if number == 4 else "") for number, cell in enumerate(row)))
    console().print(table)
