"""Queries the user ran, kept between sessions, walked with up and down.

The file is one query a line, oldest first, in the user's data folder
($XDG_DATA_HOME/searchidx/history, else ~/.local/share/searchidx/history);
$SEARCHIDX_HISTORY names another file (tests use it). History is a comfort,
never a reason to fail: a file that cannot be read or written is ignored.
"""

from __future__ import annotations

from pathlib import Path

from analyzers.files import write_atomically

MAX_ENTRIES = 500


class QueryHistory:
    """Past queries, and a cursor for walking back and forth through them.

    The cursor sits past the newest entry until `previous` is called; what
    was being typed before walking back is returned when walking forward
    past the newest entry again, as in a shell.
    """

    def __init__(self, path: Path | None = None, max_entries: int = MAX_ENTRIES):
        self.path = path
        self.max_entries = max_entries
        self.entries: list[str] = self._load()
        self._cursor = len(self.entries)
        self._draft = ""

    def _load(self) -> list[str]:
        if self.path is None:
            return []
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return []
        return [line for line in lines if line.strip()][-self.max_entries :]

    def add(self, query: str) -> None:
        """Records a query as the newest (moving it if it was there) and saves."""
        query = " ".join(query.split())
        if query:
            if query in self.entries:
                self.entries.remove(query)
            self.entries.append(query)
            del self.entries[: -self.max_entries]
            self._save()
        self.reset()

    def reset(self) -> None:
        """Puts the cursor back past the newest entry."""
        self._cursor = len(self.entries)
        self._draft = ""

    def previous(self, current: str) -> str | None:
        """The entry before the cursor, or None at the oldest."""
        if self._cursor == 0:
            return None
        if self._cursor == len(self.entries):
            self._draft = current
        self._cursor -= 1
        return self.entries[self._cursor]

    def next(self) -> str | None:
        """The entry after the cursor, the draft past the newest, None past that."""
        if self._cursor >= len(self.entries):
            return None
        self._cursor += 1
        return self.entries[self._cursor] if self._cursor < len(self.entries) else self._draft

    def _save(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, "".join(entry + "\n" for entry in self.entries))  # never half a history
        except OSError:
            pass
