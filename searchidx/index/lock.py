"""One writer at a time: an advisory lock on the index folder.

The lock is an operating system lock on `searchidx.lock` in the index
folder: flock(2) where there is fcntl (Linux, macOS, the BSDs), a byte-range
lock from msvcrt on Windows. The system drops such a lock when its process
ends, however it ends (kill -9 included), so no stale lock can outlive a
crash and nothing ever needs to be "broken". The lock file also records who
holds it (pid, host, command, since when), so that a second writer can say
who it is waiting for; that record is only informative: whether the lock is
held is decided by the system alone.

Readers (searches) never take this lock, so they keep working while an index
run or a watcher holds it. On a system with neither kind of lock, searching
works and writing says that it cannot be done safely there.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from searchidx.errors import IndexLocked, LockingUnsupported
from searchidx.index.store import make_private_folder, now_iso

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:  # everywhere but Windows
    msvcrt = None  # type: ignore[assignment]

LOCK_FILE = "searchidx.lock"
# How long a writer waits for another by default: long enough for a short
# run to finish, short enough that a script finds out soon.
DEFAULT_WAIT_SECONDS = 5.0
POLL_SECONDS = 0.05
# Windows locks byte ranges, and a locked range cannot be read by another
# process: the lock takes one byte far past the holder's record, so that a
# waiting writer can still read who holds it.
MSVCRT_LOCK_OFFSET = 1 << 30
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)  # absent on Windows, whose handles are not inherited by default


UNSUPPORTED = "writing an index needs file locks (fcntl or msvcrt), which this system lacks; searching works"


def locking_supported() -> bool:
    return fcntl is not None or msvcrt is not None


def _try_lock(fd: int, exclusive: bool = True) -> bool:
    """Takes the lock without waiting; False if another process holds it."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    if msvcrt is not None:
        os.lseek(fd, MSVCRT_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # Windows has no shared lock here: a probe takes it whole
        except OSError:
            return False
        return True
    raise LockingUnsupported(UNSUPPORTED)


def _unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    elif msvcrt is not None:
        os.lseek(fd, MSVCRT_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


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
        if not locking_supported():
            raise LockingUnsupported(UNSUPPORTED)
        make_private_folder(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _CLOEXEC, 0o600)
        deadline = time.monotonic() + max(self.wait, 0.0)
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise IndexLocked(self._held_message())
            time.sleep(POLL_SECONDS)
        self.fd = fd
        import socket  # here: a search, which takes no lock, need not import it

        holder = {"pid": os.getpid(), "host": socket.gethostname(), "command": self.purpose, "since": now_iso()}
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, (json.dumps(holder) + "\n").encode("utf-8"))

    def release(self) -> None:
        if self.fd is None:
            return
        # Empty the record first, so nobody reads a finished writer as holder.
        os.ftruncate(self.fd, 0)
        _unlock(self.fd)
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

    def __enter__(self) -> IndexLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info) -> None:
        self.release()


def read_holder(index_dir: Path) -> dict | None:
    """Who holds the lock, as the holder recorded it; None if nobody does."""
    path = Path(index_dir) / LOCK_FILE
    if not locking_supported():
        return None  # nobody can hold it
    try:
        fd = os.open(path, os.O_RDONLY | _CLOEXEC)
    except OSError:
        return None
    try:
        if _try_lock(fd, exclusive=False):
            _unlock(fd)
            return None  # free: any record left behind is history
        # Held: the record is current.
        os.lseek(fd, 0, os.SEEK_SET)
        data = os.read(fd, 4096)
    finally:
        os.close(fd)
    try:
        return json.loads(data.decode("utf-8"))
    except ValueError:
        return {}
