"""Every word the full-screen app shows, in English and in Albanian.

One `Strings` record per language: a label missing from one language is a
TypeError when this module is imported, not a blank on someone's screen.
The language follows the locale: Albanian when it is `sq…` (`LANG=sq_AL.UTF-8`),
English otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Strings:
    language: str

    # Search screen
    search_placeholder: str
    searching: str
    results_one: str
    results_many: str  # {total}
    articles_one: str  # browsing: the whole archive, or by filters alone
    articles_many: str  # {total}
    archive_span: str  # {first}, {last}: the years of the dated articles shown
    position: str  # {current}, {total}: the highlighted result
    sort_newest: str
    showing: str  # {first}, {last}
    no_results: str  # {query}
    no_articles: str  # browsing by filters that allow none
    without_filter: str  # {filter}, {count} ("3 results")
    archive_holds: str  # {documents}, {first}, {last}
    archive_holds_undated: str  # {documents}, {first}, {last}, {undated}
    archive_empty: str
    did_you_mean: str  # {suggestion}
    query_error: str  # {message}
    search_failed: str  # {message}
    undated: str
    sort_relevance: str
    sort_date: str
    load_more: str  # {count}

    # Facets and filters
    facets_title: str
    facet_dates: str
    facet_person: str
    facet_place: str
    facet_org: str
    facets_unavailable: str
    facets_empty: str
    filters_label: str
    chip_remove_hint: str

    # Reading view
    match_position: str  # {current}, {total}
    no_matches: str
    entities_label: str
    article_missing: str  # {path}
    no_url: str
    url_not_web: str  # {url}
    url_opened: str  # {url}
    url_no_browser: str  # {url}
    copied: str  # {path}
    cannot_hand_over: str  # {program}: the terminal cannot be lent to it
    program_failed: str  # {message}

    # Help
    help_title: str
    help_close: str
    help_keys: tuple[tuple[str, str], ...]  # (keys, what they do)
    help_syntax_title: str
    help_syntax: tuple[tuple[str, str], ...]

    # Key bars: (key, label) pairs shown at the bottom, for the pane in use.
    # While the search box has the focus only keys that type nothing.
    keys_box: tuple[tuple[str, str], ...]
    keys_results: tuple[tuple[str, str], ...]
    keys_facets: tuple[tuple[str, str], ...]
    keys_chips: tuple[tuple[str, str], ...]
    keys_reader: tuple[tuple[str, str], ...]
    keys_names: tuple[tuple[str, str], ...]
    keys_build: tuple[tuple[str, str], ...]
    key_suggestion: tuple[str, str]  # shown while there is a "did you mean"
    key_web: tuple[str, str]  # shown for an article with a web address

    # Building an index
    build_title: str
    build_no_index: str  # {path}
    build_old_index: str  # {message}
    build_folder_label: str
    build_button: str
    build_progress: str  # {done}, {total}
    build_starting: str
    build_not_a_folder: str  # {folder}
    build_failed: str  # {message}
    build_done: str  # {count}, {skipped}


ENGLISH = Strings(
    language="en",
    search_placeholder='Search: words, "a phrase", AND OR NOT ( ), prefix*, data:2023',
    searching="searching…",
    results_one="1 result",
    results_many="{total} results",
    articles_one="1 article",
    articles_many="{total} articles",
    archive_span="{first}–{last}",
    position="{current} of {total}",
    sort_newest="newest first",
    showing="{first}–{last} shown",
    no_results="No results for {query}.",
    no_articles="No articles with these filters.",
    without_filter="Without {filter}: {count}",
    archive_holds="The archive holds {documents} articles, dated {first} to {last}.",
    archive_holds_undated="The archive holds {documents} articles, dated {first} to {last}, and {undated} undated.",
    archive_empty="The archive is empty.",
    did_you_mean="Did you mean {suggestion}? (ctrl+y)",
    query_error="Query error: {message}",
    search_failed="Search failed: {message}",
    undated="undated",
    sort_relevance="by relevance",
    sort_date="by date",
    load_more="{count} more…",
    facets_title="Narrow down",
    facet_dates="Dates",
    facet_person="People",
    facet_place="Places",
    facet_org="Organisations",
    facets_unavailable="Facets are not available in this version of the index.",
    facets_empty="nothing to narrow",
    filters_label="Filters:",
    chip_remove_hint="select a filter to remove it",
    match_position="match {current} of {total}",
    no_matches="no matches in the text",
    entities_label="Named:",
    article_missing="{path} is no longer in the index.",
    no_url="this article has no web address",
    url_not_web="not a web address, not opened: {url}",
    url_opened="opened {url}",
    url_no_browser="no browser to open {url}",
    copied="copied {path}",
    cannot_hand_over="this terminal cannot be handed over to {program}",
    program_failed="{message}",
    help_title="Keys",
    help_close="esc or ? closes this help",
    help_keys=(
        ("/", "go to the search box, the query kept and the cursor at its end"),
        (
            "enter",
            "in the box: go to the results; on a result: read it; on a facet: filter by it; on a chip: remove it",
        ),
        ("tab  shift+tab", "next / previous pane: the box, the chips, the results, the facets; an article's names"),
        ("↑ ↓  j k", "move through the results and the facets; scroll an article"),
        ("home end  pgup pgdn", "the first / last result, a page at a time"),
        ("↑ ↓ in the box", "earlier and later queries (kept between sessions)"),
        ("ctrl+u", "in the box: clear the query (back to the whole archive)"),
        ("ctrl+y", 'take the "did you mean" suggestion'),
        ("esc", "back: from an article to the results, from the facets or results to the box"),
        ("f", "go to the facets"),
        ("x  backspace", "remove the last filter"),
        ("s", "sort by relevance or newest first"),
        ("o", "open the article in $PAGER"),
        ("e", "open the article in $EDITOR"),
        ("y", "copy the article's path"),
        ("O", "open the article's web address in the browser"),
        ("n  N  p", "in an article: the next / previous match"),
        ("space", "in an article: a page down"),
        ("← →  h l", "move along the filter chips or an article's names"),
        ("?  f1", "this help"),
        ("q  ctrl+c", "quit"),
    ),
    help_syntax_title="Query syntax",
    help_syntax=(
        ("Kina Rusia", "either word; articles with both rank higher"),
        ('"Brezi dhe Rruga"', "the exact phrase"),
        ("Kina AND Rusia", "both words (also DHE)"),
        ("Kina OR Rusia", "either word (also OSE)"),
        ("Kina NOT Rusia  -Rusia", "the first without the second (also JO)"),
        ("+Kina Rusia", "Kina required, Rusia optional"),
        ("(Kina OR Rusia) AND Putin", "group with parentheses"),
        ("Kin*", "words starting with Kin"),
        ("data:2023-10  data:2022..2023", "only articles of a date or period"),
        ('vend:Kina  person:"Vladimir Putin"  org:OKB', "only articles naming a place, person, organisation"),
    ),
    keys_box=(
        ("enter", "results"),
        ("↑↓", "history"),
        ("tab", "next pane"),
        ("ctrl+u", "clear"),
        ("f1", "help"),
        ("ctrl+c", "quit"),
    ),
    keys_results=(
        ("enter", "read"),
        ("/", "search"),
        ("f", "facets"),
        ("s", "sort"),
        ("o", "pager"),
        ("e", "editor"),
        ("y", "copy path"),
        ("?", "help"),
        ("q", "quit"),
    ),
    keys_facets=(
        ("↑↓", "move"),
        ("enter", "filter"),
        ("esc", "results"),
        ("/", "search"),
        ("?", "help"),
        ("q", "quit"),
    ),
    keys_chips=(("←→", "move"), ("enter", "remove"), ("esc", "results"), ("/", "search"), ("?", "help"), ("q", "quit")),
    keys_reader=(
        ("esc", "back"),
        ("n/N", "match"),
        ("tab", "names"),
        ("o", "pager"),
        ("e", "editor"),
        ("y", "copy path"),
        ("?", "help"),
        ("q", "quit"),
    ),
    keys_names=(("←→", "move"), ("enter", "filter by it"), ("esc", "text"), ("?", "help"), ("q", "quit")),
    keys_build=(("enter", "build"), ("esc", "quit")),
    key_suggestion=("ctrl+y", "suggestion"),
    key_web=("O", "web"),
    build_title="No index yet",
    build_no_index="There is no index at {path}. Build one from a folder of articles (.txt, .html, .jsonl, .csv…):",
    build_old_index="{message}. Rebuild it from a folder of articles (.txt, .html, .jsonl, .csv…):",
    build_folder_label="Folder",
    build_button="Build the index",
    build_progress="{done} of {total} files",
    build_starting="reading the folder…",
    build_not_a_folder="{folder} is not a folder.",
    build_failed="Indexing failed: {message}",
    build_done="{count} articles indexed, {skipped} files skipped.",
)

ALBANIAN = Strings(
    language="sq",
    search_placeholder='Kërko: fjalë, "një frazë", DHE OSE JO ( ), parashtesë*, vend:Kina',
    searching="duke kërkuar…",
    results_one="1 rezultat",
    results_many="{total} rezultate",
    articles_one="1 artikull",
    articles_many="{total} artikuj",
    archive_span="{first}–{last}",
    position="{current} nga {total}",
    sort_newest="më të rejat së pari",
    showing="{first}–{last} të shfaqura",
    no_results="Asnjë rezultat për {query}.",
    no_articles="Asnjë artikull me këta filtra.",
    without_filter="Pa {filter}: {count}",
    archive_holds="Arkivi ka {documents} artikuj, me data nga {first} deri më {last}.",
    archive_holds_undated="Arkivi ka {documents} artikuj, me data nga {first} deri më {last}, dhe {undated} pa datë.",
    archive_empty="Arkivi është bosh.",
    did_you_mean="Mos doje të thoje {suggestion}? (ctrl+y)",
    query_error="Gabim në kërkesë: {message}",
    search_failed="Kërkimi dështoi: {message}",
    undated="pa datë",
    sort_relevance="sipas përputhjes",
    sort_date="sipas datës",
    load_more="edhe {count}…",
    facets_title="Ngushto",
    facet_dates="Datat",
    facet_person="Njerëz",
    facet_place="Vende",
    facet_org="Organizata",
    facets_unavailable="Ky version i indeksit nuk ka faseta.",
    facets_empty="asgjë për të ngushtuar",
    filters_label="Filtrat:",
    chip_remove_hint="zgjidh një filtër për ta hequr",
    match_position="përputhja {current} nga {total}",
    no_matches="asnjë përputhje në tekst",
    entities_label="Përmenden:",
    article_missing="{path} nuk është më në indeks.",
    no_url="ky artikull nuk ka adresë interneti",
    url_not_web="nuk është adresë interneti, nuk u hap: {url}",
    url_opened="u hap {url}",
    url_no_browser="nuk ka shfletues për të hapur {url}",
    copied="u kopjua {path}",
    cannot_hand_over="ky terminal nuk mund t'i jepet {program}",
    program_failed="{message}",
    help_title="Tastet",
    help_close="esc ose ? e mbyll ndihmën",
    help_keys=(
        ("/", "shko te kutia e kërkimit, kërkimi mbetet dhe kursori në fund"),
        ("enter", "te kutia: shko te rezultatet; te një rezultat: lexoje; te një fasetë: filtro; te një filtër: hiqe"),
        ("tab  shift+tab", "paneli tjetër / i mëparshëm: kutia, filtrat, rezultatet, fasetat; emrat e artikullit"),
        ("↑ ↓  j k", "lëviz nëpër rezultate dhe faseta; lëviz artikullin"),
        ("home end  pgup pgdn", "rezultati i parë / i fundit, një faqe në një herë"),
        ("↑ ↓ te kutia", "kërkimet e mëparshme dhe të mëpasshme (ruhen mes seancave)"),
        ("ctrl+u", "te kutia: fshi kërkimin (kthehu te i gjithë arkivi)"),
        ("ctrl+y", 'merr sugjerimin "mos doje të thoje"'),
        ("esc", "prapa: nga artikulli te rezultatet, nga fasetat ose rezultatet te kutia"),
        ("f", "shko te fasetat"),
        ("x  backspace", "hiq filtrin e fundit"),
        ("s", "rendit sipas përputhjes ose më të rejat së pari"),
        ("o", "hap artikullin në $PAGER"),
        ("e", "hap artikullin në $EDITOR"),
        ("y", "kopjo shtegun e artikullit"),
        ("O", "hap adresën e artikullit në shfletues"),
        ("n  N  p", "në artikull: përputhja tjetër / e mëparshme"),
        ("space", "në artikull: një faqe poshtë"),
        ("← →  h l", "lëviz nëpër filtrat ose emrat e artikullit"),
        ("?  f1", "kjo ndihmë"),
        ("q  ctrl+c", "dil"),
    ),
    help_syntax_title="Sintaksa e kërkimit",
    help_syntax=(
        ("Kina Rusia", "njëra nga fjalët; artikujt me të dyja dalin më lart"),
        ('"Brezi dhe Rruga"', "fraza e saktë"),
        ("Kina DHE Rusia", "të dyja fjalët (edhe AND)"),
        ("Kina OSE Rusia", "njëra nga fjalët (edhe OR)"),
        ("Kina JO Rusia  -Rusia", "e para pa të dytën (edhe NOT)"),
        ("+Kina Rusia", "Kina patjetër, Rusia jo domosdo"),
        ("(Kina OSE Rusia) DHE Putin", "grupo me kllapa"),
        ("Kin*", "fjalë që fillojnë me Kin"),
        ("data:2023-10  data:2022..2023", "vetëm artikujt e një date a periudhe"),
        ('vend:Kina  person:"Vladimir Putin"  org:OKB', "vetëm artikujt që përmendin një vend, person, organizatë"),
    ),
    keys_box=(
        ("enter", "rezultatet"),
        ("↑↓", "historiku"),
        ("tab", "paneli tjetër"),
        ("ctrl+u", "fshi"),
        ("f1", "ndihmë"),
        ("ctrl+c", "dil"),
    ),
    keys_results=(
        ("enter", "lexo"),
        ("/", "kërko"),
        ("f", "faseta"),
        ("s", "rendit"),
        ("o", "shfaq"),
        ("e", "redakto"),
        ("y", "kopjo shtegun"),
        ("?", "ndihmë"),
        ("q", "dil"),
    ),
    keys_facets=(
        ("↑↓", "lëviz"),
        ("enter", "filtro"),
        ("esc", "rezultatet"),
        ("/", "kërko"),
        ("?", "ndihmë"),
        ("q", "dil"),
    ),
    keys_chips=(
        ("←→", "lëviz"),
        ("enter", "hiqe"),
        ("esc", "rezultatet"),
        ("/", "kërko"),
        ("?", "ndihmë"),
        ("q", "dil"),
    ),
    keys_reader=(
        ("esc", "prapa"),
        ("n/N", "përputhjet"),
        ("tab", "emrat"),
        ("o", "shfaq"),
        ("e", "redakto"),
        ("y", "kopjo shtegun"),
        ("?", "ndihmë"),
        ("q", "dil"),
    ),
    keys_names=(("←→", "lëviz"), ("enter", "filtro"), ("esc", "teksti"), ("?", "ndihmë"), ("q", "dil")),
    keys_build=(("enter", "ndërto"), ("esc", "dil")),
    key_suggestion=("ctrl+y", "sugjerimi"),
    key_web=("O", "web"),
    build_title="Ende nuk ka indeks",
    build_no_index="Nuk ka indeks në {path}. Ndërtoje nga një dosje me artikuj (.txt, .html, .jsonl, .csv…):",
    build_old_index="{message}. Rindërtoje nga një dosje me artikuj (.txt, .html, .jsonl, .csv…):",
    build_folder_label="Dosja",
    build_button="Ndërto indeksin",
    build_progress="{done} nga {total} skedarë",
    build_starting="duke lexuar dosjen…",
    build_not_a_folder="{folder} nuk është dosje.",
    build_failed="Indeksimi dështoi: {message}",
    build_done="{count} artikuj të indeksuar, {skipped} skedarë të anashkaluar.",
)

LANGUAGES = {strings.language: strings for strings in (ENGLISH, ALBANIAN)}
# POSIX order of precedence for the language of messages.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def locale_language(environ: Mapping[str, str] = os.environ) -> str:
    """ "sq" when the locale is Albanian, else "en"."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return "sq" if value.lower().startswith("sq") else "en"
    return "en"


def strings_for(language: str | None = None) -> Strings:
    """The labels of a language ("en", "sq"), by default the locale's."""
    return LANGUAGES.get(language or locale_language(), ENGLISH)
