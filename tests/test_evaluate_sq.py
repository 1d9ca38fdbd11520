"""The evaluation script on a tiny hand-made gold file."""

from pathlib import Path

import pytest

from analyzers.evaluate import main, read_gold, score

DATA = Path(__file__).parent / "data"
GOLD = DATA / "gold_tiny.conllu"


def test_reads_distinct_lowercased_forms_with_letters():
    gold = read_gold([GOLD])
    # numbers and punctuation are left out; the multiword line 5-6 is skipped
    assert gold == {
        "kina": "kinë",
        "ndërton": "ndërtoj",
        "rrugë": "rrugë",
        "rrugët": "rrugë",
        "e": "i",
        "kinës": "kinë",
        "u": "u",
        "ndërtuan": "ndërtoj",
        "ishte": "jam",
        "vit": "vit",
        "i": "i",
        "mirë": "mirë",
    }


def test_unimorph_skips_multiword_cells():
    gold = read_gold([DATA / "gold_tiny.unimorph"])
    assert gold == {"vit": "vit", "viti": "vit", "vitit": "vit", "vendi": "vend"}


def test_pairwise_scores_by_hand():
    gold = read_gold([GOLD])
    # 12 forms; true pairs: kinë 1, ndërtoj 1, rrugë 1, i 1 = 4
    identity = score(gold, lambda w: w)
    assert (identity.precision, identity.recall, identity.f1) == (1.0, 0.0, 0.0)
    assert identity.lemma_accuracy == pytest.approx(5 / 12)  # rrugë u vit i mirë
    # a key that is the gold lemma: every same-key pair is a true pair
    perfect = score(gold, gold.get)
    assert (perfect.precision, perfect.recall, perfect.f1, perfect.lemma_accuracy) == (1.0, 1.0, 1.0, 1.0)
    # one key for all: 66 pairs with the same key, 4 of them true
    lump = score(gold, lambda w: "x")
    assert lump.precision == pytest.approx(4 / 66)
    assert lump.recall == 1.0


def test_albanian_stemmer_on_tiny_gold():
    s = score(read_gold([GOLD]), __import__("analyzers").stemmer("albanian").stemWord)
    # Kina/Kinës, ndërton/ndërtuan, rrugë/rrugët meet; e/i (one letter each,
    # their own keys) do not: 3 of 4 true pairs, and no false one.
    assert (s.precision, s.recall) == (1.0, 0.75)


def test_command_line_prints_scores(capsys):
    assert main([str(GOLD), "--stemmer", "lowercase", "--stemmer", "albanian"]) == 0
    out = capsys.readouterr().out
    assert "lowercase" in out and "albanian" in out and "F1=" in out
