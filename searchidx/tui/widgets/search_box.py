"""The search box: an Input that walks the query history with up and down."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

from searchidx.tui.history import QueryHistory


class SearchBox(Input):
    BINDINGS = [
        Binding("up", "history_previous", show=False),
        Binding("down", "history_next", show=False),
    ]

    def __init__(self, history: QueryHistory, placeholder: str, **kwargs):
        super().__init__(placeholder=placeholder, **kwargs)
        self.history = history

    def action_history_previous(self) -> None:
        self._recall(self.history.previous(self.value))

    def action_history_next(self) -> None:
        self._recall(self.history.next())

    def _recall(self, query: str | None) -> None:
        if query is not None:
            self.value = query
            self.cursor_position = len(query)
