"""One writer at a time: an advisory lock on the index folder.

The lock is an fcntl lock on `searchidx.lock` in the index folder. The kernel
drops such a lock when its process ends, however it ends (kill -9 included), so
no stale lock can outlive a crash and nothing ever needs to be "broken". The
lock file also records who holds it (pid, host, command, since when), so that
a second writer can say who it is waiting for; that record is only
informative: whether the lock is held is decided by the kernel alone.

Readers (searches) never take this lock, so they keep working while an index
run or a watcher holds it.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import sys
import time
from pathlib import Path

from searchidx.errors import SearchidxError
from searchidx.index.store import make_private_folder, now_iso

LOCK_FILE = "searchidx.lock"
# How long a writer waits for another by default: long enough for a short
# run to finish, short enough that a script finds out soon.
DEFAULT_WAIT_SECONDS = 5.0
POLL_SECONDS = 0.05


class IndexLocked(SearchidxError):
    """Another process is writing to the index; the message says which."""


class IndexLock:
    """An exclusive writer's lock on one index folder.

        with IndexLock(index_dir, wait=5):
            ...  # the only writer
    """

    def __init__(self, index_dir: Path, wait: float = DEFAULT_WAIT_SECONDS, purpose: str | None = None):
        self.path = Path(index_dir) / LOCK_FILE
        self.wait = wait
        self.purpose = purpose or " ".join(os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv))
        self.fd: int | None = None

    def acquire(self) -> None:
        make_private_folder(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        deadline = time.monotonic() + max(self.wait, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise IndexLocked(self._held_message()) from None
                time.sleep(POLL_SECONDS)
        self.fd = fd
        holder = {"pid": os.getpid(), "host": socket.gethostname(), "command": self.purpose, "since": now_iso()}
        os.ftruncate(fd, 0)
        os.pwrite(fd, (json.dumps(holder) + "\n").encode("utf-8"), 0)

    def release(self) -> None:
        if self.fd is None:
            return
        # Empty the record first, so nobody reads a finished writer as holder.
        os.ftruncate(self.fd, 0)
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = None

    def _held_message(self) -> str:
        holder = read_holder(self.path.parent)
        who = (
            f"process {holder.get('pid')} on {holder.get('host')} "
            f"(`{holder.get('command')}`, since {holder.get('since')})"
            if holder
            else "another process"
        )
        return (
            f"the index at {self.path.parent} is being written by {who}; "
            f"waited {self.wait:g} s (raise it with --wait SECONDS)"
        )

    def __enter__(self) -> "IndexLock":
        self.acquire()
        return self

    def __exit__(self, *exc_info) -> None:
        self.release()


def read_holder(index_dir: Path) -> dict | None:
    """Who holds the lock, as the holder recorded it; None if nobody does."""
    path = Path(index_dir) / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            pass  # held: the record is current
        else:
            return None  # free: any record left behind is history
        data = os.read(fd, 4096)
    finally:
        os.close(fd)
    try:
        return json.loads(data.decode("utf-8"))
    except ValueError:
        return {}
