"""Boilerplate names (source signatures, share and embed lines) and one
facet value per entity, in the index (searchidx.index.entities)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from analyzers.entities.positions import edge_regions, in_regions
from searchidx.api import Index
from searchidx.cli import app
from searchidx.index.entities import entity_fields, one_name_per_entity, spelling_key

runner = CliRunner()

STORY = (
    " date 2020-08-2{day} Kryeministri Avdullah Hoti takoi sot në Prishtinë ambasadorin e Gjermanisë "
    "për të biseduar për ekonominë, tha zëdhënësi i qeverisë në një deklaratë për mediat. /Portali.net/"
)


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_a_signature_a_short_line_and_a_tail_are_edges_the_story_is_not():
    text = (
        "Kurti foli sot në Prishtinë për Portali.net dhe për zgjedhjet e ardhshme në vend.\n\n"
        "View this post on Instagram\n\n"
        "Ai shtoi se zgjedhjet do të mbahen në kohë, sipas ligjit në fuqi të vendit. /Portali.net/"
    )
    regions = edge_regions(text)
    first = text.index("Portali.net")
    last = text.rindex("Portali.net")
    assert not in_regions(regions, first, first + 11)
    assert in_regions(regions, last, last + 11)
    insta = text.index("Instagram")
    assert in_regions(regions, insta, insta + 9)
    # an article of short lines only has no story to tell them from
    assert edge_regions("Kosova fitoi.\n\nShqipëria humbi.") == []


def test_a_credit_closing_a_sentence_is_an_edge_one_inside_it_is_not():
    text = (
        "Kina raportoi sot rritje të rasteve të reja, raporton Reuters, transmeton lajmi.net.\n\n"
        "Ai tha se zgjedhjet do të mbahen në kohë, sipas ligjit në fuqi, transmeton Telegrafi dhe shton se vendi është gati."
    )
    regions = edge_regions(text)
    site, source, outlet = (text.index(w) for w in ("lajmi.net", "Reuters", "Telegrafi"))
    assert in_regions(regions, site, site + 9)
    assert not in_regions(regions, source, source + 7)  # a source cited in the sentence is story
    assert not in_regions(regions, outlet, outlet + 9)


def test_entity_fields_record_the_names_found_only_at_the_edges():
    fields = entity_fields(STORY.format(day=3))
    assert "Portali.net" in fields["org"]
    assert fields["edge"] == ["org:Portali.net"]


def test_a_folders_signature_leaves_its_facets_filters_and_hits(make_corpus, index_dir):
    files = {f"{day}.txt": STORY.format(day=day) for day in range(3, 8)}
    # a story about the outlet still counts it
    files["about.txt"] = (
        " date 2020-08-29 Portali.net fitoi sot çmimin e gazetarisë në Prishtinë për një seri artikujsh "
        "mbi ekonominë e vendit, njoftoi juria. /Portali.net/"
    )
    folder = make_corpus(files)
    assert invoke("index", folder, "--index", index_dir).exit_code == 0
    with Index.open(index_dir) as index:
        results = index.search("", filters=["data:2020"], facets=True, limit=10)
        orgs = {v.value: v.count for v in results.facets.entities["org"]}
        assert orgs == {"Portali.net": 1}
        assert [h.path for h in index.search("", filters=["org:Portali.net"]).hits] == ["about.txt"]
        hits = {h.path: h.entities["org"] for h in results.hits}
        assert hits["3.txt"] == [] and hits["about.txt"] == ["Portali.net"]
        stats = index.stats()
    assert [(s["name"], s["type"], s["articles"]) for s in stats.signatures] == [("Portali.net", "org", 5)]
    shown = invoke("stats", "--index", index_dir)
    assert "signature" in shown.stdout and "Portali.net (org) in 5 of 6 articles" in shown.stdout
    counted = json.loads(invoke("entities", "--index", index_dir, "--json", "--type", "org").stdout)
    assert [(e["name"], e["documents"]) for e in counted] == [("Portali.net", 1)]


def test_signatures_follow_the_folder_as_it_grows(make_corpus, index_dir):
    # two articles signed: too few to call it boilerplate; five: a signature,
    # the two older articles included, with no re-indexing of them
    files = {f"{day}.txt": STORY.format(day=day) for day in range(3, 5)}
    folder = make_corpus(files)
    invoke("index", folder, "--index", index_dir)
    with Index.open(index_dir) as index:
        assert index.stats().signatures == []
        assert index.search("", filters=["org:Portali.net"]).total == 2
    for day in range(5, 8):
        (folder / f"{day}.txt").write_text(STORY.format(day=day), encoding="utf-8")
    summary = json.loads(invoke("index", folder, "--index", index_dir, "--json").stdout)
    assert (summary["added"], summary["unchanged"]) == (3, 2)
    with Index.open(index_dir) as index:
        assert index.search("", filters=["org:Portali.net"]).total == 0
        assert index.stats().signatures[0]["articles"] == 5


def test_an_alias_filter_finds_every_article_of_the_entity(make_corpus, index_dir):
    folder = make_corpus(
        {
            "a.txt": " date 2020-08-24 Delegacioni i SHBA-së arriti sot në Prishtinë.",
            "b.txt": " date 2020-08-25 Shtetet e Bashkuara të Amerikës ndihmuan Kosovën.",
            "c.txt": " date 2020-08-26 Ambasadori i Shteteve të Bashkuara foli në Kuvend.",
            "d.txt": " date 2020-08-27 Presidentja e Republikës së Kosovës foli sot me ministrat.",
        }
    )
    invoke("index", folder, "--index", index_dir)
    with Index.open(index_dir) as index:
        places = {
            v.value: v.count for v in index.search("", filters=["data:2020"], facets=True).facets.entities["place"]
        }
        assert places["Shtetet e Bashkuara"] == 3 and "SHBA" not in places
        usa = {h.path for h in index.search("", filters=['vend:"Shtetet e Bashkuara"']).hits}
        assert usa == {"a.txt", "b.txt", "c.txt"}
        assert {h.path for h in index.search("", filters=["vend:SHBA"]).hits} == usa
        assert {h.path for h in index.search("", filters=["vend:Kosova"]).hits} == {"b.txt", "d.txt"}
        assert {h.path for h in index.search("", filters=['vend:"Republika e Kosovës"']).hits} == {"b.txt", "d.txt"}


def test_spellings_of_one_name_are_one_value():
    assert spelling_key("Aleksandar Vučić") == spelling_key("Aleksandar Vuçiq") == spelling_key("Aleksandar Vucic")
    names = {"Aleksandar Vučić": [1, 2, 3], "Aleksandar Vucic": [4], "Trumpi": [5], "Trump": [6]}
    assert one_name_per_entity(names) == {
        "Aleksandar Vučić": "Aleksandar Vučić",
        "Aleksandar Vucic": "Aleksandar Vučić",
        "Trumpi": "Trump",
        "Trump": "Trump",
    }


def _edge_test_texts() -> list[str]:
    """Texts with every kind of edge: corpus/, lajmi where present, and
    odd lines (credits near and far from a line's end, slashes, short lines
    only, line breaks other than \\n)."""
    from pathlib import Path

    from conftest import LAJMI

    folders = [Path(__file__).resolve().parents[1] / "corpus"] + ([LAJMI] if LAJMI.is_dir() else [])
    texts = [p.read_text(encoding="utf-8") for folder in folders for p in sorted(folder.glob("*.txt"))]
    return texts + [
        STORY.format(day=1),
        STORY.format(day=1).replace(" /Portali.net/", ", transmeton Telegrafi.\r\nShiko videon: Lajmi.net\x0b/ KP"),
        "Ai tha se zgjedhjet do të mbahen në kohë, shkruan Koha, sipas ligjit në fuqi të vendit, raporton BBC.",
        "Kosova fitoi.\n\nShqipëria humbi.",
        "Një rresht i gjatë me shumë fjalë por pa pikë në fund të tij dhe pa asnjë burim / KP\n\n\nFund",
    ]


def test_edges_hold_what_the_regions_of_the_whole_text_hold():
    """Edges works out only the regions of the lines it is asked about: it
    answers as in_regions over edge_regions, for every word's span and
    every span of a few characters of each text."""
    import re

    from analyzers.entities.positions import Edges

    asked = 0
    for text in _edge_test_texts():
        regions = edge_regions(text)
        edges = Edges(text)
        spans = [m.span() for m in re.finditer(r"\S+", text)]
        spans += [(k, min(len(text), k + width)) for k in range(0, len(text), 7) for width in (1, 9)]
        for start, end in spans:
            assert edges.holds(start, end) == in_regions(regions, start, end), (text[start:end], start)
            asked += 1
    assert asked > 1000
