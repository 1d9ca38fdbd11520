"""The full-screen terminal app (Textual), built on searchidx.api only."""

from searchidx.tui.app import SearchidxApp

__all__ = ["SearchidxApp"]
