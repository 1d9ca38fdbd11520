"""Rich renderings of results, shared by the commands that print them."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from searchidx.search import Hit, SearchResults
from searchidx.snippets import Snippet

MATCH_STYLE = "bold yellow"


def snippet_text(snippet: Snippet) -> Text:
    text = Text(snippet.text)
    for start, end in snippet.highlights:
        text.stylize(MATCH_STYLE, start, end)
    return text


def hit_renderable(rank: int, hit: Hit) -> Group:
    heading = Text.assemble(
        (f"{rank:>3}. ", "bold"),
        (f"{hit.date or 'pa datë':<10} ", "cyan"),
        (hit.title, "bold"),
    )
    body = Text("     ") + snippet_text(hit.snippet)
    path = Text(f"     {hit.path}", style="dim")
    return Group(heading, body, path, Text(""))


def results_header(results: SearchResults) -> Text:
    first = (results.page - 1) * results.limit + 1
    last = first + len(results.hits) - 1
    if not results.total:
        return Text(f"No results for {results.query!r}.", style="bold")
    shown = f"{first}–{last}" if results.hits else "none"
    return Text(f"{results.total} results for {results.query!r} (showing {shown}):", style="bold")
