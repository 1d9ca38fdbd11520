"""The row of active filters above the results; choosing a chip removes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static

from searchidx.tui.strings import Strings
from searchidx.tui.widgets.chip import Chip
from searchidx.tui.widgets.rendering import DATE_STYLE, ENTITY_BADGES

if TYPE_CHECKING:
    from searchidx.query.filters import Filter


def chip_label(choice: Filter) -> Text:
    mark, colour = ENTITY_BADGES.get(choice.field, ("◷", DATE_STYLE))
    return Text.assemble((f"{mark} {choice.value}", colour), (" ✕", "bold"))


class FilterChips(Horizontal):
    class Removed(Message):
        def __init__(self, choice: Filter):
            super().__init__()
            self.choice = choice

    def __init__(self, strings: Strings, **kwargs):
        super().__init__(**kwargs)
        self.strings = strings
        self.choices: tuple[Filter, ...] = ()

    def show_filters(self, choices: tuple[Filter, ...]) -> None:
        if choices == self.choices:
            return
        self.choices = choices
        self.remove_children()
        self.display = bool(choices)
        if choices:
            self.mount(Static(Text(self.strings.filters_label), classes="row-label"))
            for choice in choices:
                chip = Chip(chip_label(choice), choice, classes="filter")
                chip.tooltip = self.strings.chip_remove_hint
                self.mount(chip)

    def on_chip_chosen(self, event: Chip.Chosen) -> None:
        event.stop()
        self.post_message(self.Removed(event.chip.value))
