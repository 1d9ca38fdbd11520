"""The search box: an Input that walks the query history with up and down.

Coming back to it (`/`, `esc`) keeps the query and puts the cursor at its
end, as a refinement is the usual next step; ctrl+u clears it. (Textual's
Input selects everything on focus, so the first key typed replaced it.)
"""

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
        super().__init__(placeholder=placeholder, select_on_focus=False, **kwargs)
        self.history = history

    def focus_at_end(self) -> None:
        self.focus()
        self.cursor_position = len(self.value)

    def action_history_previous(self) -> None:
        self._recall(self.history.previous(self.value))

    def action_history_next(self) -> None:
        self._recall(self.history.next())

    def _recall(self, query: str | None) -> None:
        if query is not None:
            self.value = query
            self.cursor_position = len(query)
