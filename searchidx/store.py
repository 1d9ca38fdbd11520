"""Where an index lives on disk, and the versions that built it.

Beside Whoosh's files, the index folder holds `searchidx.json`: which schema
and analyzer versions built the index, so that a later version can tell that a
rebuild is needed instead of mixing two analyses in one index, and the name of
the Whoosh index in the folder that is the live one.

That name is what makes a rebuild crash-safe. Whoosh can keep several named
indexes in one folder; a rebuild fills a new one under a fresh name while the
old one keeps answering searches, and then rewrites `searchidx.json`
atomically to name the new one. Killed before that rename, the run leaves the
old index live and the half-built one is swept away by the next writer
(remove_stray_indexes); killed after, the new one is complete.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import clean_files as clean_whoosh_files

from analyzers import ANALYZER_VERSION
from searchidx.codec import create_index, open_index
from searchidx.codec.whoosh_support import index_segments
from searchidx.errors import IndexNotFound, IndexVersionMismatch
from searchidx.schema import SCHEMA_VERSION, build_schema

DEFAULT_INDEX_DIR = ".searchidx"
INDEX_ENV_VAR = "SEARCHIDX_INDEX"
META_FILE = "searchidx.json"
# Whoosh's default index name, used by indexes from before rebuilds were staged.
DEFAULT_INDEX_NAME = "MAIN"
# The Whoosh files of one named index: its tables of contents (and their
# temporary files), segment files, write lock and temporary folder.
WHOOSH_FILE = re.compile(r"\A_?(MAIN|R[0-9a-f]{8})(?:_|\.tmp\Z)")


def resolve_index_dir(index_dir: str | os.PathLike | None = None) -> Path:
    """The index folder: the argument, else $SEARCHIDX_INDEX, else ./.searchidx."""
    chosen = index_dir or os.environ.get(INDEX_ENV_VAR) or DEFAULT_INDEX_DIR
    return Path(chosen).expanduser()


@dataclass
class IndexMeta:
    schema_version: int = SCHEMA_VERSION
    analyzer_version: str = ANALYZER_VERSION
    created: str = field(default_factory=lambda: now_iso())
    updated: str = field(default_factory=lambda: now_iso())
    index_name: str = DEFAULT_INDEX_NAME

    def mismatch(self) -> str | None:
        """Says how this index differs from what this program builds, if it does."""
        if self.schema_version != SCHEMA_VERSION:
            return f"schema version {self.schema_version}, this program uses {SCHEMA_VERSION}"
        if self.analyzer_version != ANALYZER_VERSION:
            return f"analyzer {self.analyzer_version}, this program uses {ANALYZER_VERSION}"
        return None


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def read_meta(index_dir: Path) -> IndexMeta:
    try:
        data = json.loads((index_dir / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        # An index from before versions were recorded, or a damaged record:
        # either way it cannot be trusted to match this program's analysis.
        return IndexMeta(schema_version=0, analyzer_version="unknown")
    known = {k: v for k, v in data.items() if k in IndexMeta.__dataclass_fields__}
    return IndexMeta(**known)


def write_meta(index_dir: Path, meta: IndexMeta) -> None:
    """Writes the record atomically, so a crash never leaves half a file."""
    temporary = index_dir / (META_FILE + ".tmp")
    temporary.write_text(json.dumps(asdict(meta), indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, index_dir / META_FILE)


def index_exists(index_dir: Path) -> bool:
    return index_dir.is_dir() and whoosh_index.exists_in(str(index_dir), indexname=read_meta(index_dir).index_name)


def version_mismatch(index_dir: Path) -> IndexVersionMismatch | None:
    """The error to raise if the index was built by another version, else None."""
    difference = read_meta(index_dir).mismatch()
    if not difference:
        return None
    return IndexVersionMismatch(
        f"the index at {index_dir} was built with {difference}; "
        "rebuild it with `searchidx index FOLDER --rebuild`"
    )


def open_whoosh_index(index_dir: Path, check_versions: bool = True):
    """Opens an existing index; raises IndexNotFound or IndexVersionMismatch."""
    if not index_exists(index_dir):
        raise IndexNotFound(
            f"no index at {index_dir}; build one with `searchidx index FOLDER`"
        )
    if check_versions and (error := version_mismatch(index_dir)):
        raise error
    return open_index(str(index_dir), read_meta(index_dir).index_name)


def create_staged_index(index_dir: Path):
    """Creates an empty index under a fresh name, not yet the live one.

    Make it live with make_live(); until then searches see the old index.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    name = "R" + secrets.token_hex(4)
    return create_index(str(index_dir), build_schema(), name)


def make_live(index_dir: Path, ix) -> None:
    """Makes a staged index the live one (one atomic rename), then deletes the
    files of every other index in the folder."""
    write_meta(index_dir, IndexMeta(index_name=ix.indexname))
    remove_stray_indexes(index_dir)


def create_whoosh_index(index_dir: Path):
    """Creates an empty index, replacing any index in the folder.

    Only Whoosh's own files are deleted, so a mistaken --index path never
    loses a user's files.
    """
    ix = create_staged_index(index_dir)
    make_live(index_dir, ix)
    return ix


def remove_stray_indexes(index_dir: Path) -> None:
    """Deletes Whoosh files that belong to no live index: the old index after
    a rebuild, a rebuild killed half-way, temporary files of a killed commit.

    Call it only while holding the writer's lock (searchidx.lock)."""
    live = read_meta(index_dir).index_name
    for entry in os.scandir(index_dir):
        match = WHOOSH_FILE.match(entry.name)
        if not match:
            continue
        stale_toc_temporary = entry.name.startswith("_") and ".toc." in entry.name
        if match.group(1) == live and not stale_toc_temporary:
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
        except OSError:
            pass  # gone already, or in use; the next writer tries again
    if whoosh_index.exists_in(str(index_dir), indexname=live):
        # Files of older generations of the live index, left by a commit
        # killed before Whoosh's own clean-up.
        ix = open_index(str(index_dir), live)
        clean_whoosh_files(ix.storage, live, ix.latest_generation(), index_segments(ix))
