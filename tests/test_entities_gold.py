"""The entity gold sets: their shape, and the extractor's scores on them.

The news gold (entities_gold_news_{dev,test}.jsonl) points into
../shared/data by file and offsets; the mixed-domain gold holds sentences
written for it. The test halves are frozen (see their ``about`` lines).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from analyzers.entities.evaluate import evaluate

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
NEWS = [DATA / "entities_gold_news_dev.jsonl", DATA / "entities_gold_news_test.jsonl"]
# The second round: freshly drawn articles, a new frozen test half.
NEWS2 = [DATA / "entities_gold_news2_dev.jsonl", DATA / "entities_gold_news2_test.jsonl"]
# The third round: five more dev articles of the same draw, annotated
# before the extractor ran on them (dev only: the frozen halves stay).
NEWS3_DEV = DATA / "entities_gold_news3_dev.jsonl"
# The fourth round: the next 23 dev draws, annotated the same way.
NEWS4_DEV = DATA / "entities_gold_news4_dev.jsonl"
# The fifth round: the next 20 dev draws (106-144), annotated the same way.
NEWS5_DEV = DATA / "entities_gold_news5_dev.jsonl"
# ... and its frozen test half: the odd draws 41-79, annotated and landed
# before the extractor ran on them.
NEWS5_TEST = DATA / "entities_gold_news5_test.jsonl"
# The sixth round: the next 20 dev draws (146-184), annotated the same way.
NEWS6_DEV = DATA / "entities_gold_news6_dev.jsonl"
# The seventh round: a third frozen test half, the odd draws 81-119,
# annotated and landed before the extractor ran on them. It has no score
# floor below: the lead scores it once, at the end of session 11.
NEWS7_TEST = DATA / "entities_gold_news7_test.jsonl"
# The eighth round: a fourth frozen test half, the odd draws 121-159 of the
# same draw extended to 400, annotated and landed before the extractor ran
# on them. No score floor either: the lead scores it once, at the end of
# session 12.
NEWS8_TEST = DATA / "entities_gold_news8_test.jsonl"
# ... and (session 12) the next 12 dev draws (186-208), annotated blind the
# same way and landed before the extractor ran on them.
NEWS8_DEV = DATA / "entities_gold_news8_dev.jsonl"
ALL_NEWS = NEWS + NEWS2 + [NEWS3_DEV, NEWS4_DEV, NEWS5_DEV, NEWS5_TEST, NEWS6_DEV, NEWS7_TEST, NEWS8_TEST, NEWS8_DEV]
NEWS_IDS = ["dev", "test", "dev2", "test2", "dev3", "dev4", "dev5", "test5", "dev6", "test7", "test8", "dev8"]
MIXED = [DATA / "entities_gold_mixed_dev.jsonl", DATA / "entities_gold_mixed_test.jsonl"]
TYPES = {"PER", "LOC", "ORG", "MISC"}
needs_data = pytest.mark.skipif(not (SHARED_DATA / "news-dev").is_dir(), reason="shared data not present")


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:]]


@pytest.mark.parametrize("gold", ALL_NEWS, ids=NEWS_IDS)
def test_news_gold_holds_offsets_and_names_never_article_text(gold):
    for row in rows(gold):
        assert set(row) == {"file", "start", "end", "mentions"}
        for m in row["mentions"]:
            assert set(m) == {"start", "end", "text", "type", "canonical"}
            assert m["type"] in TYPES
            assert row["start"] <= m["start"] < m["end"] <= row["end"]
            assert len(m["text"].split()) <= 10  # a name, never a passage


@pytest.mark.parametrize("halves", [NEWS, NEWS2], ids=["first", "second"])
def test_news_halves_share_no_article_and_hold_at_least_400_mentions(halves):
    dev, test = (rows(g) for g in halves)
    assert not {r["file"] for r in dev} & {r["file"] for r in test}
    sizes = [sum(len(r["mentions"]) for r in half) for half in (dev, test)]
    assert min(sizes) >= 200 and sum(sizes) >= 400
    for half in (dev, test):  # both sources in each half
        assert {r["file"].split("/")[1] for r in half} == {"lajmi", "ntrex"}


@pytest.mark.parametrize(
    "round_",
    [NEWS2, [NEWS3_DEV], [NEWS4_DEV], [NEWS5_DEV], [NEWS5_TEST], [NEWS6_DEV], [NEWS7_TEST], [NEWS8_TEST], [NEWS8_DEV]],
    ids=["second", "third", "fourth", "fifth", "fifth-test", "sixth", "seventh-test", "eighth-test", "eighth"],
)
def test_a_later_round_shares_no_article_with_any_other_gold(round_):
    later = {r["file"] for g in round_ for r in rows(g)}
    others = {r.get("file") for g in DATA.glob("entities_gold_*.jsonl") if g not in round_ for r in rows(g)}
    assert not later & others


@needs_data
@pytest.mark.parametrize("gold", ALL_NEWS, ids=NEWS_IDS)
def test_news_gold_spans_point_at_their_text(gold):
    for row in rows(gold):
        text = (SHARED_DATA / row["file"]).read_text(encoding="utf-8")
        for m in row["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def drawn_test_passages(draws: range) -> list[tuple[str, int, int]]:
    """The file and passage of each of ``draws`` in the seed's fresh draw, each a test draw."""
    spec = importlib.util.spec_from_file_location("gold_draw", REPO / "benchmarks" / "entities_gold_draw.py")
    gold_draw = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gold_draw)
    drawn = gold_draw.draw(152, fresh=True)
    expected = []
    for k in draws:
        split, name = drawn[k]
        assert split == "test"
        text = (SHARED_DATA / name).read_text(encoding="utf-8")
        expected.append((name, *gold_draw.passage(text)))
    return expected


@needs_data
def test_the_seventh_test_half_is_the_odd_draws_81_to_119_and_their_passages():
    # the half was fixed by the seed before annotation: a file or passage
    # that drifts from the draw would no longer be the frozen sample
    expected = drawn_test_passages(range(81, 120, 2))
    assert [(r["file"], r["start"], r["end"]) for r in rows(NEWS7_TEST)] == expected


@needs_data
def test_the_eighth_test_half_is_the_odd_draws_121_to_159_and_their_passages():
    expected = drawn_test_passages(range(121, 160, 2))
    assert [(r["file"], r["start"], r["end"]) for r in rows(NEWS8_TEST)] == expected


@pytest.mark.parametrize("gold", MIXED, ids=["dev", "test"])
def test_mixed_gold_spans_point_at_their_text(gold):
    for row in rows(gold):
        assert set(row) == {"text", "mentions"}
        for m in row["mentions"]:
            assert row["text"][m["start"] : m["end"]] == m["text"]
            assert m["type"] in TYPES


def test_evaluate_scores_text_rows_and_the_facet_types_apart(tmp_path):
    gold = tmp_path / "gold.jsonl"
    text = "Presidenti Vladimir Putin arriti në Pekin."
    mentions = [
        {"start": 11, "end": 25, "text": "Vladimir Putin", "type": "PER", "canonical": "Vladimir Putin"},
        {"start": 36, "end": 41, "text": "Pekin", "type": "MISC", "canonical": "Pekin"},
    ]
    gold.write_text(json.dumps({"about": "x"}) + "\n" + json.dumps({"text": text, "mentions": mentions}) + "\n")
    result = evaluate(gold).as_dict()
    # the extractor's LOC Pekin is wrong over all types (gold says MISC);
    # over PER/LOC/ORG the gold MISC is no miss, the predicted LOC an extra
    assert result["facet_types"]["gold"] == 1
    assert result["facet_types"]["recall"] == 1.0
    assert result["facet_types"]["precision"] == 0.5
    assert result["recall"] == 0.5


@needs_data
@pytest.mark.parametrize(
    "gold, floor",
    [
        # PER/LOC/ORG typed F1 floors a little under the scores of sq-8
        # (docs/entities.md has the scores): they keep the
        # extraction from sliding back, and say nothing of unseen text.
        (NEWS[0], 0.90),
        (NEWS[1], 0.84),
        (NEWS2[0], 0.90),
        (NEWS2[1], 0.77),
        (NEWS3_DEV, 0.85),
        # the fourth round's dev gold: 0.711 with sq-8 before any rule came
        # from it, 0.848 with sq-14 (tuned on since)
        (NEWS4_DEV, 0.82),
        # the fifth round's dev gold: 0.877 with sq-15 before any rule came from it
        (NEWS5_DEV, 0.85),
        # the fifth round's frozen test half: 0.880 with sq-22, scored once
        # before this floor was set at the target
        (NEWS5_TEST, 0.85),
        # the sixth round's dev gold: 0.794 with sq-22 before any list came
        # from it, 0.870 with sq-23 (tuned on since)
        (NEWS6_DEV, 0.83),
        # the eighth round's dev gold, annotated blind: 0.812 with sq-24
        # before any rule came from it, 0.887 with the session's rules
        (NEWS8_DEV, 0.85),
        (MIXED[0], 0.85),
        (MIXED[1], 0.85),
    ],
    ids=[
        "news-dev",
        "news-test",
        "news2-dev",
        "news2-test",
        "news3-dev",
        "news4-dev",
        "news5-dev",
        "news5-test",
        "news6-dev",
        "news8-dev",
        "mixed-dev",
        "mixed-test",
    ],
)
def test_extraction_holds_its_scores(gold, floor):
    assert evaluate(gold, SHARED_DATA).as_dict()["facet_types"]["f1"] >= floor
