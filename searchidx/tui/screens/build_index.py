"""Building an index when there is none (or it is too old), with progress.

Indexing runs in a thread worker through the query layer's API
(Index.create/open_or_create and add_folder with a progress callback), so the
screen keeps drawing; when it is done the app moves on to searching.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, ProgressBar, Static

from searchidx.api import Index
from searchidx.errors import SearchidxError
from searchidx.tui.strings import Strings
from searchidx.tui.widgets.key_bar import KeyBar


class BuildIndexScreen(Screen[Index]):
    """Dismisses with the built, open Index."""

    BINDINGS = [Binding("escape", "app.quit", show=False)]

    class Progress(Message):
        def __init__(self, done: int, total: int):
            super().__init__()
            self.done, self.total = done, total

    def __init__(
        self, index_dir: Path, folder: Path, strings: Strings, reason: str | None = None, rebuild: bool = False
    ):
        super().__init__()
        self.index_dir = index_dir
        self.folder = folder
        self.strings = strings
        self.reason = reason
        self.rebuild = rebuild  # the index there is too old: start it over

    def compose(self) -> ComposeResult:
        strings = self.strings
        if self.reason:
            explanation = strings.build_old_index.format(message=self.reason)
        else:
            explanation = strings.build_no_index.format(path=self.index_dir)
        with Vertical(id="build-box") as box:
            box.border_title = strings.build_title
            # Paths and messages as Text: never read as markup.
            yield Static(Text(explanation), id="build-explanation")
            with Horizontal(id="build-row"):
                yield Static(Text(strings.build_folder_label), classes="row-label")
                yield Input(str(self.folder), id="build-folder")
                yield Button(strings.build_button, id="build-start", variant="primary")
            yield ProgressBar(id="build-progress", show_eta=False)
            yield Static("", id="build-status")
        yield KeyBar(strings.keys_build, id="keys")

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        self.query_one("#build-folder", Input).focus()

    @on(Input.Submitted, "#build-folder")
    @on(Button.Pressed, "#build-start")
    def start(self) -> None:
        folder = Path(self.query_one("#build-folder", Input).value.strip()).expanduser()
        status = self.query_one("#build-status", Static)
        if not folder.is_dir():
            status.update(Text(self.strings.build_not_a_folder.format(folder=folder)))
            return
        self.query_one("#build-folder", Input).disabled = True
        self.query_one("#build-start", Button).disabled = True
        self.query_one(ProgressBar).display = True
        status.update(Text(self.strings.build_starting))
        self.build(folder)

    @work(thread=True, exclusive=True)
    def build(self, folder: Path) -> None:
        def progress(done: int, total: int) -> None:
            self.post_message(self.Progress(done, total))

        try:
            if self.rebuild:
                # Built beside the old index, which is replaced only when done.
                index = Index.open(self.index_dir, check_versions=False)
                summary = index.add_folder(folder, on_progress=progress, rebuild=True)
            else:
                index = Index.open_or_create(self.index_dir)
                summary = index.add_folder(folder, on_progress=progress)
        except (SearchidxError, OSError) as error:
            self.app.call_from_thread(self.failed, str(error))
            return
        self.app.call_from_thread(self.finished, index, summary.indexed, len(summary.skipped))

    def on_build_index_screen_progress(self, event: Progress) -> None:
        self.query_one(ProgressBar).update(total=event.total, progress=event.done)
        self.query_one("#build-status", Static).update(
            Text(self.strings.build_progress.format(done=event.done, total=event.total))
        )

    def failed(self, message: str) -> None:
        self.query_one("#build-status", Static).update(Text(self.strings.build_failed.format(message=message)))
        self.query_one("#build-folder", Input).disabled = False
        self.query_one("#build-start", Button).disabled = False

    def finished(self, index: Index, indexed: int, skipped: int) -> None:
        self.app.notify(self.strings.build_done.format(count=index.document_count(), skipped=skipped), markup=False)
        self.dismiss(index)
