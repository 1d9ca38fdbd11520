"""Rich renderings of results, shared by the commands that print them."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from searchidx.facets import Facets, FacetValue
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
    path = Text(f"     {hit.address}", style="dim")
    if hit.url:
        path.append(f"  {hit.url}", style="dim underline")
    return Group(heading, body, path, Text(""))


def results_header(results: SearchResults) -> Text:
    first = (results.page - 1) * results.limit + 1
    last = first + len(results.hits) - 1
    if not results.total:
        return Text(f"No results for {results.query!r}.", style="bold")
    shown = f"{first}–{last}" if results.hits else "none"
    return Text(f"{results.total} results for {results.query!r} (showing {shown}):", style="bold")


def filters_line(results: SearchResults) -> Text:
    """The active filters, each with how to remove it."""
    line = Text("Filters: ", style="bold")
    for item in results.filters:
        line.append(f" {item.text} ", style="reverse cyan")
        line.append(" ")
    for item in results.query_filters:
        line.append(f" {item.text} ", style="reverse magenta")
        line.append(" ")
    if results.filters:
        line.append("(drop a --filter to widen)", style="dim")
    return line


def suggestion_line(suggestion: str) -> Text:
    return Text.assemble(("Did you mean ", "bold"), (suggestion, "bold green"), ("?", "bold"))


BAR_WIDTH = 30


def facet_table(title: str, values: list[FacetValue], extra_rows: list[tuple[str, int]] = ()) -> Table:
    """A facet as a table of bars, each row with the filter that drills down to it."""
    table = Table(title=title, title_justify="left", box=None, show_header=False, padding=(0, 1))
    table.add_column("value", style="bold")
    table.add_column("count", justify="right")
    table.add_column("bar")
    table.add_column("filter", style="dim")
    largest = max([v.count for v in values] + [n for _, n in extra_rows] + [1])
    for value in values:
        table.add_row(value.value, str(value.count), bar(value.count, largest), f"-f {value.filter.text}")
    for label, count in extra_rows:
        if count:
            table.add_row(label, str(count), bar(count, largest), "")
    return table


def bar(count: int, largest: int) -> Text:
    return Text("█" * max(1, round(BAR_WIDTH * count / largest)), style="cyan")


def facets_renderable(facets: Facets) -> Group:
    parts = []
    if facets.date is not None:
        dates = facets.date
        parts.append(facet_table("Years", dates.years, [("pa datë", dates.undated)]))
        if dates.months:
            parts.append(facet_table(f"Months of {dates.year}", dates.months, [("vetëm viti", dates.year_only)]))
    titles = {"person": "People", "place": "Places", "org": "Organisations"}
    for name, values in facets.entities.items():
        if values:
            parts.append(facet_table(titles.get(name, name), values))
        else:
            parts.append(Text(f"{titles.get(name, name)}: none", style="dim"))
    return Group(*(item for part in parts for item in (part, Text(""))))
