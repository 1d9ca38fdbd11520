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

An index folder is code: Whoosh unpickles its table of contents, stored
fields and posting values when it reads them, and unpickling runs whatever
a crafted file asks. So a folder is created readable and writable by its
owner only, and opening one that another user owns, or that others may
write to, is refused with an explanation (unless trusted explicitly).
Nothing in it is unpickled before that check: whether an index exists is
told from file names alone.

Opening also checks the files against the checksums recorded at the last
commit (searchidx.index.checksums), and any damage found, or any file Whoosh
cannot read, is reported as IndexDamaged: one line naming the damage and
`searchidx index --rebuild`, which never needs to open the damaged index.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import stat as stat_module
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from whoosh.index import clean_files as clean_whoosh_files

from analyzers import ANALYZER_VERSION
from searchidx.codec import create_index, open_index
from searchidx.codec.whoosh_support import index_segments
from searchidx.errors import IndexDamaged, IndexNotFound, IndexUntrusted, IndexVersionMismatch
from searchidx.index.checksums import record_checksums, seal, toc_file, unseal, verify_files, write_json_atomically
from searchidx.index.schema import SCHEMA_VERSION, build_schema
from searchidx.paths import META_FILE

# Whoosh's default index name, used by indexes from before rebuilds were staged.
DEFAULT_INDEX_NAME = "MAIN"
# The Whoosh files of one named index: its tables of contents (and their
# temporary files), segment files, write lock and temporary folder.
WHOOSH_FILE = re.compile(r"\A_?(MAIN|R[0-9a-f]{8})(?:_|\.tmp\Z)")
INDEX_NAME = re.compile(r"\A(?:MAIN|R[0-9a-f]{8})\Z")
# Set to 1 to open index folders that another user owns or others may write.
TRUST_ENV_VAR = "SEARCHIDX_TRUST"
# Attempts at opening an index whose table of contents a writer replaced
# while it was being read.
OPEN_ATTEMPTS = 4


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
    return datetime.now(UTC).isoformat(timespec="seconds")


def read_meta(index_dir: Path) -> IndexMeta:
    try:
        data = unseal(json.loads((index_dir / META_FILE).read_text(encoding="utf-8")))
        known = {k: v for k, v in data.items() if k in IndexMeta.__dataclass_fields__}
        meta = IndexMeta(**known)
    except (OSError, ValueError, TypeError):
        # An index from before versions were recorded, or a damaged record:
        # either way it cannot be trusted to match this program's analysis
        # (meta_problem tells the two apart).
        return IndexMeta(schema_version=0, analyzer_version="unknown")
    if not isinstance(meta.index_name, str) or not INDEX_NAME.match(meta.index_name):
        return IndexMeta(schema_version=0, analyzer_version="unknown")
    return meta


def meta_problem(index_dir: Path) -> str | None:
    """What is wrong with searchidx.json, if it is there and damaged."""
    path = index_dir / META_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None  # an index from before versions were recorded
    except (OSError, UnicodeDecodeError) as error:
        return f"{META_FILE} cannot be read ({getattr(error, 'strerror', None) or error})"
    try:
        data = unseal(json.loads(text))
        IndexMeta(**{k: v for k, v in data.items() if k in IndexMeta.__dataclass_fields__})
    except (ValueError, TypeError) as error:
        return f"{META_FILE} is damaged ({error})"
    name = data.get("index_name", DEFAULT_INDEX_NAME)
    if not isinstance(name, str) or not INDEX_NAME.match(name):
        return f"{META_FILE} names no index of this folder ({str(name)[:40]!r})"
    return None


def write_meta(index_dir: Path, meta: IndexMeta) -> None:
    """Writes the record atomically, so a crash never leaves half a file."""
    write_json_atomically(index_dir / META_FILE, seal(asdict(meta)), indent=2)


def latest_generation(index_dir: Path, index_name: str) -> int:
    """The newest generation of a named index, from its files' names alone
    (-1 if there is none): nothing is read, so nothing is unpickled."""
    pattern = re.compile(rf"\A_{re.escape(index_name)}_(\d+)\.toc\Z")
    generations = [int(m.group(1)) for name in os.listdir(index_dir) if (m := pattern.match(name))]
    return max(generations, default=-1)


def index_exists(index_dir: Path) -> bool:
    """Whether the folder holds an index (perhaps a damaged one): a record
    of one, or files of one. Told from names alone, never by opening it."""
    if not index_dir.is_dir():
        return False
    if (index_dir / META_FILE).exists():
        return True
    return latest_generation(index_dir, DEFAULT_INDEX_NAME) >= 0


def version_mismatch(index_dir: Path) -> IndexVersionMismatch | None:
    """The error to raise if the index was built by another version, else None."""
    difference = read_meta(index_dir).mismatch()
    if not difference:
        return None
    return IndexVersionMismatch(
        f"the index at {index_dir} was built with {difference}; rebuild it with `searchidx index FOLDER --rebuild`"
    )


def open_whoosh_index(index_dir: Path, check_versions: bool = True, trust: bool | None = None):
    """Opens an existing index; raises IndexNotFound, IndexDamaged,
    IndexUntrusted or IndexVersionMismatch.

    trust: open it even if another user owns the folder or others may write
    to it (None: as $SEARCHIDX_TRUST says)."""
    if not index_exists(index_dir):
        raise IndexNotFound(f"no index at {index_dir}; build one with `searchidx index FOLDER`")
    if problem := meta_problem(index_dir):
        raise IndexDamaged(index_dir, problem)
    check_trust(index_dir, trust)
    for attempt in range(OPEN_ATTEMPTS):
        name = read_meta(index_dir).index_name
        generation = latest_generation(index_dir, name)
        if generation < 0:
            if read_meta(index_dir).index_name != name and attempt + 1 < OPEN_ATTEMPTS:
                # A rebuild switched to its new index between the two reads
                # and is deleting the old one's files: open the new one.
                continue
            if problem := missing_index_problem(index_dir, name):
                raise IndexDamaged(index_dir, problem)
            raise IndexNotFound(f"no index at {index_dir}; build one with `searchidx index FOLDER`")
        if check_versions and (error := version_mismatch(index_dir)):
            raise error
        problems = verify_files(index_dir, name, generation)
        if not problems:
            return _open_named(index_dir, name)
        unchanged = read_meta(index_dir).index_name == name and latest_generation(index_dir, name) == generation
        if unchanged or attempt + 1 == OPEN_ATTEMPTS:
            raise IndexDamaged(index_dir, summarise(problems))
        # A writer committed while the files were checked (and deleted some
        # it no longer needs): check the new generation.
    raise AssertionError("unreachable")


def missing_index_problem(index_dir: Path, name: str) -> str | None:
    """Why a folder with index files has no table of contents for the live
    index `name`, or None for a folder with no index at all."""
    entries = os.listdir(index_dir)
    if any(entry.startswith(name + "_") for entry in entries):
        return f"the table of contents of index {name} is missing"
    if any(entry.endswith(".toc") for entry in entries):
        return f"{META_FILE} names index {name}, which is not in the folder"
    return None


def summarise(problems: list[str]) -> str:
    """The first problems, for a one-line message."""
    shown = "; ".join(problems[:2])
    return shown + (f"; and {len(problems) - 2} more (searchidx check lists them)" if len(problems) > 2 else "")


def _open_named(index_dir: Path, name: str):
    """Whoosh's open, its table of contents read at once. A writer's commit
    replaces the table of contents and deletes the files it no longer
    needs; a reader caught between the two tries again on the new one, and
    only a failure on an unchanged index is damage."""
    for attempt in range(OPEN_ATTEMPTS):
        generation = latest_generation(index_dir, name)
        try:
            ix = open_index(str(index_dir), name)
            index_segments(ix)
            return ix
        except Exception as error:  # noqa: BLE001 - any failure to read is damage, or a commit in between
            live = read_meta(index_dir).index_name
            if attempt + 1 < OPEN_ATTEMPTS and (live != name or latest_generation(index_dir, name) != generation):
                name = live
                time.sleep(0.01)
                continue
            toc = toc_file(name, generation)
            raise IndexDamaged(index_dir, f"{toc} cannot be read: {describe(error)}") from None
    raise AssertionError("unreachable")


def describe(error: BaseException) -> str:
    """An exception on one short line."""
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text[:120]}" if text else type(error).__name__


def untrusted_reason(index_dir: Path) -> str | None:
    """Why the folder is not as trustworthy as the user's own files, or None.

    Refused: a folder or file another user owns, a folder others may write
    to, or a file others may write to in a folder they can reach."""
    if not hasattr(os, "geteuid"):
        return None  # no owners to compare on this system
    me = os.geteuid()
    folder = os.stat(index_dir)
    if folder.st_uid != me:
        return f"it belongs to {owner_name(folder.st_uid)}, not to you"
    if folder.st_mode & 0o022:
        return "others may write to it (chmod go-w the folder)"
    reachable = folder.st_mode & 0o011
    for entry in os.scandir(index_dir):
        try:
            info = entry.stat(follow_symlinks=False)
        except FileNotFoundError:
            continue  # a writer's temporary file, gone
        if info.st_uid != me:
            return f"its file {entry.name} belongs to {owner_name(info.st_uid)}, not to you"
        if reachable and info.st_mode & 0o022 and not stat_module.S_ISLNK(info.st_mode):
            return f"others may write to its file {entry.name}"
    return None


def owner_name(uid: int) -> str:
    try:
        import pwd

        return f"user {pwd.getpwuid(uid).pw_name} (uid {uid})"
    except (ImportError, KeyError):
        return f"uid {uid}"


def check_trust(index_dir: Path, trust: bool | None = None) -> None:
    """Raises IndexUntrusted unless the folder is as safe as the user's own
    files, or trust is given (see the module docstring)."""
    if trust is None:
        trust = os.environ.get(TRUST_ENV_VAR, "") not in ("", "0")
    if trust:
        return
    reason = untrusted_reason(index_dir)
    if reason:
        raise IndexUntrusted(
            f"refusing the index at {index_dir}: {reason}. Opening an index runs code stored in it "
            "(Whoosh unpickles its files), so searchidx opens only your own; if you trust where it came "
            f"from, pass --trust (or set {TRUST_ENV_VAR}=1)"
        )


def make_private_folder(index_dir: Path) -> None:
    """Creates the index folder readable and writable by its owner only."""
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    try:
        index_dir.mkdir(mode=0o700)
    except FileExistsError:
        pass


def create_staged_index(index_dir: Path):
    """Creates an empty index under a fresh name, not yet the live one.

    Make it live with make_live(); until then searches see the old index.
    """
    make_private_folder(index_dir)
    name = "R" + secrets.token_hex(4)
    return create_index(str(index_dir), build_schema(), name)


def make_live(index_dir: Path, ix) -> None:
    """Makes a staged index the live one (one atomic rename), then deletes the
    files of every other index in the folder. Its checksums are recorded
    first: reading every file it wrote is the check that they can be read."""
    record_checksums(index_dir, ix)
    write_meta(index_dir, IndexMeta(index_name=ix.indexname))
    remove_stray_indexes(index_dir)
    for cached in index_dir.glob("columns.*"):  # columns of the index replaced
        try:
            cached.unlink()
        except OSError:
            pass


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

    Call it only while holding the writer's lock (searchidx.index.lock)."""
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
    if latest_generation(index_dir, live) >= 0:
        # Files of older generations of the live index, left by a commit
        # killed before Whoosh's own clean-up.
        try:
            ix = open_index(str(index_dir), live)
            clean_whoosh_files(ix.storage, live, ix.latest_generation(), index_segments(ix))
        except Exception:  # noqa: BLE001 - a damaged index is left for --rebuild, which replaces it whole
            pass
