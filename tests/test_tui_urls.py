"""The full-screen app and articles with a web address: shown, and opened with O."""

from __future__ import annotations

import json
import webbrowser

import pytest

from searchidx import Index
from searchidx.tui.screens.reader import ReaderScreen
from searchidx.tui.widgets.results_list import ResultsList

from tui_helpers import make_app, run, settle, type_query

# Slow (each test drives the full-screen app headlessly): `pytest -m "not slow"` leaves these out.
pytestmark = pytest.mark.slow

FEED = [
    {
        "id": "u1",
        "title": "Ura e re në Shkodër",
        "date": "2023-10-17",
        "text": "Ura u hap sot në Shkodër.",
        "url": "https://lajme.example/ura",
    },
    {
        "id": "u2",
        "title": "Ura e vjetër në Shkodër",
        "text": "Ura e vjetër u mbyll për riparim në Shkodër.",
        "url": "javascript:alert(1)",
    },
]


@pytest.fixture
def indexed(tmp_path, index_dir):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in FEED), encoding="utf-8")
    (folder / "pa-lidhje.txt").write_text(" date 2022 Shkodra dhe ura pa lidhje.", encoding="utf-8")
    with Index.create(index_dir) as index:
        index.add_folder(folder)
    return index_dir


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: urls.append(url) or True)
    return urls


def select(app, record):
    results = app.screen.query_one(ResultsList)
    results.highlighted = next(i for i, hit in enumerate(results.hits) if hit.record == record)
    return results.selected_hit


def test_O_opens_a_results_web_address_and_only_a_web_one(indexed, opened):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await type_query(pilot, "Shkodër")
            assert select(app, "u1").url == "https://lajme.example/ura"
            await pilot.press("O")
            assert opened == ["https://lajme.example/ura"]
            select(app, "u2")
            await pilot.press("O")
            assert opened == ["https://lajme.example/ura"]  # javascript: is no web address
            results = app.screen.query_one(ResultsList)
            results.highlighted = next(i for i, hit in enumerate(results.hits) if hit.record is None)
            await pilot.press("O")  # a text file has none: a notice, nothing opened
            assert opened == ["https://lajme.example/ura"]
            assert app.is_running

    run(scenario())


def test_the_reading_view_shows_the_title_record_and_address_and_O_opens_it(indexed, opened):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await type_query(pilot, "Shkodër")
            select(app, "u1")
            await pilot.press("enter")
            await settle(pilot)
            reader = app.screen
            assert isinstance(reader, ReaderScreen)
            assert reader.article.title == "Ura e re në Shkodër"
            meta = str(reader.query_one("#reader-meta").render())
            assert "feed.jsonl#u1" in meta and "https://lajme.example/ura" in meta and "2023-10-17" in meta
            await pilot.press("O")
            assert opened == ["https://lajme.example/ura"]

    run(scenario())
