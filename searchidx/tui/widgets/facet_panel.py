"""The facet panel: the date histogram and the top people, places and
organisations of all matches, with counts. Choosing a value asks for its
filter to be added (FacetPanel.Chosen); headings cannot be chosen.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from searchidx.tui.strings import Strings
from searchidx.tui.widgets.date_histogram import bar_row, histogram_rows
from searchidx.tui.widgets.rendering import ENTITY_BADGES

ENTITY_HEADINGS = ("person", "place", "org")


class FacetPanel(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
    ]

    class Chosen(Message):
        def __init__(self, filter):
            super().__init__()
            self.filter = filter

    def __init__(self, strings: Strings, **kwargs):
        super().__init__(**kwargs)
        self.strings = strings
        self.facets = None
        self._filters: dict[int, object] = {}
        self._rendered_width = 0

    def show_facets(self, facets) -> None:
        """Shows a searchidx.results.facets.Facets (None: the search had none)."""
        self.facets = facets
        self._show_values()

    def _show_values(self) -> None:
        width = max(16, self.scrollable_content_region.width - 1)
        self._rendered_width = width
        options: list[Option] = []
        # Keep the highlight on the same value (a chosen year stays highlighted
        # while its months appear beneath it), else on the first value.
        was = self._highlighted_filter()
        self._filters = {}

        def heading(label: str) -> None:
            if options:
                options.append(Option(Text(""), disabled=True))
            options.append(Option(Text(label, style="bold underline"), disabled=True))

        def value(row: Text, filter) -> None:
            if filter is not None:
                self._filters[len(options)] = filter
            options.append(Option(row, disabled=filter is None))

        facets = self.facets
        if facets is None:
            options.append(Option(Text(self.strings.facets_empty, style="dim"), disabled=True))
        else:
            if facets.date is not None and (facets.date.years or facets.date.undated):
                heading(self.strings.facet_dates)
                for row, filter in histogram_rows(facets.date, width, self.strings.undated):
                    value(row, filter)
            names = {
                "person": self.strings.facet_person,
                "place": self.strings.facet_place,
                "org": self.strings.facet_org,
            }
            for field in ENTITY_HEADINGS:
                entries = facets.entities.get(field) or []
                if not entries:
                    continue
                heading(names[field])
                mark, colour = ENTITY_BADGES[field]
                largest = max(e.count for e in entries)
                label_width = min(max(len(e.value) for e in entries) + 2, width // 2 + 2)
                for entry in entries:
                    label = f"{mark} {entry.value}"
                    if len(label) > label_width:
                        label = label[: label_width - 1] + "…"
                    value(bar_row(label, entry.count, largest, width, label_width, colour), entry.filter)
            if not self._filters:
                options.append(Option(Text(self.strings.facets_empty, style="dim"), disabled=True))
        self.set_options(options)
        if self._filters:
            same = [index for index, filter in self._filters.items() if filter == was]
            self.highlighted = same[0] if same else min(self._filters)

    def _highlighted_filter(self):
        return self._filters.get(self.highlighted) if self.highlighted is not None else None

    def on_resize(self) -> None:
        if self.facets is not None and self.scrollable_content_region.width - 1 != self._rendered_width:
            self._show_values()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        filter = self._filters.get(event.option_index)
        if filter is not None:
            self.post_message(self.Chosen(filter))
