"""Shared by the full-screen app's tests: a small dated corpus and waiting."""

from __future__ import annotations

import asyncio

from searchidx import Index
from searchidx.tui import SearchidxApp
from searchidx.tui.history import QueryHistory
from searchidx.tui.screens.search import DEBOUNCE_SECONDS

# Written by the tests, so results, dates and facets are known and fixed.
ARTICLES = {
    "kina-2021.txt": " date 2021-03-05 Kina dhe Rusia nënshkruan një marrëveshje tregtare në Pekin.\n\n"
    "Ministrat thanë se tregtia me Kinën do të rritet.",
    "kina-2023.txt": " date 2023-10-17 Presidenti rus arriti në Pekin, ku Kina e priti me nderime.\n\n"
    "Vizita tregon mbështetjen e Kinës për Moskën.",
    "kina-2023b.txt": " date 2023-11 Tregtia mes Kinës dhe Shqipërisë u rrit këtë vit.",
    "tirana.txt": " date 2022 Tirana priti një samit të Ballkanit Perëndimor.",
    "pa-date.txt": "Një artikull pa datë për Kinën dhe tregtinë.",
}


def build_index(folder, index_dir, articles=ARTICLES):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Index.create(index_dir) as index:
        index.add_folder(folder)
    return index_dir


def make_app(index_dir, history_path=None, language="en", **kwargs) -> SearchidxApp:
    return SearchidxApp(index_dir=index_dir, language=language, history=QueryHistory(history_path), **kwargs)


async def settle(pilot) -> None:
    """Waits out the typing pause and every running worker."""
    await pilot.pause(DEBOUNCE_SECONDS + 0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_query(pilot, text: str, submit: bool = True) -> None:
    await pilot.press(*text)
    if submit:
        await pilot.press("enter")
    await settle(pilot)


def run(coroutine):
    return asyncio.run(coroutine)
