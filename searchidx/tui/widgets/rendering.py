"""How hits, dates and entities look: Rich text shared by the widgets."""

from __future__ import annotations

from rich.text import Text

from searchidx.results.snippets import Snippet

MATCH_STYLE = "bold black on yellow"
CURRENT_MATCH_STYLE = "bold black on bright_green"
DATE_STYLE = "cyan"
# A mark and a colour per entity type, so badges are told apart without words.
ENTITY_BADGES = {"person": ("●", "magenta"), "place": ("▲", "green"), "org": ("■", "bright_blue")}
ELLIPSIS = "…"


def date_text(date: str | None, undated: str) -> Text:
    """The date in the precision it has ("2023", "2023-10", "2023-10-17"), padded."""
    return Text(f"{date or undated:<10} ", style=DATE_STYLE if date else "dim")


def marked(text: str, spans, style: str = MATCH_STYLE) -> Text:
    """text with the [start, end) spans styled as matches."""
    rich_text = Text(text)
    for start, end in spans:
        rich_text.stylize(style, start, end)
    return rich_text


def fitted_snippet(snippet: Snippet, max_chars: int) -> Text:
    """The snippet cut to max_chars around its first match, matches marked.

    Snippets are made for the JSON output (about 220 characters); in a list
    of results two lines of the list's width are enough to see why it matched.
    """
    text, spans = snippet.text, list(snippet.highlights)
    if len(text) <= max_chars:
        return marked(text, spans)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - max_chars // 4, len(text) - max_chars))
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = start + max_chars - 2
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    prefix = ELLIPSIS if start > 0 and not text[start:].startswith(ELLIPSIS) else ""
    suffix = ELLIPSIS if end < len(text) and not text[:end].endswith(ELLIPSIS) else ""
    shift = len(prefix) - start
    kept = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return marked(prefix + text[start:end] + suffix, kept)


def entity_badges(entities: dict[str, list[str]], limit: int = 6) -> Text:
    """`● Putin  ▲ Kina  ■ OKB`: up to limit names, people first."""
    badges = Text()
    shown = 0
    for kind, (mark, colour) in ENTITY_BADGES.items():
        for name in entities.get(kind, []):
            if shown == limit:
                return badges
            if shown:
                badges.append("  ")
            badges.append(f"{mark} {name}", style=colour)
            shown += 1
    return badges
