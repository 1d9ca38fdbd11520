"""The files searchidx keeps: the cache folder, and one way to replace a file.

Here, in the lower of the two packages, so that the analysis's caches (the
stem table, the gazetteer) and searchidx's own files (the index's records,
the column cache, the query history) share one of each without analyzers
importing searchidx.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

CACHE_ENV_VAR = "SEARCHIDX_CACHE"


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """Where derived tables are cached: $SEARCHIDX_CACHE, else
    $XDG_CACHE_HOME/searchidx, else ~/.cache/searchidx."""
    if environ.get(CACHE_ENV_VAR):
        return Path(environ[CACHE_ENV_VAR]).expanduser()
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "searchidx"


def only_mine(path: Path) -> bool:
    """Whether no other user could have written `path`: a regular file (not
    a link to one) that the user owns and no one else may write to. Others
    who may write to its folder can only replace it with a file they own,
    which this refuses. A cache that is unpickled runs any code in it, so
    it is read only when this holds. Raises OSError (absent, unreadable)."""
    info = os.lstat(path)
    if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o022:
        return False
    return not hasattr(os, "geteuid") or info.st_uid == os.geteuid()


def write_atomically(path: Path, data: bytes | str, private_writes: bool = False) -> None:
    """Replaces `path` with `data` (text as UTF-8) through a temporary file and
    a rename: a crash, or a process reading meanwhile, sees the old file or
    the new one, never half of one.

    The temporary file is hidden and unique to this write (so writers never
    share one, and a folder listing of, say, `columns.*` never meets it), is
    removed if the write fails, and the file is as readable as its folder
    (a private index folder keeps private files); with `private_writes`, as
    writable by its owner alone, whatever the folder allows (see
    only_mine). Raises OSError."""
    folder = path.parent
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.chmod(temporary, folder.stat().st_mode & (0o644 if private_writes else 0o666))
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
