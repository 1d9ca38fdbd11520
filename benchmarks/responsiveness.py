"""Measures that typing in the app is never held up by a running query.

    python benchmarks/responsiveness.py --index PATH [--query "Kryeministri Kurti"]

Types a query into the app (headless, through Textual's pilot) one key every
`--interval` seconds, as a person does, while each pause starts a search with
facets in the app's search process (search_service.py). A timer on the app's
event loop ticks every 5 ms; the longest gap between ticks is the longest
time the screen could not react. It prints that gap (max and p95) while
typing, then while searches run one after another with no typing (the
search's own share, drawing apart), and with the app idle (the baseline,
same run); how long each key took to appear in the search box, how long
drawing results and facets took on the screen's thread, and how long each
search took from request to answer (what a search on the screen's own
thread would have frozen it for).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from textual import events

from searchidx.api import Index
from searchidx.tui.app import SearchidxApp
from searchidx.tui.history import QueryHistory
from searchidx.tui.screens.search import DEBOUNCE_SECONDS, SearchScreen
from searchidx.tui.search_request import SearchRequest
from searchidx.tui.search_service import SearchService
from searchidx.tui.widgets.search_box import SearchBox

TICK_SECONDS = 0.005
# Searched one after another with no typing; each new to the index's caches.
SEARCHES_ALONE = [
    "Kosova Serbia",
    "qeveria Kurti",
    "Prishtina komuna",
    "ministri tha",
    "zgjedhjet partia",
    "policia arrestoi",
    "ekonomia rritje",
    "shkolla nxënës",
    "spitali mjekët",
    "gjykata vendimi",
    "Kosova OR Shqipëria",
    '"qeveria e Kosovës"',
    "ambasador*",
    "presidentja Osmani",
    "BE dialogu",
]


class LoopProbe:
    """Records the gaps between ticks of a timer on the app's event loop."""

    def __init__(self, app):
        self.gaps: list[tuple[float, float]] = []  # (start, end) of each gap
        self._last = time.perf_counter()
        self._timer = app.set_interval(TICK_SECONDS, self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((self._last, now))
        self._last = now

    def take(self) -> list[tuple[float, float]]:
        gaps, self.gaps = self.gaps, []
        self._last = time.perf_counter()
        return gaps


def lengths(gaps: list[tuple[float, float]]) -> list[float]:
    return [end - start for start, end in gaps]


def overlapping(gaps, spans) -> list[tuple[float, float]]:
    """The gaps that overlap one of the (start, end) spans."""
    return [(a, b) for a, b in gaps if any(a < end and start < b for start, end in spans)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def measure(index_dir: str, query: str, interval: float, idle_seconds: float) -> None:
    timings: list[float] = []
    searching: list[tuple[float, float]] = []  # from each request to its answer
    original = SearchService.search

    def timed_search(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            timings.append(time.perf_counter() - started)
            searching.append((started, time.perf_counter()))

    SearchService.search = timed_search
    shown: list[float] = []
    shown_at: list[float] = []
    original_show = SearchScreen.show_results

    def timed_show(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return original_show(self, *args, **kwargs)
        finally:
            shown.append(time.perf_counter() - started)
            shown_at.append(started)

    SearchScreen.show_results = timed_show
    app = SearchidxApp(index_dir=index_dir, history=QueryHistory(None), language="en")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.5)
            assert isinstance(app.screen, SearchScreen), "no index there"
            box = app.screen.query_one(SearchBox)
            # The search process is up and has its searcher open before the clock starts.
            await asyncio.to_thread(app.searcher.search, SearchRequest("a"))
            timings.clear()
            searching.clear()
            probe = LoopProbe(app)
            await asyncio.sleep(idle_seconds)
            idle_gaps = probe.take()
            key_lags = []
            for position, character in enumerate(query, 1):
                pressed = time.perf_counter()
                # Posted straight to the app, as the terminal driver does: the
                # pilot's press() waits for the whole process to go idle,
                # which it never does while a search thread is working.
                app.post_message(events.Key("space" if character == " " else character, character))
                while len(box.value) < position:
                    await asyncio.sleep(0.001)
                key_lags.append(time.perf_counter() - pressed)
                last_key = pressed
                await asyncio.sleep(interval)
            await asyncio.sleep(DEBOUNCE_SECONDS + 0.1)
            await app.workers.wait_for_complete()
            await pilot.pause(0.3)
            typing_gaps = probe.take()
            status = str(app.screen.query_one("#status").render())
            # Searches alone, no typing: each new query sent as the screen
            # sends it, the next once the answer is drawn. A gap wholly
            # within a search (request sent, answer not yet back) is the
            # search's doing, not drawing's.
            typing_searches, searching[:] = list(searching), []
            last_shown = shown_at[-1]
            alone_timings_from = len(timings)
            for words in SEARCHES_ALONE:
                app.screen.start_search(SearchRequest(words))
                await app.workers.wait_for_complete()
                await pilot.pause(0.05)
            alone_gaps = [gap for gap in probe.take() if any(s <= gap[0] and gap[1] <= e for s, e in searching)]
            alone_timings = timings[alone_timings_from:]
            del timings[alone_timings_from:]
    finally:
        SearchService.search = original
        SearchScreen.show_results = original_show

    with Index.open(index_dir) as index:
        documents = index.document_count()
    print(f"index: {index_dir} ({documents} documents); typed {query!r}, a key every {ms(interval)}")
    print(f"screen: {status}")
    print(
        f"searches run: {len(timings)}; each (with facets, request to answer): median {ms(statistics.median(timings))}, "
        f"max {ms(max(timings))}"
    )
    print(
        f"drawing results and facets (on the screen's thread): median {ms(statistics.median(shown))}, "
        f"max {ms(max(shown))}"
    )
    print(
        f"last key to its results on screen: {ms(last_shown - last_key)} "
        f"(pause before searching {ms(DEBOUNCE_SECONDS)})"
    )
    print(f"key to search box: median {ms(statistics.median(key_lags))}, max {ms(max(key_lags))}")
    report_gaps("event-loop gaps while typing (all)", lengths(typing_gaps))
    # A search's own cost, apart from drawing its answer (which comes after).
    report_gaps("event-loop gaps while a search was running", lengths(overlapping(typing_gaps, typing_searches)))
    print(
        f"searches alone (no typing): {len(alone_timings)}, median {ms(statistics.median(alone_timings))}, "
        f"max {ms(max(alone_timings))}"
    )
    report_gaps("event-loop gaps within those searches", lengths(alone_gaps))
    report_gaps("event-loop gaps idle (baseline, same run)", lengths(idle_gaps))


def report_gaps(label: str, gaps: list[float]) -> None:
    if not gaps:
        print(f"{label}: none")
        return
    print(f"{label}: p95 {ms(percentile(gaps, 0.95))}, max {ms(max(gaps))} ({len(gaps)} ticks)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--query", default="Kryeministri Kurti takoi ambasadorin")
    parser.add_argument("--interval", type=float, default=0.08, help="seconds between keys")
    parser.add_argument("--idle", type=float, default=2.0, help="seconds of idle baseline")
    args = parser.parse_args()
    asyncio.run(measure(args.index, args.query, args.interval, args.idle))


if __name__ == "__main__":
    main()
