"""The line of key hints at the bottom of a screen, in the app's language.

Textual's Footer shows binding descriptions fixed on the class; this bar takes
its labels from strings.py so it speaks the user's language.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class KeyBar(Static):
    def __init__(self, keys: tuple[tuple[str, str], ...], **kwargs):
        super().__init__(self.render_keys(keys), **kwargs)

    @staticmethod
    def render_keys(keys: tuple[tuple[str, str], ...]) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for key, label in keys:
            text.append(f" {key} ", style="bold reverse")
            text.append(f" {label}  ")
        return text
