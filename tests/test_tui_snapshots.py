"""Snapshots of the full-screen app's main screens (pytest-textual-snapshot).

Deterministic: a fixed terminal size, a small corpus written by the test,
a relative index path (the screens never show a temporary folder), no
cursor blink and no animation. After a deliberate change of look, review
and update with `pytest tests/test_tui_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tui_helpers import build_index, make_app, settle, type_query


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SEARCHIDX_INDEX", raising=False)
    return tmp_path


@pytest.fixture
def indexed(in_tmp):
    build_index(in_tmp / "articles", in_tmp / "idx")
    return "idx"


async def steady(pilot) -> None:
    pilot.app.animation_level = "none"
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False


def searching(query: str, *keys: str):
    async def run_before(pilot):
        await steady(pilot)
        await type_query(pilot, query)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


def test_search_results_80x24(snap_compare, indexed):
    assert snap_compare(make_app(indexed), terminal_size=(80, 24), run_before=searching("Kines"))


def test_search_with_facets_and_a_filter_chip_120x32(snap_compare, indexed):
    app = make_app(indexed)
    assert snap_compare(app, terminal_size=(120, 32), run_before=searching("Kines", "f", "down", "enter"))


def test_facets_in_a_narrow_terminal_80x24(snap_compare, indexed):
    assert snap_compare(make_app(indexed), terminal_size=(80, 24), run_before=searching("Kines", "f"))


def test_reading_view_80x24(snap_compare, indexed):
    assert snap_compare(make_app(indexed), terminal_size=(80, 24), run_before=searching("Kines", "enter"))


def test_syntax_error_80x24(snap_compare, indexed):
    assert snap_compare(make_app(indexed), terminal_size=(80, 24), run_before=searching('Kina AND "Pekin'))


def test_help_80x24(snap_compare, indexed):
    assert snap_compare(make_app(indexed), terminal_size=(80, 24), run_before=steady, press=["escape", "question_mark"])


def test_albanian_search_results_80x24(snap_compare, indexed):
    assert snap_compare(make_app(indexed, language="sq"), terminal_size=(80, 24), run_before=searching("Kines"))


def test_build_index_offer_80x24(snap_compare, in_tmp):
    (in_tmp / "corpus").mkdir()
    assert snap_compare(make_app("idx"), terminal_size=(80, 24), run_before=steady)
