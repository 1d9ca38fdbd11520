"""The reading view: one whole article, every match marked, walked with n/N.

It dismisses with the name the reader chose to filter by (or None on `esc`);
the search screen beneath it keeps its results and scroll position, and adds
the name's filter. `o`, `e` and `y` hand the article to the pager, the
editor or the clipboard (searchidx/tui/external.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from searchidx.results.reading import Article
from searchidx.terminal import file_url
from searchidx.tui.external import Target, copy_path, open_in
from searchidx.tui.strings import Strings
from searchidx.tui.widgets.chip import Chip
from searchidx.tui.widgets.chip_rows import ChipRows
from searchidx.tui.widgets.key_bar import KeyBar
from searchidx.tui.widgets.rendering import CURRENT_MATCH_STYLE, ENTITY_BADGES, MATCH_STYLE, date_text

PARAGRAPH = re.compile(r"[^\n]+")


def open_in_browser(url: str, notify, strings: Strings) -> None:
    """Opens a web address in the user's browser (webbrowser); only http(s),
    since an archive's URL field could name any program's scheme."""
    import webbrowser

    if not url.lower().startswith(("http://", "https://")):
        notify(strings.url_not_web.format(url=url), severity="warning", markup=False)
        return
    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    notify(strings.url_opened.format(url=url) if opened else strings.url_no_browser.format(url=url), markup=False)


@dataclass(frozen=True)
class EntityChoice:
    """A name the reader chose in the article, to filter by."""

    kind: str  # "person", "place", "org"
    name: str


class Paragraph(Static):
    """One paragraph of the article; `start` is its offset in the body."""

    def __init__(self, text: str, start: int, **kwargs):
        super().__init__(**kwargs)
        self.text = text
        self.start = start
        self.shown = Text(text)  # the text as last shown, matches styled

    def show(self, matches: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
        rich_text = Text(self.text)
        end = self.start + len(self.text)
        for span in matches:
            if self.start <= span[0] and span[1] <= end:
                style = CURRENT_MATCH_STYLE if span == current else MATCH_STYLE
                rich_text.stylize(style, span[0] - self.start, span[1] - self.start)
        self.shown = rich_text
        self.update(rich_text)

    def line_of(self, offset: int) -> int:
        """The wrapped line (from 0) on which body offset `offset` is shown."""
        width = self.content_region.width
        if width <= 0:
            return 0
        lines = Text(self.text).wrap(self.app.console, width)
        seen = 0
        for number, line in enumerate(lines):
            seen += len(line.plain)
            if offset - self.start < seen:
                return number
        return max(0, len(lines) - 1)


class ReaderScreen(Screen[EntityChoice | None]):
    # The text has the focus as the article opens (Textual would give it to
    # the first focusable widget, the first name).
    AUTO_FOCUS = "#reader-body"
    BINDINGS = [
        Binding("escape", "back", show=False),
        Binding("n", "match(1)", show=False),
        Binding("N,p", "match(-1)", show=False),
        Binding("j", "scroll(1)", show=False),
        Binding("k", "scroll(-1)", show=False),
        Binding("space", "page(1)", show=False),
        Binding("o", "open", show=False),
        Binding("e", "open(True)", show=False),
        Binding("y", "copy_path", show=False),
        Binding("O", "open_url", show=False),
    ]

    def __init__(self, article: Article | None, path: str, strings: Strings, file: str | None = None):
        """article: as Index.article gave it for the query (None: no longer
        indexed); file: the absolute path of its file, for `o`, `e` and `y`."""
        super().__init__()
        self.article = article
        self.path = path
        self.strings = strings
        self.file = file
        self.current = -1  # index of the current match in article.matches

    def compose(self) -> ComposeResult:
        if self.article is None:
            with VerticalScroll(id="reader-body"):
                yield Static(Text(self.strings.article_missing.format(path=self.path)), id="reader-missing")
            yield KeyBar(self.strings.keys_reader, id="keys")
            return
        article = self.article
        yield Static(Text(article.title, style="bold"), id="reader-title")
        yield Static(id="reader-meta")
        names = [(kind, name) for kind in ENTITY_BADGES for name in article.entities.get(kind, [])]
        if names:
            chips = [
                (Text(f"{ENTITY_BADGES[kind][0]} {name}", style=ENTITY_BADGES[kind][1]), EntityChoice(kind, name))
                for kind, name in names
            ]
            yield ChipRows(self.strings.entities_label, chips, chip_classes="entity", id="reader-entities")
        with VerticalScroll(id="reader-body"):
            for match in PARAGRAPH.finditer(article.body):
                yield Paragraph(match.group(), match.start(), classes="paragraph")
        yield KeyBar(self._keys(), id="keys")

    def _keys(self):
        if isinstance(self.focused, Chip):
            return self.strings.keys_names
        keys = self.strings.keys_reader
        if self.article is not None and self.article.url:
            keys = keys[:-2] + (self.strings.key_web,) + keys[-2:]
        return keys

    def on_descendant_focus(self) -> None:
        self.query_one(KeyBar).show(self._keys())

    def on_mount(self) -> None:
        self.query_one("#reader-body").focus()
        if self.article is None:
            return
        for paragraph in self.query(Paragraph):
            paragraph.show(self.article.matches, None)
        self._show_meta()
        if self.article.matches:
            self.call_after_refresh(self.action_match, 1)

    def _show_meta(self) -> None:
        article = self.article
        if article is None:
            return
        matches = article.matches
        if matches:
            position = self.strings.match_position.format(current=max(self.current, 0) + 1, total=len(matches))
        else:
            position = self.strings.no_matches
        meta = date_text(article.date, self.strings.undated)
        where = article.path + (f"#{article.record}" if article.record is not None else "")
        # The path is a link to the file (OSC 8) in a terminal that has links.
        meta.append(f"  {where}", style=Style(dim=True, link=file_url(self.file) if self.file else None))
        if article.url:
            meta.append(f"  {article.url}", style=Style(dim=True, underline=True, link=article.url))
        meta.append(f"   {position}", style="bold")
        self.query_one("#reader-meta", Static).update(meta)

    def action_match(self, step: int) -> None:
        """Moves to the next (1) or previous (-1) match, wrapping around."""
        if self.article is None or not self.article.matches:
            return
        matches = self.article.matches
        previous = matches[self.current] if self.current >= 0 else None
        self.current = (self.current + step) % len(matches)
        span = matches[self.current]
        for paragraph in self.query(Paragraph):
            end = paragraph.start + len(paragraph.text)
            holds = lambda s: s is not None and paragraph.start <= s[0] < end  # noqa: E731, B023 - used in this iteration
            if holds(previous) or holds(span):
                paragraph.show(matches, span)
            if holds(span):
                self._scroll_to_match(paragraph, span[0])
        self._show_meta()

    def _scroll_to_match(self, paragraph: Paragraph, offset: int) -> None:
        body = self.query_one("#reader-body", VerticalScroll)
        line = paragraph.virtual_region.y + paragraph.line_of(offset)
        # Put the match a third of the way down, with the text before it in view.
        body.scroll_to(y=max(0, line - body.size.height // 3), animate=False)

    def action_scroll(self, lines: int) -> None:
        body = self.query_one("#reader-body", VerticalScroll)
        body.scroll_to(y=body.scroll_y + lines, animate=False)

    def action_page(self, pages: int) -> None:
        body = self.query_one("#reader-body", VerticalScroll)
        body.scroll_to(y=body.scroll_y + pages * max(1, body.size.height - 2), animate=False)

    def action_open_url(self) -> None:
        """Opens the article's URL in the browser (`O`)."""
        url = self.article.url if self.article is not None else None
        if not url:
            self.notify(self.strings.no_url, severity="warning")
            return
        open_in_browser(url, self.notify, self.strings)

    def _target(self) -> Target | None:
        if self.article is None or not self.file:
            return None
        text = f"{self.article.title}\n\n{self.article.body}\n" if self.article.record is not None else None
        return Target(self.file, text)

    def action_open(self, editor: bool = False) -> None:
        """`o`: the article in $PAGER; `e`: in $EDITOR."""
        target = self._target()
        if target is not None:
            open_in(self.app, target, self.strings, editor=editor)

    def action_copy_path(self) -> None:
        target = self._target()
        if target is not None:
            copy_path(self.app, target, self.strings)

    def action_back(self) -> None:
        if isinstance(self.focused, Chip):
            self.query_one("#reader-body").focus()
            return
        self.dismiss(None)

    def on_chip_chosen(self, event: Chip.Chosen) -> None:
        event.stop()
        self.dismiss(event.chip.value)
