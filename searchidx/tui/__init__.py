"""The full-screen terminal app (Textual), built on searchidx.api only."""

from __future__ import annotations

__all__ = ["SearchidxApp"]


def __getattr__(name: str):
    # Imported on first use: the search process imports searchidx.tui's
    # search_service, and has no use for Textual.
    if name == "SearchidxApp":
        from searchidx.tui.app import SearchidxApp

        return SearchidxApp
    raise AttributeError(name)
