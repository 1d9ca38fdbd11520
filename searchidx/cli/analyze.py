"""`searchidx analyze TEXT`: what the Albanian analyzer makes of a text.

One row per token: its position, character offsets, the text as written, the
normalized form, the key the index stores, whether it is a stop word, and which
layer of the stemmer gave the key. This is how users (and we) debug the
analyzer: a query and a document meet exactly when their keys are equal.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.table import Table

from searchidx.cli.app import JsonOption, app, console, fail, print_json


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
    text: Annotated[Optional[str], typer.Argument(help="Text to analyze; '-' or nothing reads standard input.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Show each token of TEXT with its offsets, normalized form, key, and whether it is a stop word."""
    import sys

    from analyzers import ANALYZER_VERSION

    if text is None or text == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise fail("give a TEXT to analyze, or pipe one on standard input")
        text = sys.stdin.read()
    if not text.strip():
        raise fail("nothing to analyze: the text is empty")
    rows = analyze_text(text)
    if as_json:
        print_json({"analyzer_version": ANALYZER_VERSION, "tokens": rows})
        return
    if not rows:
        console.print(f"analyzer {ANALYZER_VERSION}: no words in {text.strip()!r}")
        return
    table = Table(title=f"analyzer {ANALYZER_VERSION}", title_justify="left")
    for name, justify in [
        ("pos", "right"),
        ("offsets", "right"),
        ("text", "left"),
        ("normalized", "left"),
        ("key", "left"),
        ("stop", "center"),
        ("from", "left"),
    ]:
        table.add_column(name, justify=justify)
    for r in rows:
        table.add_row(
            str(r["position"]),
            f"{r['start']}–{r['end']}",
            r["text"],
            r["normalized"],
            f"[bold]{r['key']}[/]",
            "stop" if r["stop_word"] else "",
            r["source"],
        )
    console.print(table)
