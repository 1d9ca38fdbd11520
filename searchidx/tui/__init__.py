"""The full-screen terminal app (Textual), built on searchidx.api only."""

from __future__ import annotations

from pathlib import Path

__all__ = ["SearchidxApp", "run_app"]


def run_app(index: Path | None = None, folder: Path | None = None, query: str = "") -> None:
    """Runs the full-screen app until it quits."""
    from searchidx.tui.app import SearchidxApp

    SearchidxApp(index_dir=index, folder=folder, query=query).run()


def __getattr__(name: str):
    # Imported on first use: the search process imports searchidx.tui's
    # search_service, and has no use for Textual.
    if name == "SearchidxApp":
        from searchidx.tui.app import SearchidxApp

        return SearchidxApp
    raise AttributeError(name)
