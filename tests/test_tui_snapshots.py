"""Snapshots of the full-screen app's main screens (pytest-textual-snapshot).

They pin the app's look, so the index behind them answers from fixed data
(FixedIndex, shaped like searchidx.api.Index): a change of analyzer, ranking
or entity extraction must not change these pictures; tests/test_tui.py runs
the app on a real index. Deterministic: a fixed terminal size, relative
paths, no cursor blink and no animation. After a deliberate change of look,
review and update with `pytest tests/test_tui_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from textual.widgets import Input

from searchidx.errors import QuerySyntaxError
from searchidx.query.filters import Filter
from searchidx.results.facets import DateHistogram, Facets, FacetValue
from searchidx.results.reading import Article
from searchidx.results.search import Hit, SearchResults
from searchidx.results.snippets import Snippet

from tui_helpers import make_app, settle, type_query

# Slow (each test renders the full-screen app to an SVG snapshot): `pytest -m "not slow"` leaves these out.
pytestmark = pytest.mark.slow

BODIES = {
    "kina-2023.txt": "Presidenti rus arriti në Pekin, ku Kina e priti me nderime.\n\n"
    "Vizita tregon mbështetjen e Kinës për Moskën, tha ministri i jashtëm. "
    "Tregtia mes dy vendeve është rritur çdo vit që nga 2014.\n\n"
    "Analistët thonë se Kina dhe Rusia kanë interesa të përbashkëta në Azinë Qendrore.",
    "kina-2023b.txt": "Tregtia mes Kinës dhe Shqipërisë u rrit këtë vit, sipas Bankës së Shqipërisë.",
    "kina-2021.txt": "Kina dhe Rusia nënshkruan një marrëveshje tregtare në Pekin.\n\n"
    "Ministrat thanë se tregtia me Kinën do të rritet.",
}
ENTITIES = {
    "kina-2023.txt": {"person": ["Vladimir Putin"], "place": ["Pekin", "Kina", "Rusia"], "org": []},
    "kina-2023b.txt": {"person": [], "place": ["Kina", "Shqipëria"], "org": ["Banka e Shqipërisë"]},
    "kina-2021.txt": {"person": [], "place": ["Kina", "Rusia", "Pekin"], "org": []},
}
DATES = {
    "kina-2023.txt": ("2023-10-17", "day"),
    "kina-2023b.txt": ("2023-11", "month"),
    "kina-2021.txt": ("2021-03-05", "day"),
}
WORD = "Kin"  # every form of Kina is a match


def spans(text: str) -> list[tuple[int, int]]:
    found, start = [], text.find(WORD)
    while start >= 0:
        end = start
        while end < len(text) and text[end].isalpha():
            end += 1
        found.append((start, end))
        start = text.find(WORD, end)
    return found


def hit(path: str, score: float) -> Hit:
    body = BODIES[path].replace("\n", " ")
    date, precision = DATES[path]
    return Hit(path, date, precision, body.split(".")[0] + ".", score, Snippet(body, spans(body)), ENTITIES[path])


def value(field: str, text: str, count: int) -> FacetValue:
    return FacetValue(text, count, Filter(field, text))


class FixedIndex:
    """Answers as searchidx.api.Index does, from the fixed articles above."""

    def search(self, query="", *, filters=(), facets=False, page=1, limit=10, sort="relevance", **options):
        if query.count('"') % 2:
            raise QuerySyntaxError('unclosed quote: a phrase needs a closing "')
        filters = [Filter.parse(f) if isinstance(f, str) else f for f in filters]
        filters += [Filter("date", year) for year in re.findall(r"data:(\d{4})", query)]
        browsing = not query.strip()  # the whole archive, newest first, as the real index does
        paths = (
            ["kina-2023.txt", "kina-2023b.txt", "kina-2021.txt"] if browsing or WORD.lower() in query.lower() else []
        )
        if browsing:
            paths.sort(key=lambda p: DATES[p][0], reverse=True)
        for year in {f.value for f in filters if f.field == "date"}:
            paths = [p for p in paths if DATES[p][0].startswith(year)]
        hits = [hit(p, 0.0 if browsing else round(3.0 - i * 0.4, 4)) for i, p in enumerate(paths)]
        if sort == "date":
            hits.sort(key=lambda h: h.date, reverse=True)
        one_year = bool(filters)
        histogram = DateHistogram(
            years=[value("date", "2023", 2)] if one_year else [value("date", "2021", 1), value("date", "2023", 2)],
            months=[value("date", "2023-10", 1), value("date", "2023-11", 1)] if one_year else [],
            year="2023" if one_year else None,
            undated=0 if one_year else 1,
        )
        found = (
            Facets(
                histogram,
                {
                    "person": [value("person", "Vladimir Putin", 1)],
                    "place": [
                        value("place", "Kina", len(hits)),
                        value("place", "Pekin", 2),
                        value("place", "Rusia", 2),
                    ],
                    "org": [value("org", "Banka e Shqipërisë", 1)],
                },
            )
            if hits and facets
            else None
        )
        suggestion = "Kina" if not hits and query.strip() else None
        return SearchResults(
            query, len(hits), page, limit, hits[(page - 1) * limit : page * limit], found, suggestion, filters
        )

    def article(self, path, query=None):
        body = BODIES[path]
        date, precision = DATES[path]
        return Article(
            path, date, precision, body.split(".")[0] + ".", body, ENTITIES[path], spans(body) if query else []
        )

    def document_count(self):
        return len(BODIES)

    def stats(self):
        return SimpleNamespace(documents=len(BODIES), first_date="2021-03-05", last_date="2023-11", undated=0)

    def close(self):
        pass


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SEARCHIDX_INDEX", raising=False)
    return tmp_path


def app(language: str = "en"):
    return make_app("idx", language=language, index=FixedIndex())


async def steady(pilot) -> None:
    pilot.app.animation_level = "none"
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False


def searching(query: str, *keys: str):
    async def run_before(pilot):
        await steady(pilot)
        await type_query(pilot, query)
        for key in keys:  # each key's search or article answered before the next
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_search_results_80x24(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24), run_before=searching("Kines"))


def test_search_with_facets_and_a_filter_chip_120x32(snap_compare):
    assert snap_compare(app(), terminal_size=(120, 32), run_before=searching("Kines", "f", "down", "enter"))


def test_facets_in_a_narrow_terminal_80x24(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24), run_before=searching("Kines", "f"))


def test_reading_view_80x24(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24), run_before=searching("Kines", "enter", "n"))


def test_syntax_error_80x24(snap_compare):
    # Results first, then the broken query: the error shows and the results
    # stay. (Typed in one go, the picture depended on whether a search for
    # "Kina" happened to run between keys.)
    async def run_before(pilot):
        await steady(pilot)
        await type_query(pilot, "Kina", submit=False)
        await type_query(pilot, ' "Pekin', submit=False)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


def test_did_you_mean_80x24(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24), run_before=searching("Knia"))


def test_help_80x24(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24), run_before=steady, press=["escape", "question_mark"])


def test_albanian_search_results_80x24(snap_compare):
    assert snap_compare(app("sq"), terminal_size=(80, 24), run_before=searching("Kines"))


async def opened(pilot) -> None:
    """The app as it opens: the search box in use, the archive browsed."""
    await steady(pilot)
    await settle(pilot)


def test_start_screen_shows_the_archive_80x24(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24), run_before=opened)


def test_start_screen_shows_the_archive_and_its_facets_120x32(snap_compare):
    assert snap_compare(app(), terminal_size=(120, 32), run_before=opened)


def test_zero_hits_say_why_80x24(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24), run_before=searching("Kines data:2019"))


def test_reading_view_wraps_its_names_44x20(snap_compare):
    assert snap_compare(app(), terminal_size=(44, 20), run_before=searching("Kines", "enter", "tab"))


def test_build_index_offer_80x24(snap_compare, in_tmp):
    (in_tmp / "corpus").mkdir()
    assert snap_compare(make_app("idx"), terminal_size=(80, 24), run_before=steady)
