"""Handing an article to another program from the app: `o` ($PAGER), `e`
($EDITOR), `y` (its path to the clipboard).

The app lends the terminal to the program (Textual's App.suspend) and takes
it back when the program ends. The pager shows the article's file; a record
of an export (a JSON Lines or CSV file holding many articles) is not a file
of its own, so the pager gets its text instead, while the editor opens the
file that holds it. Conventions shared with `searchidx open`: see
searchidx/terminal.py.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from textual.app import App, SuspendNotSupported

from searchidx import terminal
from searchidx.tui.strings import Strings


@dataclass(frozen=True)
class Target:
    """What `o`, `e` and `y` act on: a hit or the article being read."""

    file: str  # the absolute path of its file (for a record: the file of records)
    text: str | None = None  # for a record: the article's own text, for the pager


def open_in(app: App, target: Target, strings: Strings, editor: bool = False) -> None:
    """Shows the target in $PAGER (or $EDITOR), the app suspended meanwhile."""
    try:
        command = terminal.editor_command() if editor else terminal.pager_command()
    except terminal.NoProgram as error:
        app.notify(strings.program_failed.format(message=error), severity="error", markup=False)
        return
    if not os.path.isfile(target.file):
        app.notify(strings.article_missing.format(path=target.file), severity="error", markup=False)
        return
    try:
        with app.suspend():
            if target.text is not None and not editor:
                terminal.run_on_text(command, target.text)
            else:
                terminal.run_on_file(command, target.file)
    except SuspendNotSupported:
        app.notify(strings.cannot_hand_over.format(program=command[0]), severity="error", markup=False)
    except terminal.NoProgram as error:
        app.notify(strings.program_failed.format(message=error), severity="error", markup=False)
    app.refresh()


def copy_path(app: App, target: Target, strings: Strings) -> None:
    """Puts the file's path on the clipboard (OSC 52, through Textual)."""
    app.copy_to_clipboard(target.file)
    app.notify(strings.copied.format(path=target.file), markup=False)
