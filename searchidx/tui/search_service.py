"""Where the app's searches run: a process of their own, so typing never waits.

Whoosh searches are pure Python and hold the GIL: run in a thread of the
app's process, a search with facets on a large index froze the screen
while it ran. `SearchService` starts one search process per app
(multiprocessing's 'forkserver' context, or 'spawn' where there is none: never
a plain fork of the app's threads), which opens the index with the public
searchidx.api.Index and answers requests over a pipe, one at a time:

    app process                         search process
    SearchService.search(request) ---> serve(): request.run(index, ...)
                                  <--- ("ok", SearchResults) or ("error", QuerySyntaxError(...))
    SearchService.article(key)    ---> index.article(key, query)        (the reading view)
    SearchService.explain(request) --> request.explain(index)           (why nothing was found)

Requests and answers are plain picklable dataclasses (SearchRequest,
SearchResults, Article); errors come back as the exception the query layer
raised (searchidx.errors, pickled) and are raised again in the app. The
caller asks from a worker thread, which blocks on the pipe without holding
the GIL. Only one request is in flight at a time; the search screen drops
requests that went stale while they waited (screens/search.py).

`LocalSearch` answers the same calls in the app's own process, from an Index
the caller opened (SearchidxApp(index=...): tests, the snapshot pictures).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from multiprocessing import forkserver, resource_tracker
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from searchidx.errors import SearchidxError
from searchidx.results.nothing_found import NothingFound
from searchidx.results.reading import Article
from searchidx.results.search import SearchResults
from searchidx.tui.search_request import PAGE_SIZE, SearchRequest

# How long quitting waits for a search in progress before stopping the process.
STOP_WAIT_SECONDS = 1.0
# Imported once by the fork server, so each new search process starts warm.
PRELOAD = ["searchidx.api", "searchidx.tui.search_request"]


class SearchServiceGone(SearchidxError):
    """The search process ended (killed, or out of memory) and cannot answer."""


class LocalSearch:
    """Searches an already open Index in this process (the caller closes it)."""

    def __init__(self, index):
        self.index = index

    def search(
        self, request: SearchRequest, page: int = 1, limit: int = PAGE_SIZE, facets: bool = True
    ) -> SearchResults:
        return request.run(self.index, page=page, limit=limit, facets=facets)

    def article(self, path: str, query: str | None = None) -> Article | None:
        return self.index.article(path, query)

    def explain(self, request: SearchRequest) -> NothingFound:
        return request.explain(self.index)

    def close(self) -> None:
        pass


class SearchService:
    """Searches the index at index_dir in a process of its own."""

    def __init__(self, index_dir: str | os.PathLike):
        self.index_dir = str(index_dir)
        self._lock = threading.Lock()  # one request in flight: answers come back in order
        self._connection: Connection | None = None
        self._process: BaseProcess | None = None
        self._start_error: BaseException | None = None
        # Starting the fork server the first time takes a second or two
        # (it imports the query layer): off the screen's thread.
        self._starter = threading.Thread(target=self._start, name="searchidx-search-start", daemon=True)
        self._starter.start()

    def _start(self) -> None:
        try:
            context = service_context()
            connection, child_end = context.Pipe()
            process = context.Process(
                target=serve, args=(self.index_dir, child_end), name="searchidx-search", daemon=True
            )
            process.start()
            child_end.close()
            self._connection, self._process = connection, process
        except Exception as error:  # noqa: BLE001 - told to the first request instead
            self._start_error = error

    def search(
        self, request: SearchRequest, page: int = 1, limit: int = PAGE_SIZE, facets: bool = True
    ) -> SearchResults:
        """One page of results (blocks: call it from a worker thread)."""
        return self._ask("search", request, page, limit, facets)

    def article(self, path: str, query: str | None = None) -> Article | None:
        """The whole article, matches marked (blocks: call it from a worker thread)."""
        return self._ask("article", path, query)

    def explain(self, request: SearchRequest) -> NothingFound:
        """Why a request found nothing (blocks: call it from a worker thread)."""
        return self._ask("explain", request)

    def _ask(self, *message):
        self._starter.join()
        if self._connection is None:
            raise SearchServiceGone(f"the search process could not start ({self._start_error})")
        with self._lock:
            try:
                self._connection.send(message)
                outcome, value = self._connection.recv()
            except (EOFError, OSError) as error:
                raise SearchServiceGone(f"the search process has stopped ({error or type(error).__name__})") from None
        if outcome == "error":
            raise value
        return value

    def close(self) -> None:
        """Asks the process to stop once any search in progress is answered,
        and stops it if it has not within STOP_WAIT_SECONDS."""
        self._starter.join()
        if self._connection is None or self._process is None:
            return  # it never started
        try:
            self._connection.send(None)
        except OSError:
            pass
        self._process.join(STOP_WAIT_SECONDS)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(STOP_WAIT_SECONDS)
        self._connection.close()

    @property
    def pid(self) -> int | None:
        self._starter.join()
        return self._process.pid if self._process is not None else None


def prepare() -> None:
    """Starts multiprocessing's helper processes (the resource tracker, the
    fork server) now: call it before the app runs. Once Textual runs, it has
    replaced sys.stderr with an object whose fileno() is -1, and starting
    them then fails ("bad value(s) in fds_to_keep")."""
    context = service_context()
    resource_tracker.ensure_running()
    if context.get_start_method() == "forkserver":
        forkserver.ensure_running()


def service_context():
    """forkserver where the platform has it (fast to start once its server is
    up, and never a fork of a process running threads), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def serve(index_dir: str, connection: Connection) -> None:
    """The search process: answers requests until told to stop (None) or the app goes."""
    from searchidx.api import Index

    # The app's terminal is the screen: a stray warning printed here would
    # scribble over it.
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")

    index, failure = None, None
    try:
        # Opened before the first request comes, while the app draws itself.
        index = Index.open(index_dir)
    except SearchidxError as error:
        failure = error  # told to every request; the app checked the index just before
    try:
        while True:
            try:
                message = connection.recv()
            except (EOFError, OSError):
                return  # the app has gone
            if message is None:
                return
            try:
                if index is None:
                    raise failure or SearchidxError(f"no index could be opened at {index_dir}")
                kind, *args = message
                if kind == "search":
                    request, page, limit, facets = args
                    answer = ("ok", request.run(index, page=page, limit=limit, facets=facets))
                elif kind == "article":
                    answer = ("ok", index.article(*args))
                elif kind == "explain":
                    (request,) = args
                    answer = ("ok", request.explain(index))
                else:
                    answer = ("error", SearchidxError(f"unknown request {kind!r}"))
            except SearchidxError as error:
                answer = ("error", error)
            except Exception as error:  # noqa: BLE001 - a bug is reported to the screen, not fatal
                answer = ("error", RuntimeError(f"{type(error).__name__}: {error}"))
            connection.send(answer)
    except KeyboardInterrupt:
        return  # Ctrl-C reaches the whole process group; the app handles it
    finally:
        if index is not None:
            index.close()
        connection.close()
