"""The line of key hints at the bottom of a screen, in the app's language.

Textual's Footer shows binding descriptions fixed on the class; this bar takes
its labels from strings.py so it speaks the user's language, and the screen
changes them with the pane in use (`show`): while the search box has the
focus it offers only keys that type nothing there. The last two keys (help
and quit) are always shown; when the line is too narrow, the keys before
them give way from the end.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

Keys = tuple[tuple[str, str], ...]
ALWAYS_SHOWN = 2  # help and quit, the last two of every set of keys


class KeyBar(Widget):
    DEFAULT_CSS = "KeyBar { height: 1; }"

    def __init__(self, keys: Keys, **kwargs):
        super().__init__(**kwargs)
        self.keys = keys

    def show(self, keys: Keys) -> None:
        if keys != self.keys:
            self.keys = keys
            self.refresh()

    def fitted(self, width: int) -> Keys:
        """The keys that fit in width columns (see module doc)."""
        kept, always = list(self.keys[:-ALWAYS_SHOWN]), list(self.keys[-ALWAYS_SHOWN:])
        while kept and cell_len(self.render_keys(tuple(kept + always)).plain.rstrip()) > width:
            kept.pop()
        return tuple(kept + always)

    def render(self) -> Text:
        return self.render_keys(self.fitted(self.size.width) if self.size.width else self.keys)

    @staticmethod
    def render_keys(keys: Keys) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for key, label in keys:
            text.append(f" {key} ", style="bold reverse")
            text.append(f" {label}  ")
        return text
