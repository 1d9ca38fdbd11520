"""The help screen: every key, and the query syntax, over the current screen.

tests/test_tui.py checks that every key the app binds is listed here.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from searchidx.tui.strings import Strings


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", show=False),
        Binding("question_mark,f1", "dismiss", show=False),
        Binding("q", "dismiss", show=False),
        Binding("j", "scroll_down", show=False),
        Binding("k", "scroll_up", show=False),
    ]

    def __init__(self, strings: Strings):
        super().__init__()
        self.strings = strings

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = self.strings.help_title
            body.border_subtitle = self.strings.help_close
            yield Static(self._table(self.strings.help_keys), id="help-keys")
            yield Static(Text(self.strings.help_syntax_title, style="bold"), classes="help-heading")
            yield Static(self._table(self.strings.help_syntax), id="help-syntax")

    @staticmethod
    def _table(rows: tuple[tuple[str, str], ...]) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold yellow", no_wrap=True)
        table.add_column()
        for keys, meaning in rows:
            table.add_row(Text(keys), Text(meaning))  # as written: `[` in a query example is not markup
        return table

    def action_scroll_down(self) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_up()
