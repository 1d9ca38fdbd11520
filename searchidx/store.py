"""Where an index lives on disk, and the versions that built it.

Beside Whoosh's files, the index folder holds `searchidx.json`: which schema
and analyzer versions built the index, so that a later version can tell that a
rebuild is needed instead of mixing two analyses in one index.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from whoosh import index as whoosh_index

from analyzers import ANALYZER_VERSION
from searchidx.errors import IndexNotFound, IndexVersionMismatch
from searchidx.schema import SCHEMA_VERSION, build_schema

DEFAULT_INDEX_DIR = ".searchidx"
INDEX_ENV_VAR = "SEARCHIDX_INDEX"
META_FILE = "searchidx.json"


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
    return index_dir.is_dir() and whoosh_index.exists_in(str(index_dir))


def open_whoosh_index(index_dir: Path, check_versions: bool = True):
    """Opens an existing index; raises IndexNotFound or IndexVersionMismatch."""
    if not index_exists(index_dir):
        raise IndexNotFound(
            f"no index at {index_dir}; build one with `searchidx index FOLDER`"
        )
    if check_versions:
        difference = read_meta(index_dir).mismatch()
        if difference:
            raise IndexVersionMismatch(
                f"the index at {index_dir} was built with {difference}; "
                "rebuild it with `searchidx index FOLDER --rebuild`"
            )
    return whoosh_index.open_dir(str(index_dir))


def create_whoosh_index(index_dir: Path):
    """Creates an empty index, replacing any index in the folder.

    Whoosh's create_in drops the old index's table of contents, and the next
    commit deletes its unreferenced segment files; nothing else in the folder
    is touched, so a mistaken --index path never loses a user's files.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(index_dir), build_schema())
    write_meta(index_dir, IndexMeta())
    return ix
