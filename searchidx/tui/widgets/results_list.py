"""The results list: one entry per hit, loading further pages as it is scrolled.

Each entry shows the date (in its precision), the title, the snippet with
its matches marked and the article's entity badges. When the highlight comes
near the last loaded hit and the search has more, the list asks for the next
page (NeedMore) so that scrolling never ends before the results do.
"""

from __future__ import annotations

import os

from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from searchidx.results.search import Hit, SearchResults
from searchidx.terminal import file_url
from searchidx.tui.strings import Strings
from searchidx.tui.widgets.rendering import date_text, entity_badges, fitted_snippet

# How close to the end of the loaded hits the next page is asked for.
PREFETCH_DISTANCE = 3
SNIPPET_LINES = 2


class ResultsList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
    ]

    class NeedMore(Message):
        """The highlight is near the last loaded hit and there are more."""

    def __init__(self, strings: Strings, **kwargs):
        super().__init__(**kwargs)
        self.strings = strings
        self.hits: list[Hit] = []
        self.total = 0
        self._asked_for_more = False
        self._rendered_width = 0

    def show_results(self, results: SearchResults) -> None:
        """Replaces the list with the first page of a new search."""
        self.hits = list(results.hits)
        self.total = results.total
        self._asked_for_more = False
        self._rendered_width = self._width()
        self.set_options(self._option(hit) for hit in self.hits)
        self.highlighted = 0 if self.hits else None
        self.scroll_home(animate=False)

    def append_results(self, results: SearchResults) -> None:
        """Adds a further page below the hits already shown."""
        self.hits.extend(results.hits)
        self.add_options(self._option(hit) for hit in results.hits)
        self._asked_for_more = False

    def show_message(self, message: Text | str) -> None:
        """Empties the list and shows a line instead (no results, a hint)."""
        self.hits, self.total = [], 0
        self.set_options([Option(message, disabled=True)])
        self.highlighted = None

    @property
    def has_more(self) -> bool:
        return len(self.hits) < self.total

    @property
    def selected_hit(self) -> Hit | None:
        if self.highlighted is None or self.highlighted >= len(self.hits):
            return None
        return self.hits[self.highlighted]

    def _width(self) -> int:
        return max(20, self.scrollable_content_region.width - 2)

    def _option(self, hit: Hit) -> Option:
        return Option(self.hit_prompt(hit, self._width()), id=None)

    def hit_prompt(self, hit: Hit, width: int) -> Group:
        # The title is a link to the article's file (OSC 8), as the reading
        # view's path is: a terminal that has links opens it on a click.
        link = file_url(hit.file) if os.path.isabs(hit.file) else None
        heading = Text.assemble(
            date_text(hit.date, self.strings.undated),
            (hit.title, Style(bold=True, link=link)),
            no_wrap=True,
            overflow="ellipsis",
        )
        # Lines break at words, so leave a tenth for the ragged ends.
        snippet = fitted_snippet(hit.snippet, max_chars=int(SNIPPET_LINES * width * 0.9))
        lines = [heading, snippet]
        badges = entity_badges(hit.entities)
        if badges:
            badges.no_wrap, badges.overflow = True, "ellipsis"
            lines.append(badges)
        lines.append(Text(""))
        return Group(*lines)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if (
            highlighted is not None
            and self.has_more
            and not self._asked_for_more
            and highlighted >= len(self.hits) - PREFETCH_DISTANCE
        ):
            self._asked_for_more = True
            self.post_message(self.NeedMore())

    def on_resize(self) -> None:
        # Snippets are cut to the width: cut them again when it changes.
        width = self._width()
        if self.hits and width != self._rendered_width:
            self._rendered_width = width
            for index, hit in enumerate(self.hits):
                self.replace_option_prompt_at_index(index, self.hit_prompt(hit, width))
