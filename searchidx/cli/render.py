"""`searchidx search` as text: the header, the hits, the filters and facets.

Everything is built as searchidx.cli.output Lines, so a title, a snippet or
a query is never read as markup, and a pipe gets plain lines. Facet rows
keep each `-f filter` hint whole: the bars give way to a narrow terminal,
the hint never wraps.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from searchidx.cli.output import Line
from searchidx.terminal import file_url

if TYPE_CHECKING:
    from searchidx.results.facets import Facets, FacetValue
    from searchidx.results.nothing_found import NothingFound
    from searchidx.results.search import Hit, SearchResults
    from searchidx.results.snippets import Snippet

MATCH_STYLE = "bold yellow"
INDENT = 5  # the hit's lines sit under its title, past the rank
BAR_WIDTH = 30  # the longest facet bar
MIN_BAR_WIDTH = 4  # narrower than this, bars are left out
ENTITY_TITLES = {"person": "People", "place": "Places", "org": "Organisations"}


def cell_width(text: str) -> int:
    """Columns text takes on a terminal (wide East Asian letters take two)."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def shown_path(file: str, fallback: str) -> str:
    """A hit's file as the user can open it: relative to the working folder
    when inside it, else absolute."""
    if not file:
        return fallback
    try:
        return str(Path(file).relative_to(Path.cwd()))
    except ValueError:
        return file


def snippet_pieces(snippet: Snippet) -> list[tuple[str, str | None]]:
    pieces: list[tuple[str, str | None]] = []
    at = 0
    for start, end in snippet.highlights:
        if start < at:
            continue
        pieces.append((snippet.text[at:start], None))
        pieces.append((snippet.text[start:end], MATCH_STYLE))
        at = end
    pieces.append((snippet.text[at:], None))
    return [piece for piece in pieces if piece[0]]


def hit_lines(rank: int, hit: Hit) -> list[Line]:
    heading = Line([(f"{rank:>3}. ", "bold"), (f"{hit.date or 'pa datë':<10} ", "cyan"), (hit.title, "bold")])
    body = Line(snippet_pieces(hit.snippet), indent=INDENT, wrap=True)
    link = file_url(hit.file) if hit.file and os.path.isabs(hit.file) else None
    where = shown_path(hit.file, hit.path) + ("" if hit.record is None else f"#{hit.record}")
    path = Line([(where, "dim")], indent=INDENT, link=link)
    lines = [heading, body, path]
    if hit.url:
        lines.append(Line([(hit.url, "dim underline")], indent=INDENT, link=hit.url))
    return lines + [Line()]


def described(results: SearchResults) -> str:
    """What was searched: `'Kina'`, `'Kina' with data:2023`, or the filters alone."""
    filters = " ".join(f.text for f in results.filters)
    if not results.query.strip():
        return f"with {filters}" if filters else "in the index"
    return f"for {results.query!r}" + (f" with {filters}" if filters else "")


def results_header(results: SearchResults) -> Line:
    browsing = not results.query.strip()
    noun = ("article" if browsing else "result") + ("" if results.total == 1 else "s")
    what = described(results)
    order = ", newest first" if results.sort == "date" or browsing else ""
    if not results.total:
        return Line([(f"No {'articles' if browsing else 'results'} {what}.", "bold")])
    if not results.hits:
        pages = "1 page" if results.pages == 1 else f"{results.pages} pages"
        return Line([(f"{results.total} {noun} {what}; page {results.page} is past the end ({pages}).", "bold")])
    first = (results.page - 1) * results.limit + 1
    last = first + len(results.hits) - 1
    return Line([(f"{results.total} {noun} {what} (showing {first}–{last}{order}):", "bold")])


def filters_line(results: SearchResults) -> Line:
    """The active filters; those given with --filter can be dropped to widen."""
    pieces: list[tuple[str, str | None]] = [("Filters:", "bold")]
    for item, style in [(f, "reverse cyan") for f in results.filters] + [
        (f, "reverse magenta") for f in results.query_filters
    ]:
        pieces += [(" ", None), (item.text, style)]
    if results.filters:
        pieces.append(("  (drop a --filter to widen)", "dim"))
    return Line(pieces)


def suggestion_line(suggestion: str) -> Line:
    return Line([("Did you mean ", "bold"), (suggestion, "bold green"), ("?", "bold")])


def nothing_found_lines(found: NothingFound) -> list[Line]:
    """Why a search found nothing: what each filter took away, what the index holds."""
    lines = []
    for effect in found.effects:
        count = "1 result" if effect.without == 1 else f"{effect.without} results"
        lines.append(Line([(f"Without {effect.filter}: ", None), (count, "bold")]))
    if found.documents:
        span = f"{found.first_date} to {found.last_date}" if found.first_date else "no dated articles"
        undated = f", {found.undated} undated" if found.undated else ""
        lines.append(Line([(f"The index holds {found.documents} articles: {span}{undated}.", "dim")]))
    return lines


def results_lines(results: SearchResults, nothing: NothingFound | None = None, width: int | None = None) -> list[Line]:
    """The whole text output of one search."""
    lines = [results_header(results)]
    if results.filters or results.query_filters:
        lines.append(filters_line(results))
    if results.suggestion:
        lines.append(suggestion_line(results.suggestion))
    if nothing is not None:
        lines += nothing_found_lines(nothing)
    lines.append(Line())
    first = (results.page - 1) * results.limit + 1
    for rank, hit in enumerate(results.hits, first):
        lines += hit_lines(rank, hit)
    if results.facets is not None:
        lines += facets_lines(results.facets, width)
    while lines and not lines[-1].pieces:
        lines.pop()
    return lines


def facet_rows(title: str, values: list[FacetValue], extra: list[tuple[str, int]], width: int | None) -> list[Line]:
    """A facet as a table: value, count, bar, and the -f that drills down to it.

    Columns are as wide as their widest cell; the bar takes what room is
    left on a terminal of `width` columns (BAR_WIDTH in a pipe), and is left
    out rather than let the hint wrap.
    """
    rows = [(v.value, v.count, f"-f {v.filter.text}") for v in values] + [(label, n, "") for label, n in extra if n]
    lines = [Line([(title, "bold")])]
    if not rows:
        return [Line([(f"{title}: none", "dim")])]
    label_width = max(cell_width(label) for label, _, _ in rows)
    count_width = max(len(str(count)) for _, count, _ in rows)
    hint_width = max(cell_width(hint) for _, _, hint in rows)
    bar_width = BAR_WIDTH
    if width is not None:
        bar_width = min(BAR_WIDTH, width - 1 - (label_width + 1) - (count_width + 1) - 1 - hint_width)
        if bar_width < MIN_BAR_WIDTH:
            bar_width = 0
    largest = max(count for _, count, _ in rows) or 1
    for label, count, hint in rows:
        pieces: list[tuple[str, str | None]] = [
            (label + " " * (label_width - cell_width(label)) + " ", "bold"),
            (f"{count:>{count_width}} ", None),
        ]
        if bar_width:
            bar = "█" * max(1, round(bar_width * count / largest))
            pieces.append((bar.ljust(bar_width) + " ", "cyan"))
        if hint:
            pieces.append((hint, "dim"))
        lines.append(Line(pieces, indent=1))
    return lines


def facets_lines(facets: Facets, width: int | None = None) -> list[Line]:
    lines: list[Line] = []
    if facets.date is not None:
        dates = facets.date
        lines += facet_rows("Years", dates.years, [("pa datë", dates.undated)], width) + [Line()]
        if dates.months:
            lines += facet_rows(f"Months of {dates.year}", dates.months, [("vetëm viti", dates.year_only)], width)
            lines.append(Line())
    for name, values in facets.entities.items():
        lines += facet_rows(ENTITY_TITLES.get(name, name), values, [], width) + [Line()]
    return lines
