"""A chip: a one-line, focusable label that does one thing when chosen.

Filter chips (remove the filter) and the reading view's names (filter by
the name) are chips; enter, space or a click chooses one, and left/right
move along the chips of their group (ChipRows wraps one group over rows).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static


class Chip(Static, can_focus=True):
    BINDINGS = [
        Binding("enter,space", "choose", show=False),
        Binding("right,l", "neighbour(1)", show=False),
        Binding("left,h", "neighbour(-1)", show=False),
    ]

    class Chosen(Message):
        def __init__(self, chip: Chip):
            super().__init__()
            self.chip = chip

        @property
        def control(self) -> Chip:
            return self.chip

    def __init__(self, label: Text | str, value: Any, **kwargs):
        # A str label is shown as written, never read as markup.
        super().__init__(Text(label) if isinstance(label, str) else label, **kwargs)
        self.label = label
        self.value = value

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self))

    def on_click(self) -> None:
        self.action_choose()

    def action_neighbour(self, step: int) -> None:
        group = next((a for a in self.ancestors if getattr(a, "chip_group", False)), self.parent)
        chips = list(group.query(Chip)) if group is not None else [self]
        position = chips.index(self) + step
        if 0 <= position < len(chips):
            chips[position].focus()
