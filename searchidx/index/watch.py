"""Watch mode: keeps an index in step with folders as files appear, change or go.

File events (from watchdog: inotify on Linux) only say *that* something
changed; the change itself is found by the same incremental pass as
`searchidx index` (a stat of every file, reading only what changed), so a
burst of events, editors' temporary files, renames and whole folders moved
in or out all come out right, and each burst becomes one commit.

A burst is over when no event has come for QUIET_SECONDS, or at the latest
MAX_DELAY_SECONDS after its first event, so that a steady trickle of writes
still reaches the index. Rescanning 20,000 files takes about a second, which
keeps a new file searchable within 2 s of being written. Lines appended to a
JSON Lines file are read from where the file ended (searchidx.sources.records),
and only the new records indexed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from searchidx.sources import format_of
from searchidx.sources.settings import SETTINGS_FILE

QUIET_SECONDS = 0.2
MAX_DELAY_SECONDS = 1.0


class ChangeFlag(FileSystemEventHandler):
    """Notes when something that may be an article changed."""

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.first_event: float | None = None
        self.last_event = 0.0

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return  # reading a file changes nothing
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        if not any(self.relevant(path, event.is_directory) for path in paths if path):
            return
        with self.condition:
            now = time.monotonic()
            if self.first_event is None:
                self.first_event = now
            self.last_event = now
            self.condition.notify_all()

    @staticmethod
    def relevant(path: str | bytes, is_directory: bool) -> bool:
        path = path.decode("utf-8", "surrogateescape") if isinstance(path, bytes) else path
        name = Path(path).name
        # A folder moved in or out carries its articles with it; new field
        # names in searchidx.toml change how its records read.
        return is_directory or (not name.startswith(".") and (format_of(name) is not None or name == SETTINGS_FILE))

    def wait_for_burst(self, stop: threading.Event) -> bool:
        """Blocks until a burst of changes is over; False if stop was set."""
        with self.condition:
            while not stop.is_set():
                now = time.monotonic()
                if self.first_event is not None and (
                    now - self.last_event >= QUIET_SECONDS or now - self.first_event >= MAX_DELAY_SECONDS
                ):
                    self.first_event = None
                    return True
                if self.first_event is None:
                    timeout = 0.5
                else:
                    timeout = min(QUIET_SECONDS - (now - self.last_event), MAX_DELAY_SECONDS - (now - self.first_event))
                self.condition.wait(max(timeout, 0.01))
        return False


OBSERVER_STOP_SECONDS = 5.0


def watch_folders(folders: list[Path], update: Callable[[], None], stop: threading.Event) -> None:
    """Calls update() once, then after every burst of changes below folders,
    until stop is set. Events that come while update() runs start the next
    burst, and watching starts before the first update, so no change is missed."""
    flag = ChangeFlag()
    observer = Observer()
    for folder in folders:
        observer.schedule(flag, str(folder), recursive=True)
    observer.start()
    try:
        update()
        while flag.wait_for_burst(stop):
            update()
    finally:
        observer.stop()
        # Its threads are daemons: a watcher thread that does not stop (one
        # blocked reading file events) must not keep Ctrl-C from ending the
        # process; the index is committed and the lock freed either way.
        observer.join(OBSERVER_STOP_SECONDS)
