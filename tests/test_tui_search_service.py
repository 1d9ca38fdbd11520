"""The app's search process (searchidx/tui/search_service.py)."""

from __future__ import annotations

import os
import time

import pytest

from searchidx import Index, QuerySyntaxError
from searchidx.errors import IndexNotFound
from searchidx.tui.screens.search import SearchScreen
from searchidx.tui.search_request import SearchRequest
from searchidx.tui.search_service import SearchService
from searchidx.tui.widgets.results_list import ResultsList

from tui_helpers import build_index, make_app, run, settle, type_query

# Slow (the app's search runs in a process of its own): `pytest -m "not slow"` leaves these out.
pytestmark = pytest.mark.slow


@pytest.fixture
def indexed(tmp_path, index_dir):
    return build_index(tmp_path / "articles", index_dir)


def gone(pid: int, within: float = 5.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_the_search_process_answers_as_the_index_does_and_stops_on_close(indexed):
    request = SearchRequest("Kines").with_sort("date")
    with Index.open(indexed) as index:
        direct = request.run(index, page=1)
        direct_article = index.article("kina-2023.txt", "Kines")
    service = SearchService(indexed)
    try:
        assert service.pid != os.getpid()
        answer = service.search(request, page=1)
        assert answer == direct  # the same dataclasses, through the pipe
        assert answer.facets is not None and answer.total == 4
        assert service.search(request, page=1, facets=False).facets is None
        assert service.article("kina-2023.txt", "Kines") == direct_article
        assert service.article("missing.txt", "Kines") is None
        # The query layer's error comes back as itself, and the process goes on.
        with pytest.raises(QuerySyntaxError, match="quote"):
            service.search(SearchRequest('Kina "Pekin'))
        assert service.search(SearchRequest("Tirana")).total == 1
    finally:
        pid = service.pid
        service.close()
    assert gone(pid)


def test_a_dead_search_process_is_reported_and_the_app_stays_up(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await type_query(pilot, "Kines", submit=False)
            service = app.searcher
            assert isinstance(service, SearchService) and service.pid != os.getpid()
            os.kill(service.pid, 9)
            assert gone(service.pid)
            await pilot.press("space", *"Tirana")
            await settle(pilot)
            assert "Search failed: the search process has stopped" in str(app.screen.query_one("#status").render())
            assert len(app.screen.query_one(ResultsList).hits) == 4  # the last results stay
            assert app.is_running

    run(scenario())


def test_quitting_the_app_ends_its_search_process(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await type_query(pilot, "Kines", submit=False)
            assert isinstance(app.screen, SearchScreen)
            pid = app.searcher.pid
            await pilot.press("escape", "q")  # from the results: q quits
        return pid

    pid = run(scenario())
    assert gone(pid)


def test_an_unreadable_index_makes_every_search_fail_plainly(tmp_path):
    service = SearchService(tmp_path / "nothing-here")
    try:
        for _ in range(2):  # each request is told, none hangs
            with pytest.raises(IndexNotFound):
                service.search(SearchRequest("Kina"))
    finally:
        service.close()


def test_the_search_process_says_why_a_request_found_nothing(indexed):
    service = SearchService(indexed)
    try:
        nothing = service.explain(SearchRequest("Tirana data:2021"))
        assert [(e.filter, e.without) for e in nothing.effects] == [("data:2021", 1)]
        assert (nothing.documents, nothing.first_date, nothing.last_date) == (5, "2021-03-05", "2023-11")
    finally:
        service.close()
