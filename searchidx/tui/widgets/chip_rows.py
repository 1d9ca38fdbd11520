"""A label and a group of chips laid out in rows that wrap at the width.

The reading view's names (`Named: ● Fadil Vokrri  ▲ Kosova  …`) ran past the
edge of a one-line row and were cut (`■ Agjencia K`). Textual's horizontal
layout does not wrap, so the chips are put in rows of their own, laid out
again whenever the width changes; left/right move along the whole group.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from searchidx.tui.widgets.chip import Chip

# A chip's padding (1 each side) and its right margin, as app.tcss gives them.
CHIP_EXTRA = 3
LABEL_EXTRA = 1  # the label's right padding


class ChipRows(Vertical):
    chip_group = True  # Chip.action_neighbour moves along all the rows

    def __init__(self, label: str, chips: list[tuple[Text, Any]], chip_classes: str = "", **kwargs):
        super().__init__(**kwargs)
        self.label = label
        self.chips = chips
        self.chip_classes = chip_classes
        self._laid_out_for = 0

    def compose(self) -> ComposeResult:
        yield from self._rows(0)

    def rows_for(self, width: int) -> list[list[int]]:
        """Which chips (by position) go on each row at this width (0: one row)."""
        rows: list[list[int]] = [[]]
        used = cell_len(self.label) + LABEL_EXTRA
        for position, (text, _) in enumerate(self.chips):
            wide = cell_len(text.plain) + CHIP_EXTRA
            if width and rows[-1] and used + wide > width:
                rows.append([])
                used = cell_len(self.label) + LABEL_EXTRA  # later rows line up under the first chip
            rows[-1].append(position)
            used += wide
        return rows

    def _rows(self, width: int) -> list[Horizontal]:
        built = []
        for number, positions in enumerate(self.rows_for(width)):
            label = Static(Text(self.label if number == 0 else " " * cell_len(self.label)), classes="row-label")
            chips = [Chip(self.chips[p][0], self.chips[p][1], classes=self.chip_classes) for p in positions]
            built.append(Horizontal(label, *chips, classes="chip-row"))
        return built

    async def on_resize(self) -> None:
        width = self.size.width
        if width and width != self._laid_out_for:
            self._laid_out_for = width
            await self._lay_out(width)

    async def _lay_out(self, width: int) -> None:
        chips = list(self.query(Chip))
        focused = chips.index(self.screen.focused) if self.screen.focused in chips else None
        if len(self.rows_for(width)) == len(self.query(".chip-row")) == 1:
            return  # still one row: nothing moves
        await self.remove_children()
        await self.mount_all(self._rows(width))
        if focused is not None:
            self.query(Chip)[focused].focus()
