"""The full-screen app: opens the index, or offers to build one, then searches.

searchidx            # in a terminal, with no arguments
searchidx tui [--index PATH] [--folder corpus]
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from searchidx.api import Index
from searchidx.errors import IndexNotFound, IndexVersionMismatch
from searchidx.paths import default_history_path, resolve_index_dir
from searchidx.tui import search_service
from searchidx.tui.history import QueryHistory
from searchidx.tui.screens.build_index import BuildIndexScreen
from searchidx.tui.screens.help import HelpScreen
from searchidx.tui.screens.search import SearchScreen
from searchidx.tui.search_service import LocalSearch, SearchService
from searchidx.tui.strings import strings_for

DEFAULT_FOLDER = Path("corpus")


class SearchidxApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "searchidx"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("q", "quit", show=False),
        # Quits from anywhere, the search box too, as in any terminal program
        # (Textual binds it to a notice that it does not quit).
        Binding("ctrl+c", "quit", show=False, priority=True),
        Binding("question_mark,f1", "help", show=False),
    ]

    def __init__(
        self,
        index_dir: str | os.PathLike | None = None,
        folder: str | os.PathLike | None = None,
        language: str | None = None,
        history: QueryHistory | None = None,
        query: str = "",
        ansi_color: bool = False,
        index: Index | None = None,
    ):
        """index: an already open Index to search in this process (the caller
        closes it); otherwise the one at index_dir (or built there) is
        searched by a search process of the app's own (search_service.py)."""
        super().__init__(ansi_color=ansi_color)
        self.index_dir = resolve_index_dir(index_dir)
        self.folder = Path(folder) if folder else DEFAULT_FOLDER
        self.strings = strings_for(language)
        self.history = history if history is not None else QueryHistory(default_history_path())
        self.initial_query = query
        self.index: Index | None = index
        self.searcher: LocalSearch | SearchService | None = None
        if index is None:
            search_service.prepare()  # before Textual takes over stderr

    def on_mount(self) -> None:
        if self.index is not None:
            self.searcher = LocalSearch(self.index)
            self.push_screen(SearchScreen(self.searcher, self.strings, self.history, self.initial_query))
            return
        try:
            # Opened here only to tell a missing or outdated index; the
            # search process opens its own.
            Index.open(self.index_dir).close()
        except IndexNotFound:
            self.push_screen(BuildIndexScreen(self.index_dir, self.folder, self.strings), self.start_searching)
        except IndexVersionMismatch as error:
            self.push_screen(
                BuildIndexScreen(
                    self.index_dir, self.folder, self.strings, reason=str(error).split(";")[0], rebuild=True
                ),
                self.start_searching,
            )
        else:
            self.start_searching()

    def start_searching(self, built: Index | None = None) -> None:
        """Starts the search process on the index (built: the one just built,
        which the process opens anew) and shows the search screen."""
        if built is not None:
            built.close()
        self.searcher = SearchService(self.index_dir)
        self.push_screen(SearchScreen(self.searcher, self.strings, self.history, self.initial_query))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.strings))

    def on_unmount(self) -> None:
        if self.searcher is not None:
            self.searcher.close()
