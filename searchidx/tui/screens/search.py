"""The search screen: search box, filter chips, results and facets.

It opens on the whole archive, newest first, with its facets (as Kibana's
Discover does): an empty box browses, by the chosen filters if any.

Queries go to the app's search process (search_service.py) after a short
pause in typing, from a thread worker that waits for the answer; one is in
flight at a time, each request carries a number, a request that went stale
while waiting is dropped unsent and an answer to an older number is
dropped unshown. So typing is never held up by a slow query (the search
holds another process's GIL, not the screen's) and the screen never shows
stale results. Articles for the reading view, and the reasons a search
found nothing, are fetched the same way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.worker import get_current_worker

from searchidx.errors import QuerySyntaxError, SearchidxError
from searchidx.query.filters import Filter
from searchidx.results.nothing_found import NothingFound
from searchidx.results.reading import Article
from searchidx.results.search import Hit, SearchResults
from searchidx.tui.external import Target, copy_path, open_in
from searchidx.tui.history import QueryHistory
from searchidx.tui.screens.reader import EntityChoice, ReaderScreen, open_in_browser
from searchidx.tui.search_request import DATE, RELEVANCE, SearchRequest
from searchidx.tui.search_service import LocalSearch, SearchService
from searchidx.tui.strings import Strings
from searchidx.tui.widgets.chip import Chip
from searchidx.tui.widgets.facet_panel import FacetPanel
from searchidx.tui.widgets.filter_chips import FilterChips
from searchidx.tui.widgets.key_bar import KeyBar
from searchidx.tui.widgets.results_list import ResultsList
from searchidx.tui.widgets.search_box import SearchBox

DEBOUNCE_SECONDS = 0.15
# A query slower than this shows that it is working.
BUSY_AFTER_SECONDS = 0.2
# Below this width the facets take the results' place when focused.
NARROW_WIDTH = 100
# From this width the facets get more room for long names and bars.
WIDE_WIDTH = 160


class SearchScreen(Screen[None]):
    BINDINGS = [
        Binding("slash", "focus_search", show=False),
        Binding("escape", "back", show=False),
        Binding("f", "focus_facets", show=False),
        Binding("s", "toggle_sort", show=False),
        Binding("x,backspace", "remove_last_filter", show=False),
        Binding("ctrl+y", "accept_suggestion", show=False),
        Binding("o", "open", show=False),
        Binding("e", "open(True)", show=False),
        Binding("y", "copy_path", show=False),
        Binding("O", "open_url", show=False),
    ]

    def __init__(self, searcher: LocalSearch | SearchService, strings: Strings, history: QueryHistory, query: str = ""):
        super().__init__()
        self.searcher = searcher
        self.strings = strings
        self.history = history
        self.initial_query = query
        self.request = SearchRequest()
        self.generation = 0  # number of the newest request sent
        self.page = 1
        self.results: SearchResults | None = None  # the first page of the current request
        self.suggestion: str | None = None
        self._debounce: Timer | None = None
        self._busy: Timer | None = None
        self._search_lock = threading.Lock()

    def compose(self) -> ComposeResult:
        yield SearchBox(self.history, self.strings.search_placeholder, id="query")
        yield FilterChips(self.strings, id="chips")
        yield Static(id="status")
        with Horizontal(id="main"):
            yield ResultsList(self.strings, id="results")
            yield FacetPanel(self.strings, id="facets")
        yield KeyBar(self.strings.keys_box, id="keys")

    def on_mount(self) -> None:
        self.query_one(FilterChips).display = False
        box = self.query_one(SearchBox)
        box.focus()
        if self.initial_query:
            box.value = self.initial_query
            box.cursor_position = len(box.value)
        else:
            self.start_search(self.request)  # the whole archive, newest first

    # Typing and searching

    @on(Input.Changed, "#query")
    def query_changed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        request = self.request.with_query(event.value)
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, lambda: self.start_search(request))

    @on(Input.Submitted, "#query")
    def query_submitted(self, event: Input.Submitted) -> None:
        self.history.add(event.value)
        if self._debounce is not None:
            self._debounce.stop()
        request = self.request.with_query(event.value)
        if request != self.request:
            self.start_search(request)
        self.query_one(ResultsList).focus()

    def start_search(self, request: SearchRequest) -> None:
        """Sends a request; the answer to any earlier one will be ignored."""
        self.request = request
        self.generation += 1
        self.page = 1
        self.query_one(FilterChips).show_filters(request.filters)
        if self._busy is None:
            self._busy = self.set_timer(BUSY_AFTER_SECONDS, self._show_busy)
        self.search_worker(request, self.generation)

    @work(thread=True, exclusive=True, group="search")
    def search_worker(self, request: SearchRequest, generation: int) -> None:
        results: SearchResults | None = None
        error: Exception | None = None
        nothing: NothingFound | None = None
        # One search at a time (the search process answers in turn): a
        # request that went stale while waiting is dropped unsent, so after
        # a burst of typing only the search in progress and the newest run.
        with self._search_lock:
            if generation != self.generation or get_current_worker().is_cancelled:
                return
            try:
                results = self.searcher.search(request, page=1)
                if not results.total:
                    nothing = self.searcher.explain(request)
            except SearchidxError as raised:
                error = raised
            except Exception as raised:  # noqa: BLE001 - a bug must not take the screen down
                error = raised
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_results, generation, results, error, nothing)

    def show_results(
        self,
        generation: int,
        results: SearchResults | None,
        error: Exception | None,
        nothing: NothingFound | None = None,
    ) -> None:
        if generation != self.generation:
            return  # an answer to an older request
        self._stop_busy()
        status = self.query_one("#status", Static)
        results_list = self.query_one(ResultsList)
        if error is not None:
            # Keep the last good results: a half-typed query (an open quote)
            # should not blank the screen.
            template = self.strings.query_error if isinstance(error, QuerySyntaxError) else self.strings.search_failed
            status.update(Text(template.format(message=error), style="bold red"))
            return
        assert results is not None  # no error: an answer
        self.results = results
        self.suggestion = results.suggestion
        self.query_one(FacetPanel).show_facets(results.facets)
        if results.total:
            results_list.show_results(results)
        else:
            results_list.show_message(self._no_results_text(results, nothing))
        status.update(self._status_text())
        self._show_keys()

    def _count(self, total: int, browsing: bool) -> str:
        if browsing:
            return self.strings.articles_one if total == 1 else self.strings.articles_many.format(total=total)
        return self.strings.results_one if total == 1 else self.strings.results_many.format(total=total)

    def _no_results_text(self, results: SearchResults, nothing: NothingFound | None) -> Text:
        """No results, and why: what each filter took away, what the archive holds."""
        strings = self.strings
        if results.query.strip():
            text = Text(strings.no_results.format(query=results.query), style="bold")
        else:
            text = Text(strings.no_articles, style="bold")
        if self.suggestion:
            text.append("\n")
            text.append(strings.did_you_mean.format(suggestion=self.suggestion), style="italic")
        if nothing is not None:
            for effect in nothing.effects:
                text.append("\n")
                count = self._count(effect.without, browsing=False)
                text.append(strings.without_filter.format(filter=effect.filter, count=count))
            text.append("\n")
            if not nothing.documents:
                holds = strings.archive_empty
            elif nothing.undated:
                holds = strings.archive_holds_undated.format(
                    documents=nothing.documents,
                    first=nothing.first_date,
                    last=nothing.last_date,
                    undated=nothing.undated,
                )
            else:
                holds = strings.archive_holds.format(
                    documents=nothing.documents, first=nothing.first_date, last=nothing.last_date
                )
            text.append(holds, style="dim")
        return text

    def _status_text(self) -> Text:
        """`36 results · 3 of 36 · by relevance`, or `53 articles · 2015–2025 · newest first`."""
        results = self.results
        if results is None:
            return Text("")
        browsing = self.request.is_browsing
        text = Text(self._count(results.total, browsing), style="bold")
        highlighted = self.query_one(ResultsList).highlighted
        if results.total and highlighted is not None:
            position = self.strings.position.format(current=highlighted + 1, total=results.total)
            text.append(f"  ·  {position}")
        dates = results.facets.date if results.facets is not None else None
        if browsing and dates is not None and dates.years:
            span = self.strings.archive_span.format(first=dates.years[0].value, last=dates.years[-1].value)
            text.append(f"  ·  {span}", style="dim")
        if browsing:
            order = self.strings.sort_newest
        else:
            order = self.strings.sort_date if self.request.sort == DATE else self.strings.sort_relevance
        text.append(f"  ·  {order}", style="dim")
        if self.suggestion and results.total:
            text.append("  ·  ")
            text.append(self.strings.did_you_mean.format(suggestion=self.suggestion), style="italic")
        return text

    @on(OptionList.OptionHighlighted, "#results")
    def result_highlighted(self) -> None:
        self.query_one("#status", Static).update(self._status_text())
        self._show_keys()

    def _show_busy(self) -> None:
        self._busy = None
        self.query_one("#status", Static).update(Text(self.strings.searching, style="italic"))
        self.query_one(ResultsList).add_class("busy")

    def _stop_busy(self) -> None:
        if self._busy is not None:
            self._busy.stop()
            self._busy = None
        self.query_one(ResultsList).remove_class("busy")

    # Endless scrolling

    @on(ResultsList.NeedMore)
    def load_more(self) -> None:
        self.more_worker(self.request, self.generation, self.page + 1)

    @work(thread=True, group="more")
    def more_worker(self, request: SearchRequest, generation: int, page: int) -> None:
        with self._search_lock:
            if generation != self.generation:
                return
            try:
                results = self.searcher.search(request, page=page, facets=False)
            except SearchidxError:
                return
        self.app.call_from_thread(self.append_results, generation, page, results)

    def append_results(self, generation: int, page: int, results: SearchResults) -> None:
        if generation == self.generation and page == self.page + 1:
            self.page = page
            self.query_one(ResultsList).append_results(results)

    # Reading

    @on(OptionList.OptionSelected, "#results")
    def open_hit(self, event: OptionList.OptionSelected) -> None:
        hit = self.query_one(ResultsList).selected_hit
        if hit is None:
            return
        self.history.add(self.request.query)
        self.article_worker(hit, self.request.query, self.show_article)

    @work(thread=True, exclusive=True, group="article")
    def article_worker(self, hit: Hit, query: str, then: Callable) -> None:
        with self._search_lock:
            try:
                # By key, unique; the relative path alone may name a file in
                # each of several indexed folders.
                article, error = self.searcher.article(hit.key or hit.path, query), None
            except SearchidxError as raised:
                article, error = None, raised
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(then, hit, article, error)

    def show_article(self, hit: Hit, article: Article | None, error: Exception | None) -> None:
        if error is not None:
            self.query_one("#status", Static).update(
                Text(self.strings.search_failed.format(message=error), style="bold red")
            )
            return
        if self.app.screen is self:  # not if the user has gone on (help, quit)
            self.app.push_screen(ReaderScreen(article, hit.path, self.strings, file=hit.file), self.filter_by_name)

    def filter_by_name(self, choice: EntityChoice | None) -> None:
        """A name chosen in the reading view narrows the results as its facet
        would: its filter is added (`vend:Kosova`), the query kept."""
        if choice is None:
            return
        self.start_search(self.request.with_filter(Filter(choice.kind, choice.name)))
        self.query_one(ResultsList).focus()

    # Handing the highlighted article to other programs

    def _with_target(self, then: Callable[[Target], None]) -> None:
        hit = self.query_one(ResultsList).selected_hit
        if hit is None:
            return
        if hit.record is None:
            then(Target(hit.file))
            return

        def opened(hit: Hit, article: Article | None, error: Exception | None) -> None:
            # A record of an export is not a file of its own: the pager gets its text.
            text = f"{article.title}\n\n{article.body}\n" if article is not None else None
            then(Target(hit.file, text))

        self.article_worker(hit, "", opened)

    def action_open(self, editor: bool = False) -> None:
        """`o`: the highlighted article in $PAGER; `e`: in $EDITOR."""
        self._with_target(lambda target: open_in(self.app, target, self.strings, editor=editor))

    def action_copy_path(self) -> None:
        self._with_target(lambda target: copy_path(self.app, target, self.strings))

    def action_open_url(self) -> None:
        """Opens the highlighted result's URL in the browser (`O`)."""
        hit = self.query_one(ResultsList).selected_hit
        if hit is None:
            return
        if not hit.url:
            self.notify(self.strings.no_url, severity="warning")
            return
        open_in_browser(hit.url, self.notify, self.strings)

    # Filters

    @on(FacetPanel.Chosen)
    def facet_chosen(self, event: FacetPanel.Chosen) -> None:
        self.start_search(self.request.with_filter(event.filter))

    @on(FilterChips.Removed)
    def filter_removed(self, event: FilterChips.Removed) -> None:
        self.start_search(self.request.without_filter(event.choice))
        self.query_one(ResultsList).focus()

    def action_remove_last_filter(self) -> None:
        if self.request.filters:
            self.start_search(self.request.without_filter(self.request.filters[-1]))

    # Keys

    def _show_keys(self) -> None:
        """The key bar offers what works in the pane in use."""
        strings, focused = self.strings, self.focused
        if isinstance(focused, SearchBox):
            keys = strings.keys_box
            if self.suggestion:
                keys = keys[:2] + (strings.key_suggestion,) + keys[2:]
        elif isinstance(focused, FacetPanel):
            keys = strings.keys_facets
        elif isinstance(focused, Chip):
            keys = strings.keys_chips
        else:
            keys = strings.keys_results
            hit = self.query_one(ResultsList).selected_hit
            if hit is None:  # nothing to read, open or copy
                keys = tuple(key for key in keys if key[0] not in ("enter", "o", "e", "y"))
            elif hit.url:
                keys = keys[:-2] + (strings.key_web,) + keys[-2:]
        self.query_one(KeyBar).show(keys)

    def action_focus_search(self) -> None:
        self.query_one(SearchBox).focus_at_end()

    def action_focus_facets(self) -> None:
        self.add_class("show-facets")
        self.query_one(FacetPanel).focus()

    def action_back(self) -> None:
        results = self.query_one(ResultsList)
        if self.focused is results:
            self.query_one(SearchBox).focus_at_end()
        else:
            self.remove_class("show-facets")
            results.focus()

    def on_descendant_focus(self) -> None:
        # In a narrow terminal the facets replace the results while in use.
        if not isinstance(self.focused, FacetPanel):
            self.remove_class("show-facets")
        self._show_keys()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW_WIDTH, "narrow")
        self.set_class(self.size.width >= WIDE_WIDTH, "wide")

    def action_toggle_sort(self) -> None:
        self.start_search(self.request.with_sort(RELEVANCE if self.request.sort == DATE else DATE))

    def action_accept_suggestion(self) -> None:
        if self.suggestion:
            box = self.query_one(SearchBox)
            box.value = self.suggestion
            box.cursor_position = len(box.value)
