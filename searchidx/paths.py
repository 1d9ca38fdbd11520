"""Where searchidx keeps what it writes for a user: the index folder and the query history.

Imported by the command line before anything else, so it imports nothing of
the package. The analysis's caches (the stem table, the gazetteer) are
located by analyzers.files.cache_dir, in the package that writes them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DEFAULT_INDEX_DIR = ".searchidx"
INDEX_ENV_VAR = "SEARCHIDX_INDEX"
# The index folder's record of the versions that built it and of its live
# Whoosh index (searchidx.index.store); with Whoosh's tables of contents, what
# makes a folder an index.
META_FILE = "searchidx.json"

HISTORY_ENV_VAR = "SEARCHIDX_HISTORY"


def resolve_index_dir(index_dir: str | os.PathLike | None = None) -> Path:
    """The index folder: the argument, else $SEARCHIDX_INDEX, else ./.searchidx."""
    chosen = index_dir or os.environ.get(INDEX_ENV_VAR) or DEFAULT_INDEX_DIR
    return Path(chosen).expanduser()


def default_history_path(environ: Mapping[str, str] = os.environ) -> Path:
    """The query history of the full-screen app: $SEARCHIDX_HISTORY, else
    $XDG_DATA_HOME/searchidx/history, else ~/.local/share/searchidx/history."""
    if environ.get(HISTORY_ENV_VAR):
        return Path(environ[HISTORY_ENV_VAR]).expanduser()
    data_home = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home).expanduser() / "searchidx" / "history"
