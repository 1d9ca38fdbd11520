"""Every word the full-screen app shows, in English and in Albanian.

One `Strings` record per language: a label missing from one language is a
TypeError when this module is imported, not a blank on someone's screen.
The language follows the locale: Albanian when it is `sq…` (`LANG=sq_AL.UTF-8`),
English otherwise.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping


@dataclass(frozen=True)
class Strings:
    language: str

    # Search screen
    search_placeholder: str
    start_hint: str
    searching: str
    results_one: str
    results_many: str  # {total}
    showing: str  # {first}, {last}
    no_results: str  # {query}
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

    # Help
    help_title: str
    help_close: str
    help_keys: tuple[tuple[str, str], ...]  # (keys, what they do)
    help_syntax_title: str
    help_syntax: tuple[tuple[str, str], ...]

    # Key bars: (key, label) pairs shown at the bottom of each screen
    keys_search: tuple[tuple[str, str], ...]
    keys_reader: tuple[tuple[str, str], ...]
    keys_build: tuple[tuple[str, str], ...]

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
    start_hint="Type to search the archive. Press ? for help.",
    searching="searching…",
    results_one="1 result",
    results_many="{total} results",
    showing="{first}–{last} shown",
    no_results="No results for {query}.",
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
    help_title="Keys",
    help_close="esc or ? closes this help",
    help_keys=(
        ("/", "go to the search box, the query kept (ctrl+u clears it)"),
        ("↑ ↓  j k", "move through results, facets, history"),
        ("↑ ↓ in the search box", "earlier and later queries"),
        ("enter", "open the article; on a facet, add it as a filter (a year then shows its months)"),
        ("esc", "back: from an article, facets or the search box"),
        ("f", "go to the facets"),
        ("x / backspace", "remove the last filter"),
        ("s", "sort by relevance or by date"),
        ("n  N", "next / previous match in an article"),
        ("e", "go to the article's named entities"),
        ("O", "open the article's web address in the browser"),
        ("?", "this help"),
        ("q", "quit"),
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
    keys_search=(("/", "search"), ("↑↓", "move"), ("enter", "open"), ("f", "facets"), ("s", "sort"), ("?", "help"), ("q", "quit")),
    keys_reader=(("esc", "back"), ("↑↓", "scroll"), ("n/N", "next/prev match"), ("e", "entities"), ("?", "help"), ("q", "quit")),
    keys_build=(("enter", "build"), ("esc", "quit")),
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
    start_hint="Shkruaj për të kërkuar në arkiv. Shtyp ? për ndihmë.",
    searching="duke kërkuar…",
    results_one="1 rezultat",
    results_many="{total} rezultate",
    showing="{first}–{last} të shfaqura",
    no_results="Asnjë rezultat për {query}.",
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
    help_title="Tastet",
    help_close="esc ose ? e mbyll ndihmën",
    help_keys=(
        ("/", "shko te kutia e kërkimit, kërkimi mbetet (ctrl+u e fshin)"),
        ("↑ ↓  j k", "lëviz nëpër rezultate, faseta, historik"),
        ("↑ ↓ në kutinë e kërkimit", "kërkimet e mëparshme dhe të mëpasshme"),
        ("enter", "hap artikullin; te fasetat, shto vlerën si filtër (një vit tregon pastaj muajt)"),
        ("esc", "prapa: nga artikulli, fasetat ose kutia e kërkimit"),
        ("f", "shko te fasetat"),
        ("x / backspace", "hiq filtrin e fundit"),
        ("s", "rendit sipas përputhjes ose sipas datës"),
        ("n  N", "përputhja tjetër / e mëparshme në artikull"),
        ("e", "shko te emrat që përmend artikulli"),
        ("O", "hap adresën e artikullit në shfletues"),
        ("?", "kjo ndihmë"),
        ("q", "dil"),
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
    keys_search=(("/", "kërko"), ("↑↓", "lëviz"), ("enter", "hap"), ("f", "faseta"), ("s", "rendit"), ("?", "ndihmë"), ("q", "dil")),
    keys_reader=(("esc", "prapa"), ("↑↓", "lëviz"), ("n/N", "përputhjet"), ("e", "emrat"), ("?", "ndihmë"), ("q", "dil")),
    keys_build=(("enter", "ndërto"), ("esc", "dil")),
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
    """"sq" when the locale is Albanian, else "en"."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return "sq" if value.lower().startswith("sq") else "en"
    return "en"


def strings_for(language: str | None = None) -> Strings:
    """The labels of a language ("en", "sq"), by default the locale's."""
    return LANGUAGES.get(language or locale_language(), ENGLISH)
