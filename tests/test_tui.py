"""The full-screen app, driven headlessly through Textual's pilot."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import Input

from searchidx import Index
from searchidx.tui.history import QueryHistory
from searchidx.tui.screens.build_index import BuildIndexScreen
from searchidx.tui.screens.help import HelpScreen
from searchidx.tui.screens.reader import Paragraph, ReaderScreen
from searchidx.tui.screens.search import SearchScreen
from searchidx.tui.search_request import SearchRequest
from searchidx.tui.widgets.chip import Chip
from searchidx.tui.widgets.facet_panel import FacetPanel
from searchidx.tui.widgets.filter_chips import FilterChips
from searchidx.tui.widgets.key_bar import KeyBar
from searchidx.tui.widgets.rendering import CURRENT_MATCH_STYLE, MATCH_STYLE
from searchidx.tui.widgets.results_list import ResultsList
from searchidx.tui.widgets.search_box import SearchBox

from conftest import rewrite_meta
from tui_helpers import build_index, make_app, run, settle, type_query

# Slow (each test drives the full-screen app headlessly, seconds apiece): `pytest -m "not slow"` leaves these out.
pytestmark = pytest.mark.slow


@pytest.fixture
def indexed(tmp_path, index_dir):
    return build_index(tmp_path / "articles", index_dir)


def status(app) -> str:
    return str(app.screen.query_one("#status").render())


def test_typing_a_query_shows_its_results(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            assert isinstance(app.screen, SearchScreen)
            await type_query(pilot, "Kines", submit=False)
            results = app.screen.query_one(ResultsList)
            assert {hit.path for hit in results.hits} == {
                "kina-2021.txt",
                "kina-2023.txt",
                "kina-2023b.txt",
                "pa-date.txt",
            }
            assert "4 results" in status(app)
            # The box still has the focus: results came while typing.
            assert isinstance(app.focused, SearchBox)

    run(scenario())


def test_a_syntax_error_is_shown_and_the_last_results_kept(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await type_query(pilot, "Tirana", submit=False)
            await type_query(pilot, " AND (", submit=False)
            assert status(app).startswith("Query error:")
            assert [hit.path for hit in app.screen.query_one(ResultsList).hits] == ["tirana.txt"]
            assert app.is_running

    run(scenario())


def test_opening_an_article_marks_every_match_and_back_keeps_the_place(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await type_query(pilot, "Kines")
            results = app.screen.query_one(ResultsList)
            await pilot.press("j")
            chosen = results.selected_hit
            assert results.highlighted == 1
            await pilot.press("enter")
            await settle(pilot)  # the article comes from the search process
            reader = app.screen
            assert isinstance(reader, ReaderScreen) and reader.article.path == chosen.path
            body = reader.article.body
            marked = [body[a:b] for a, b in reader.article.matches]
            assert marked and all(word.lower().startswith("kin") for word in marked)
            styles = [
                (str(span.style), paragraph.text[span.start : span.end])
                for paragraph in reader.query(Paragraph)
                for span in paragraph.shown.spans
            ]
            assert (CURRENT_MATCH_STYLE, marked[0]) in styles
            assert all(style in (MATCH_STYLE, CURRENT_MATCH_STYLE) for style, _ in styles)
            assert len(styles) == len(marked)
            assert f"match 1 of {len(marked)}" in str(reader.query_one("#reader-meta").render())
            await pilot.press("n")
            assert f"match {min(2, len(marked))} of" in str(reader.query_one("#reader-meta").render())
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, SearchScreen)
            assert app.screen.query_one(ResultsList).highlighted == 1

    run(scenario())


def test_each_result_opens_its_own_article_when_two_folders_share_a_path(tmp_path, index_dir):
    for name, text in {
        "one": "Kina dhe Tirana nënshkruan një marrëveshje.",
        "two": "Kina dhe Prishtina hapën një zyrë.",
    }.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(text, encoding="utf-8")
    with Index.create(index_dir) as index:
        index.add_folders([tmp_path / "one", tmp_path / "two"])

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test() as pilot:
            await type_query(pilot, "Kina")
            results = app.screen.query_one(ResultsList)
            titles = [hit.title for hit in results.hits]
            assert len(titles) == 2 and all(hit.path == "a.txt" for hit in results.hits)
            for position, title in enumerate(titles):
                results.highlighted = position
                await pilot.press("enter")
                await settle(pilot)
                assert isinstance(app.screen, ReaderScreen) and app.screen.article.title == title
                await pilot.press("escape")
                await pilot.pause()

    run(scenario())


def test_a_facet_adds_a_filter_chip_and_removing_the_chip_undoes_it(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await type_query(pilot, "Kines")
            assert "4 results" in status(app)
            await pilot.press("f")
            facets = app.screen.query_one(FacetPanel)
            assert app.focused is facets
            # The date histogram: 2021, 2023 and undated; the first year is highlighted.
            years = [f.value for f in facets._filters.values() if f.field == "date"]
            assert years[:2] == ["2021", "2023"]
            await pilot.press("down", "enter")  # 2023
            await settle(pilot)
            assert "2 results" in status(app)
            chips = app.screen.query_one(FilterChips)
            assert [c.value for c in chips.choices] == ["2023"]
            # One year chosen: its months appear beneath it.
            dates = [f.value for f in facets._filters.values() if f.field == "date"]
            assert dates == ["2023", "2023-10", "2023-11"]
            chip = chips.query("Chip").first()
            chip.focus()
            await pilot.press("enter")
            await settle(pilot)
            assert "4 results" in status(app)
            assert not chips.display and chips.choices == ()

    run(scenario())


def test_a_month_replaces_its_year_and_filters_of_other_fields_combine(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test(size=(120, 40)) as pilot:
            await type_query(pilot, "Kines")
            await pilot.press("f", "down", "enter")  # 2023
            await settle(pilot)
            chips = app.screen.query_one(FilterChips)
            assert [c.value for c in chips.choices] == ["2023"]
            await pilot.press("f", "down", "down", "enter")  # 2023-11 beneath it
            await settle(pilot)
            assert [c.value for c in chips.choices] == ["2023-11"]  # one chip, not `2023 ✕ 2023-11 ✕`
            assert "1 result" in status(app)
            facets = app.screen.query_one(FacetPanel)
            place = next(f for f in facets._filters.values() if f.field == "place")
            facets.post_message(FacetPanel.Chosen(place))
            await settle(pilot)
            assert [(c.field, c.value) for c in chips.choices] == [("date", "2023-11"), ("place", place.value)]
            await pilot.press("escape", "x")  # remove the last filter from the results
            await settle(pilot)
            assert [c.value for c in chips.choices] == ["2023-11"]

    run(scenario())


def test_a_wider_date_replaces_a_narrower_one_and_other_dates_stay():
    from searchidx.query.filters import Filter

    request = SearchRequest("Kina").with_filter(Filter("date", "2023-10"))
    assert request.with_filter(Filter("date", "2023")).filters == (Filter("date", "2023"),)
    both = request.with_filter(Filter("date", "2021"))
    assert both.filters == (Filter("date", "2023-10"), Filter("date", "2021"))
    ranged = SearchRequest().with_filter(Filter("date", "2020..2022")).with_filter(Filter("date", "2021-05"))
    assert ranged.filters == (Filter("date", "2021-05"),)


def test_slash_and_esc_come_back_to_the_query_with_the_cursor_at_its_end(indexed):
    # Refining is the usual next step: the first key typed must add to the
    # query, not replace it (Textual's Input selects all on focus).
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await type_query(pilot, "Kines")
            box = app.screen.query_one(SearchBox)
            assert isinstance(app.focused, ResultsList)
            await pilot.press("slash", *" Pekin")
            assert box.value == "Kines Pekin"
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("escape", "space", "x")
            assert box.value == "Kines Pekin x"
            await pilot.press("ctrl+u")
            assert box.value == ""
            await settle(pilot)

    run(scenario())


def test_history_is_kept_between_sessions(indexed, tmp_path):
    history_file = tmp_path / "data" / "history"

    async def first_session():
        app = make_app(indexed, history_path=history_file)
        async with app.run_test() as pilot:
            await type_query(pilot, "Tirana")
            await pilot.press("slash")
            app.screen.query_one(SearchBox).value = ""
            await type_query(pilot, "Kines")

    async def second_session():
        app = make_app(indexed, history_path=history_file)
        async with app.run_test() as pilot:
            box = app.screen.query_one(SearchBox)
            await pilot.press(*"Pek")
            await pilot.press("up")
            assert box.value == "Kines"
            await pilot.press("up")
            assert box.value == "Tirana"
            await pilot.press("up")  # the oldest stays
            assert box.value == "Tirana"
            await pilot.press("down", "down")
            assert box.value == "Pek"  # what was being typed comes back
            await settle(pilot)

    run(first_session())
    assert history_file.read_text(encoding="utf-8").splitlines() == ["Tirana", "Kines"]
    run(second_session())


def test_history_moves_a_repeated_query_to_the_end_and_survives_an_unwritable_file(tmp_path):
    history = QueryHistory(tmp_path / "history")
    for query in ["a", "b", "a", "  ", "c  d"]:
        history.add(query)
    assert QueryHistory(tmp_path / "history").entries == ["b", "a", "c d"]
    blocked = tmp_path / "file"
    blocked.write_text("")
    unwritable = QueryHistory(blocked / "history")  # its folder is a file
    unwritable.add("Kina")
    assert unwritable.entries == ["Kina"]


def test_the_empty_index_flow_builds_one_with_progress_then_searches(tmp_path, index_dir):
    folder = tmp_path / "articles"
    build_index(folder, tmp_path / "throwaway")  # only writes the files

    async def scenario():
        app = make_app(index_dir, folder=tmp_path / "nowhere")
        async with app.run_test() as pilot:
            assert isinstance(app.screen, BuildIndexScreen)
            folder_input = app.screen.query_one("#build-folder", Input)
            await pilot.press("enter")  # a folder that is not there
            assert "is not a folder" in str(app.screen.query_one("#build-status").render())
            folder_input.value = str(folder)
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, SearchScreen)
            await type_query(pilot, "Tirana")
            assert "1 result" in status(app)

    run(scenario())
    assert index_dir.is_dir()


def test_an_index_from_another_version_offers_a_rebuild(indexed, tmp_path):
    rewrite_meta(indexed, schema_version=1004)

    async def scenario():
        app = make_app(indexed, folder=tmp_path / "articles")
        async with app.run_test() as pilot:
            assert isinstance(app.screen, BuildIndexScreen) and app.screen.rebuild
            assert "Rebuild" in str(app.screen.query_one("#build-explanation").render())
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, SearchScreen)
            await type_query(pilot, "Tirana")
            assert "1 result" in status(app)

    run(scenario())


def test_help_opens_and_closes_and_q_quits(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await pilot.press("escape", "question_mark")
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            assert isinstance(app.screen, SearchScreen)
            await pilot.press("q")
            await pilot.pause()
            assert not app.is_running

    run(scenario())


def test_typing_q_and_slash_in_the_search_box_types_them(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await pilot.press(*"q/f?")
            assert app.screen.query_one(SearchBox).value == "q/f?"
            assert isinstance(app.screen, SearchScreen) and app.is_running
            await settle(pilot)

    run(scenario())


def test_a_thin_result_suggests_a_spelling_and_ctrl_y_takes_it(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await type_query(pilot, "Tiranaa", submit=False)
            screen = app.screen
            if not screen.suggestion:
                pytest.skip("the query layer suggests nothing for this misspelling")
            assert "Did you mean" in str(screen.query_one(ResultsList).get_option_at_index(0).prompt)
            await pilot.press("ctrl+y")
            await settle(pilot)
            assert screen.query_one(SearchBox).value == screen.request.query != "Tiranaa"

    run(scenario())


def test_albanian_labels_follow_the_locale(indexed, monkeypatch):
    monkeypatch.setenv("LANG", "sq_AL.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)

    async def scenario():
        app = make_app(indexed, language=None)
        async with app.run_test() as pilot:
            await type_query(pilot, "Kines")
            assert "4 rezultate" in status(app)
            assert "sipas përputhjes" in status(app)

    run(scenario())


def test_typing_is_not_held_up_by_a_slow_query_and_stale_results_are_dropped(indexed, monkeypatch):
    # The screen's side of it: the app searches an Index it was given in this
    # process (LocalSearch), so the slow search can be arranged here.
    # test_tui_search_service.py covers the search process.
    release = threading.Event()
    original = SearchRequest.run

    def slow_for_tirana(self, index, *args, **kwargs):
        if self.query == "Tirana":
            release.wait(5)
        return original(self, index, *args, **kwargs)

    monkeypatch.setattr(SearchRequest, "run", slow_for_tirana)

    async def scenario():
        with Index.open(indexed) as index:
            app = make_app(indexed, index=index)
            async with app.run_test() as pilot:
                await tirana_stuck_while_typing(app, pilot)

    async def tirana_stuck_while_typing(app, pilot):
        box = app.screen.query_one(SearchBox)
        await pilot.press(*"Tirana")
        await pilot.pause(0.5)  # the Tirana query is now stuck in its worker
        assert "searching" in status(app)
        await pilot.press(*" Kines")  # typing goes on while it runs
        assert box.value == "Tirana Kines"
        await pilot.pause(0.3)
        release.set()
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert app.screen.request.query == "Tirana Kines"
        assert len(results.hits) == 5  # Tirana's own answer never replaced it

    run(scenario())


def test_searchidx_alone_without_a_terminal_prints_help():
    from typer.testing import CliRunner

    from searchidx.cli import app

    result = CliRunner().invoke(app, [])
    assert result.exit_code == 0
    assert "Usage" in result.stdout and "tui" in result.stdout


def test_choosing_a_name_in_an_article_adds_its_filter_with_the_facets_count(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test(size=(120, 40)) as pilot:
            await type_query(pilot, "Kines")
            facet_counts = {
                entry.value: entry.count for entry in app.screen.query_one(FacetPanel).facets.entities["place"]
            }
            await pilot.press("enter")
            await settle(pilot)
            reader = app.screen
            places = [name for name in reader.article.entities.get("place", []) if name in facet_counts]
            if not places:
                pytest.skip("the entity extractor finds no place in this article")
            await pilot.press("tab")  # the names
            assert isinstance(app.focused, Chip) and "filter by it" in str(reader.query_one(KeyBar).render())
            chip = next(c for c in reader.query(Chip) if c.value.name == places[0])
            chip.focus()
            await pilot.press("enter")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, SearchScreen) and isinstance(app.focused, ResultsList)
            assert screen.request.query == "Kines"  # the query stays; the name narrows it
            assert [(f.field, f.value) for f in screen.request.filters] == [("place", places[0])]
            assert screen.query_one(ResultsList).total == facet_counts[places[0]]
            await pilot.press("slash", *" x")  # back in the box: the cursor is at the end
            assert screen.query_one(SearchBox).value == "Kines x"
            await settle(pilot)

    run(scenario())


def test_scrolling_to_the_end_loads_the_next_page(tmp_path, index_dir):
    articles = {f"a{n:02d}.txt": f" date 2020-01-{n + 1:02d} Lajm numër {n} për tregtinë." for n in range(25)}
    build_index(tmp_path / "many", index_dir, articles)

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test() as pilot:
            await type_query(pilot, "tregtinë")
            results = app.screen.query_one(ResultsList)
            assert len(results.hits) == 20 and results.total == 25
            await pilot.press("end")
            await settle(pilot)
            assert len(results.hits) == 25
            assert len({hit.path for hit in results.hits}) == 25

    run(scenario())


def test_s_sorts_by_date_newest_first_and_back(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await type_query(pilot, "Kines")
            await pilot.press("s")
            await settle(pilot)
            assert "by date" in status(app)
            dates = [hit.date for hit in app.screen.query_one(ResultsList).hits]
            assert dates == ["2023-11", "2023-10-17", "2021-03-05", None]
            await pilot.press("s")
            await settle(pilot)
            assert "by relevance" in status(app)

    run(scenario())


# -- the start screen, the key bar, help, quitting ---------------------------------


def test_the_start_screen_shows_the_whole_archive_newest_first_with_its_facets(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            results = app.screen.query_one(ResultsList)
            assert results.total == 5 and len(results.hits) == 5
            dates = [hit.date for hit in results.hits]
            assert dates == ["2023-11", "2023-10-17", "2022", "2021-03-05", None]
            assert status(app).startswith("5 articles") and "2021–2023" in status(app) and "newest first" in status(app)
            facets = app.screen.query_one(FacetPanel)
            assert [f.value for f in facets._filters.values() if f.field == "date"] == ["2021", "2022", "2023"]
            assert "Type to search" not in status(app)
            # Typing searches; clearing the box browses the archive again.
            await type_query(pilot, "Tirana", submit=False)
            assert "1 result" in status(app)
            await pilot.press("ctrl+u")
            await settle(pilot)
            assert status(app).startswith("5 articles")

    run(scenario())


def keys_shown(app) -> list[str]:
    return [key for key, _ in app.screen.query_one(KeyBar).keys]


def test_the_key_bar_follows_the_pane_and_offers_no_letter_while_typing(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert isinstance(app.focused, SearchBox)
            typed_keys = [key for key in keys_shown(app) if len(key) == 1 and key.isprintable()]
            assert typed_keys == [] and "ctrl+c" in keys_shown(app)
            await type_query(pilot, "Kines")  # enter: to the results
            assert {"f", "s", "o", "e", "y", "/", "?"} <= set(keys_shown(app))
            await pilot.press("f")
            assert "enter" in keys_shown(app) and "filter" in dict(app.screen.query_one(KeyBar).keys).values()
            await pilot.press("enter")
            await settle(pilot)
            app.screen.query_one(FilterChips).query(Chip).first().focus()
            await pilot.pause()
            assert "remove" in dict(app.screen.query_one(KeyBar).keys).values()

    run(scenario())


def binding_keys(*classes) -> set[str]:
    shown = {
        "slash": "/",
        "question_mark": "?",
        "escape": "esc",
        "up": "↑",
        "down": "↓",
        "left": "←",
        "right": "→",
        "pageup": "pgup",
        "pagedown": "pgdn",
    }
    keys = set()
    for cls in classes:
        for binding in cls.BINDINGS:
            for key in binding.key.split(","):
                keys.add(shown.get(key.strip(), key.strip()))
    return keys


def test_help_lists_every_key_the_app_binds():
    from textual.widgets import OptionList

    from searchidx.tui import SearchidxApp
    from searchidx.tui.strings import ALBANIAN, ENGLISH

    bound = binding_keys(SearchidxApp, SearchScreen, ReaderScreen, ResultsList, FacetPanel, Chip, SearchBox, HelpScreen)
    bound |= {"enter", "tab", "shift+tab", "ctrl+u", "home", "end", "pgup", "pgdn"}  # Textual's own
    assert bound >= binding_keys(OptionList) - {"↑", "↓"}
    for strings in (ENGLISH, ALBANIAN):
        listed = {token for keys, _ in strings.help_keys for token in keys.split()}
        assert bound - listed == set(), strings.language


def test_ctrl_c_quits_even_from_the_search_box(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await pilot.press(*"Kin")
            assert isinstance(app.focused, SearchBox)
            await pilot.press("ctrl+c")
            await pilot.pause()
            assert not app.is_running

    run(scenario())


def test_the_status_line_gives_the_position_in_the_results(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await type_query(pilot, "Kines")
            assert "1 of 4" in status(app)
            await pilot.press("j", "j")
            assert "3 of 4" in status(app)
            await pilot.press("end")
            assert "4 of 4" in status(app)

    run(scenario())


def test_zero_hits_say_what_each_filter_took_and_what_the_archive_holds(indexed):
    async def scenario():
        app = make_app(indexed)
        async with app.run_test(size=(120, 40)) as pilot:
            await type_query(pilot, "Tirana data:2021")
            shown = str(app.screen.query_one(ResultsList).get_option_at_index(0).prompt)
            assert "No results for Tirana data:2021." in shown
            assert "Without data:2021: 1 result" in shown
            assert "The archive holds 5 articles, dated 2021-03-05 to 2023-11, and 1 undated." in shown

    run(scenario())


# -- the reading view ---------------------------------------------------------


def test_the_names_row_wraps_and_the_text_keeps_to_100_columns(tmp_path, index_dir):
    names = " ".join(
        f"{city}"
        for city in [
            "Tirana",
            "Prishtina",
            "Shkupi",
            "Beogradi",
            "Podgorica",
            "Athina",
            "Roma",
            "Berlini",
            "Parisi",
            "Londra",
            "Madridi",
            "Vjena",
        ]
    )
    long_line = "Kina dhe Rusia " * 40
    build_index(tmp_path / "a", index_dir, {"qytete.txt": f" date 2020 Kina priti {names}.\n\n{long_line}"})

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(70, 30)) as narrow:
            await type_query(narrow, "Kina")
            await narrow.press("enter")
            await settle(narrow)
            reader = app.screen
            chips = list(reader.query(Chip))
            if len(chips) < 6:
                pytest.skip("the entity extractor finds too few names here")
            assert len(reader.query(".chip-row")) > 1
            assert app.focused is reader.query_one("#reader-body")  # the text, not the first name
            assert all(chip.region.right <= 70 for chip in chips)  # none cut at the edge
            chips[0].focus()
            for _ in chips[1:]:
                await narrow.press("right")  # along the rows, not only the first
            assert app.focused is chips[-1]

    async def wide():
        app = make_app(index_dir)
        async with app.run_test(size=(200, 40)) as pilot:
            await type_query(pilot, "Kina")
            await pilot.press("enter")
            await settle(pilot)
            widths = [p.content_region.width for p in app.screen.query(Paragraph)]
            assert widths and max(widths) <= 100

    run(scenario())
    run(wide())


def test_o_e_and_y_hand_the_article_to_the_pager_the_editor_and_the_clipboard(indexed, monkeypatch):
    import contextlib

    from searchidx import terminal
    from searchidx.tui import SearchidxApp

    ran, copied = [], []
    monkeypatch.setenv("PAGER", "less -R")
    monkeypatch.setenv("EDITOR", "vi")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setattr(SearchidxApp, "suspend", lambda self: contextlib.nullcontext())
    monkeypatch.setattr(terminal, "run_on_file", lambda command, path: ran.append((command, str(path))) or 0)
    monkeypatch.setattr(SearchidxApp, "copy_to_clipboard", lambda self, text: copied.append(text))

    async def scenario():
        app = make_app(indexed)
        async with app.run_test() as pilot:
            await type_query(pilot, "Tirana")
            hit = app.screen.query_one(ResultsList).selected_hit
            await pilot.press("o", "e", "y")
            await pilot.pause()
            assert ran == [(["less", "-R"], hit.file), (["vi"], hit.file)]
            assert copied == [hit.file] and hit.file.endswith("tirana.txt")
            # In the results list, each hit's title links to its file (OSC 8).
            heading = app.screen.query_one(ResultsList).hit_prompt(hit, 80).renderables[0]
            links = [
                (heading.plain[s.start : s.end], s.style.link) for s in heading.spans if getattr(s.style, "link", None)
            ]
            assert links == [(hit.title, terminal.file_url(hit.file))]
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("o", "y")
            await pilot.pause()
            assert ran[-1] == (["less", "-R"], hit.file) and copied[-1] == hit.file
            meta = app.screen.query_one("#reader-meta").render()
            links = [span.style.link for span in meta.spans if getattr(span.style, "link", None)]
            assert any(link.startswith("file://") and link.endswith("tirana.txt") for link in links)

    run(scenario())


def test_titles_and_queries_are_shown_as_written_never_as_markup(tmp_path, index_dir):
    build_index(tmp_path / "a", index_dir, {"m.txt": " date 2020 Kina [bold]nuk[/bold] është [red]theksuar[/red]."})

    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(120, 30)) as pilot:
            await type_query(pilot, "Kina [x]")
            prompt = app.screen.query_one(ResultsList).get_option_at_index(0).prompt
            shown = "".join(part.plain for part in prompt.renderables)
            assert "[bold]nuk[/bold]" in shown and "[red]theksuar[/red]" in shown
            await pilot.press("enter")
            await settle(pilot)
            assert "[bold]nuk[/bold]" in str(app.screen.query_one("#reader-title").render())

    run(scenario())


def test_no_screen_or_widget_replaces_a_private_method_of_textual():
    """A method of ours named like one of Textual's private ones replaces it
    for Textual's own calls: FacetPanel._render (Textual asks it for the
    widget's Visual when text is selected) and ReaderScreen._scroll_to
    (every scroll_to/scroll_end of the screen) once did."""
    import importlib
    import inspect
    import pkgutil

    import searchidx.tui

    clashes = []
    for module_info in pkgutil.walk_packages(searchidx.tui.__path__, "searchidx.tui."):
        module = importlib.import_module(module_info.name)
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            textual_bases = [base for base in cls.__mro__[1:] if base.__module__.startswith("textual")]
            for name, value in vars(cls).items():
                if name.startswith("_") and not name.startswith("__") and inspect.isfunction(value):
                    clashes += [f"{cls.__name__}.{name}" for base in textual_bases if name in vars(base)][:1]
    assert clashes == []
