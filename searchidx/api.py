"""The Python API: what the command line, the full-screen app and scripts use.

from searchidx import Index
with Index.open() as index:
    results = index.search("Kina Rusia", limit=5)
    for hit in results.hits:
        print(hit.date, hit.title)
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, Unpack

from searchidx.errors import IndexDamaged, SearchidxError
from searchidx.index.lock import DEFAULT_WAIT_SECONDS, IndexLock
from searchidx.index.store import (
    create_staged_index,
    create_whoosh_index,
    index_exists,
    latest_generation,
    make_live,
    meta_problem,
    open_whoosh_index,
    read_meta,
    remove_stray_indexes,
    summarise,
    version_mismatch,
)
from searchidx.paths import resolve_index_dir
from searchidx.query.filters import Filter
from searchidx.rank.settings import DEFAULT_RANKING
from searchidx.results.search import SearchResults, SearchSession

# Indexing, watching, stats and the reading view are imported where they are
# used: a process that only searches (the command line's `search`, the app's
# search process) never loads the indexer, its workers, the file readers
# and the entity tables.
if TYPE_CHECKING:
    from searchidx.index.indexer import IndexSummary, ProgressCallback
    from searchidx.index.stats import IndexStats
    from searchidx.results.reading import Article
    from searchidx.sources.records import FieldNames


class SearchOptions(TypedDict, total=False):
    """Index.search's options, for code that gathers them before the call
    (the command line's search, --batch and --open)."""

    filters: Iterable[Filter | str] | Filter | str
    facets: bool | Sequence[str]
    page: int
    limit: int
    sort: str
    syntax: bool
    recency: float
    snippets: bool
    suggest: bool


class FolderOptions(TypedDict, total=False):
    """How add_folder, add_folders and watch read and write (see add_folders)."""

    wait: float
    max_bytes: int | None
    processes: int | None
    fields: FieldNames | None


# Reads tried again while writers keep committing under them.
READ_ATTEMPTS = 5


class Index:
    """An open searchidx index."""

    # BM25F weights searches use (searchidx.rank.settings); set another to experiment.
    ranking = DEFAULT_RANKING

    def __init__(self, whoosh_index, index_dir: Path, check_versions: bool = True, trust: bool | None = None):
        self._ix = whoosh_index
        self.path = index_dir
        self._check_versions = check_versions
        self._trust = trust

    @classmethod
    def open(
        cls, index_dir: str | os.PathLike | None = None, check_versions: bool = True, trust: bool | None = None
    ) -> Index:
        """Opens an existing index (default: $SEARCHIDX_INDEX or ./.searchidx).

        Raises IndexNotFound; IndexDamaged naming what is damaged (rebuild
        it); IndexUntrusted for a folder another user owns or others may
        write to (an index folder is code: see searchidx.index.store), unless
        trust is True (None: $SEARCHIDX_TRUST); or IndexVersionMismatch for
        an index that an older schema or analyzer built (unless
        check_versions is False: such an index can still report its stats
        and be rebuilt).
        """
        path = resolve_index_dir(index_dir)
        return cls(open_whoosh_index(path, check_versions, trust), path, check_versions, trust)

    @classmethod
    def for_rebuild(cls, index_dir: str | os.PathLike | None = None) -> Index:
        """An Index to call add_folders(..., rebuild=True) on, without opening
        what the folder holds: a damaged index is replaced, never read."""
        return cls(None, resolve_index_dir(index_dir))

    @classmethod
    def create(cls, index_dir: str | os.PathLike | None = None, wait: float = DEFAULT_WAIT_SECONDS) -> Index:
        """Creates an empty index, replacing any index already there.

        Waits up to `wait` seconds for another writer to finish (IndexLocked).
        """
        path = resolve_index_dir(index_dir)
        with IndexLock(path, wait):
            return cls(create_whoosh_index(path), path)

    @classmethod
    def open_or_create(
        cls,
        index_dir: str | os.PathLike | None = None,
        check_versions: bool = True,
        wait: float = DEFAULT_WAIT_SECONDS,
        trust: bool | None = None,
    ) -> Index:
        path = resolve_index_dir(index_dir)
        return cls.open(path, check_versions, trust) if index_exists(path) else cls.create(path, wait)

    def add_folder(
        self,
        folder: str | os.PathLike,
        on_progress: ProgressCallback | None = None,
        *,
        rebuild: bool = False,
        **options: Unpack[FolderOptions],
    ) -> IndexSummary:
        """Brings the index in step with a corpus folder (see add_folders)."""
        return self.add_folders([folder], on_progress, rebuild=rebuild, **options)

    def add_folders(
        self,
        folders: Sequence[str | os.PathLike],
        on_progress: ProgressCallback | None = None,
        *,
        rebuild: bool = False,
        wait: float = DEFAULT_WAIT_SECONDS,
        max_bytes: int | None = None,
        processes: int | None = None,
        fields: FieldNames | None = None,
    ) -> IndexSummary:
        """Brings the index in step with corpus folders (see searchidx.index.indexer).

        Files of folders indexed before but not named here are left alone.
        With rebuild, the index is built anew from these folders alone, beside
        the old one, which keeps answering until the new one replaces it in
        one step. Waits up to `wait` seconds for another writer (IndexLocked);
        raises IndexVersionMismatch if the index needs a rebuild. fields:
        which field of a record (JSON Lines, JSON, CSV, TSV) holds its
        title, date, text, URL and id, where the usual names and the
        folder's searchidx.toml do not say (searchidx.sources.records).
        max_bytes: larger files are skipped (default 10 MB,
        searchidx.sources.text.DEFAULT_MAX_BYTES).
        """
        from searchidx.index.indexer import index_folders

        roots = distinct_folders(folders)
        with IndexLock(self.path, wait) as lock:
            remove_stray_indexes(self.path)
            options = indexing_options(max_bytes, processes, lock, fields)
            if rebuild:
                staged = create_staged_index(self.path)
                summary = index_folders(staged, roots, on_progress, **options)
                verify_written(self.path, staged.indexname, summary.indexed)
                make_live(self.path, staged)  # after recording (reading) every file it wrote
                summary.rebuilt = True
                self._replace(staged)
                return summary
            self._reopen_for_writing()
            return index_folders(self._ix, roots, on_progress, **options)

    def watch(
        self,
        folders: Sequence[str | os.PathLike],
        on_update: Callable[[IndexSummary], None],
        stop: threading.Event | None = None,
        *,
        wait: float = DEFAULT_WAIT_SECONDS,
        max_bytes: int | None = None,
        processes: int | None = None,
        fields: FieldNames | None = None,
    ) -> None:
        """Brings the index in step with folders, then keeps it so as files
        change (see searchidx.index.watch), until stop is set or Ctrl-C. Holds the
        writer's lock throughout; on_update gets each run's summary."""
        from searchidx.index.indexer import index_folders
        from searchidx.index.watch import watch_folders

        roots = distinct_folders(folders)
        with IndexLock(self.path, wait) as lock:
            remove_stray_indexes(self.path)
            self._reopen_for_writing()
            options = indexing_options(max_bytes, processes, lock, fields)
            watch_folders(
                [root.resolve() for root in roots],
                lambda: on_update(index_folders(self._ix, roots, **options)),
                stop or threading.Event(),
            )

    def _reopen_for_writing(self) -> None:
        """Under the lock: refuses an index of another version or a damaged
        one (so `index` never adds to, and exits 0 over, a broken index), and
        reopens, since another process may have rebuilt it since it was opened."""
        if error := version_mismatch(self.path):
            raise error
        self._replace(open_whoosh_index(self.path, trust=self._trust))

    def _replace(self, whoosh_index) -> None:
        old, self._ix = self._ix, whoosh_index
        if old is not None and old is not whoosh_index:
            old.close()

    # -- reading while others write ------------------------------------------
    # A long-lived Index (a script, the app's search process) outlives
    # writers: a commit makes a new generation, which the searcher's refresh
    # picks up; a --rebuild replaces the live index by another one and deletes
    # the old one's files, which used to fail every later search with
    # EmptyIndexError. So each read first checks, from file names, which
    # index is live, and reopens when it changed; a read that fails anyway
    # is tried once more if a writer changed the index meanwhile, and
    # otherwise reported as damage when the checksums find some.

    def _live_state(self) -> tuple[str, int]:
        name = read_meta(self.path).index_name
        return name, latest_generation(self.path, name)

    def _ensure_live(self, state: tuple[str, int]) -> None:
        """Reopens unless the open index is the one `state` names live."""
        name, generation = state
        if self._ix is None or name != self._ix.indexname or generation < 0:
            self._replace(open_whoosh_index(self.path, self._check_versions, self._trust))

    def _reading(self, read):
        """read() on the live index (see above)."""
        for attempt in range(READ_ATTEMPTS):
            # One look at the folder both decides whether to reopen and is
            # what a failed read is compared with, so any writer from then on
            # counts as one in between. Looked at again after the check, a
            # rebuild that switched in between (and deleted the open index's
            # files) went unseen: the read failed with EmptyIndexError, the
            # state seemed unchanged and no damage was found.
            state = self._live_state()
            self._ensure_live(state)
            try:
                return read()
            except SearchidxError:
                raise
            except Exception:  # noqa: BLE001 - a writer in between, damage, or a bug (re-raised)
                if self._live_state() != state and attempt + 1 < READ_ATTEMPTS:
                    # A writer committed meanwhile (and may have deleted
                    # files the read wanted): read the new state.
                    self._replace(open_whoosh_index(self.path, self._check_versions, self._trust))
                    continue
                damage = self._damage()
                if damage is None:
                    raise
                raise IndexDamaged(self.path, damage) from None
        raise AssertionError("unreachable")

    def _damage(self) -> str | None:
        """What is damaged, by searchidx.json and every file's checksum, if
        anything; where no checksums of this generation were recorded (an
        index from before them, a run killed before recording them), by
        reading the whole index as `searchidx check` does."""
        if problem := meta_problem(self.path):
            return problem
        name, generation = self._live_state()
        from searchidx.index.checksums import load_record, verify_files

        record, _ = load_record(self.path)
        if record is not None and record["index_name"] == name and record["generation"] == generation:
            problems = verify_files(self.path, name, generation, full=True)
        else:
            from searchidx.index.check import check_index

            problems = check_index(self.path, trust=True).damage  # trusted: it is open already
        return summarise(problems) if problems else None

    def stats(self) -> IndexStats:
        """Documents, dates, size, segments and versions (see searchidx.index.stats)."""
        from searchidx.index.stats import index_stats

        return self._reading(lambda: index_stats(self._ix, self.path))

    def optimize(self, wait: float = DEFAULT_WAIT_SECONDS) -> IndexStats:
        """Merges the index's segments into one; returns the stats after."""
        from searchidx.index.stats import optimize_index

        with IndexLock(self.path, wait):
            self._reopen_for_writing()
            optimize_index(self._ix)
        return self.stats()

    def search(
        self,
        query: str = "",
        *,
        filters: Iterable[Filter | str] | Filter | str = (),
        facets: bool | Sequence[str] = False,
        page: int = 1,
        limit: int = 10,
        sort: str = "relevance",
        syntax: bool = True,
        recency: float = 0.0,
        snippets: bool = True,
        suggest: bool = True,
    ) -> SearchResults:
        """One page of ranked results, the total, and optionally facets.

        query: the query language (docs/query-language.md); with
            syntax=False every piece of it is a plain word (headlines, pasted
            text). May be empty when filters are given (browsing).
        filters: `Filter`s or their text (`"data:2023"`, `"vend:Kina"`), or
            one of them alone; a facet value's `.filter` drills down to it.
        facets: True for all, or names from ("date", "person", "place", "org").
        sort: "relevance" or "date" (newest first, relevance breaking ties).
        recency: 0 for none; r multiplies the newest article's score by 1+r,
            the bonus halving every year older.
        snippets: False skips finding each hit's best passage (faster; the
            snippet is then the article's opening).
        suggest: False never looks for a "did you mean" (one more search
            when the query finds little, or is short and has a word no
            article holds).
        Raises QuerySyntaxError for a broken query or filter.
        """
        if isinstance(filters, (str, Filter)):
            filters = [filters]  # one filter; a string is not a sequence of them
        return self._reading(
            lambda: self._search_session().search(
                query,
                filters=filters,
                facets=facets,
                page=page,
                limit=limit,
                sort=sort,
                syntax=syntax,
                recency=recency,
                snippets=snippets,
                suggest=suggest,
            )
        )

    def _search_session(self) -> SearchSession:
        """The open searcher of this index, renewed if the index or the ranking was replaced."""
        session = getattr(self, "_session", None)
        if session is None or session.ix is not self._ix or session.ranking != self.ranking:
            if session is not None:
                session.close()
            session = self._session = SearchSession(self._ix, self.ranking)
        return session

    def article(self, path: str, query: str | None = None) -> Article | None:
        """The whole article with a hit's key (or relative path), with the words
        query matched marked (see searchidx.results.reading); None if not indexed."""
        return self._reading(lambda: self._search_session().article(path, query))

    def document_count(self) -> int:
        return self._reading(lambda: self._ix.doc_count())

    def close(self) -> None:
        if getattr(self, "_session", None) is not None:
            self._session.close()
        if self._ix is not None:
            self._ix.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def indexing_options(max_bytes: int | None, processes: int | None, lock: IndexLock, fields) -> dict:
    """The indexer's options, defaults filled in (see Index.add_folders)."""
    from searchidx.sources.records import FieldNames
    from searchidx.sources.text import DEFAULT_MAX_BYTES

    return dict(
        max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes,
        processes=processes,
        inherited_fds=(lock.fd,),
        fields=fields or FieldNames(),
    )


def verify_written(index_dir: Path, index_name: str, documents: int) -> None:
    """Opens a rebuilt index afresh from disk, as a search will, before it is
    made live: it must open and hold the documents written (else the old
    index stays live, and the run fails with what is wrong)."""
    from searchidx.codec import open_index

    try:
        ix = open_index(str(index_dir), index_name)
        try:
            found = ix.doc_count()
        finally:
            ix.close()
    except Exception as error:  # noqa: BLE001 - whatever it is, the new index is not made live
        from searchidx.index.store import describe

        raise IndexDamaged(
            index_dir, f"the rebuilt index {index_name} cannot be read back: {describe(error)}"
        ) from None
    if found != documents:
        raise IndexDamaged(
            index_dir, f"the rebuilt index {index_name} holds {found} documents, {documents} were written"
        )


def distinct_folders(folders: Sequence[str | os.PathLike]) -> list[Path]:
    """The folders, checked to exist and not to nest (a file must belong to one)."""
    roots: list[Path] = []
    for folder in folders:
        path = Path(folder)
        if not path.is_dir():
            raise SearchidxError(f"{folder} is not a folder")
        resolved = path.resolve()
        if any(resolved == other.resolve() for other in roots):
            continue
        for other in roots:
            if resolved.is_relative_to(other.resolve()) or other.resolve().is_relative_to(resolved):
                raise SearchidxError(f"{other} and {folder} overlap; index one of them")
        roots.append(path)
    return roots
