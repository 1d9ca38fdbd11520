"""Indexing's one-pass analysis (analyzers.analyzer.index_terms) gives what
the AlbanianAnalyzer chain gives, token for token, on real news and on
hostile text; and the index's text fields use it."""

from __future__ import annotations

import pickle
from collections import defaultdict

import pytest
from whoosh.analysis import StandardAnalyzer

import analyzers.analyzer as analyzer_module
from analyzers.analyzer import (
    AlbanianAnalyzer,
    AlbanianStemFilter,
    AlbanianVariantStemFilter,
    index_terms,
    is_albanian_analyzer,
)
from analyzers.normalizer import AlbanianNormalizer
from analyzers.stopwords import AlbanianStopFilter
from analyzers.tokenizer import MAX_TOKEN_CHARS, AlbanianTokenizer, positioned_tokens, tokenize
from searchidx.codec.formats import analysed_starts
from searchidx.index.schema import build_schema
from tests.conftest import LAJMI, SEED, SHARED_DATA, needs_shared_data

NTREX = SHARED_DATA / "news-dev" / "ntrex"

HOSTILE = [
    "",
    "   ",
    "s'ka t’i n'Tiranë ç'farë OKB-së NATO-s Trump-it 10-vjetorin jetë.Këto",
    "Kine\u0308s KINËS Kinës kines Çështja ÇËSHTJA",  # NFD, capitals
    "lexo https://lajmi.net/a?b=1, shkruaj te info@lajmi.net ose Lajmi.net #Kosova 3,5 1.000.000",
    "fjala " + "a" * (MAX_TOKEN_CHARS + 1) + " pas " + "b" * 300 + " fund",  # overlong: positions kept
    "x" * (MAX_TOKEN_CHARS + 1),
    "a.a.a.a.a.a@b " * 20,
    "«Brezi dhe Rruga» – „Rruga“ ‹x› 'y' `z` ʼw",
    "中文 русский ελληνικά عربى",
]


def chain_terms(text: str) -> tuple[dict[str, list[int]], list[int] | None]:
    """What the Whoosh chain gives for indexing, grouped as index_terms groups it."""
    positions: dict[str, list[int]] = defaultdict(list)
    starts: list[int] | None = []
    for token in AlbanianAnalyzer()(text, positions=True, chars=True, boosts=True, mode="index"):
        positions[token.text].append(token.pos)
        assert token.boost == 1.0
        if starts is not None:
            starts = starts + [token.startchar] if token.pos == len(starts) else None
    return dict(positions), starts


def real_texts() -> list[str]:
    texts = [SEED.read_text(encoding="utf-8")]
    for folder in (LAJMI, NTREX):
        if folder.is_dir():
            texts += [path.read_text(encoding="utf-8") for path in sorted(folder.iterdir()) if path.is_file()]
    return texts


@pytest.mark.parametrize("text", HOSTILE)
def test_index_terms_are_the_chains_on_hostile_text(text):
    found = index_terms(text)
    assert (found.positions, found.starts) == chain_terms(text)
    # Keys in order of first use, as the chain meets them.
    assert list(found.positions) == list(chain_terms(text)[0])


@needs_shared_data(LAJMI)
def test_index_terms_are_the_chains_on_real_news():
    texts = real_texts()
    assert len(texts) > 500
    for text in texts:
        found = index_terms(text)
        assert (found.positions, found.starts) == chain_terms(text)
    # Again with every form memoised: the memo gives the keys it was given.
    for text in texts[:50]:
        found = index_terms(text)
        assert (found.positions, found.starts) == chain_terms(text)


def test_a_full_memo_keys_the_same(monkeypatch):
    text = SEED.read_text(encoding="utf-8")
    monkeypatch.setattr(analyzer_module, "_KEYS", {})
    monkeypatch.setattr(analyzer_module, "_KEYS_LIMIT", 0)
    found = index_terms(text)
    assert analyzer_module._KEYS == {}
    assert (found.positions, found.starts) == chain_terms(text)


def test_an_overlong_token_keeps_its_position():
    text = "para " + "a" * (MAX_TOKEN_CHARS + 1) + " pas"
    assert [token and token[0] for token in positioned_tokens(text)] == ["para", None, "pas"]
    assert [token[0] for token in tokenize(text)] == ["para", "pas"]
    found = index_terms(text)
    assert found.starts is None
    assert sorted(found.positions.values()) == [[0], [2]]


def test_only_the_albanian_analyzer_is_indexed_in_one_pass():
    assert is_albanian_analyzer(AlbanianAnalyzer())
    assert is_albanian_analyzer(pickle.loads(pickle.dumps(AlbanianAnalyzer())))  # as an index holds it
    assert not is_albanian_analyzer(StandardAnalyzer())
    assert not is_albanian_analyzer(AlbanianTokenizer() | AlbanianNormalizer() | AlbanianStemFilter())
    variant = AlbanianTokenizer() | AlbanianNormalizer() | AlbanianStopFilter() | AlbanianVariantStemFilter(fold=False)
    assert not is_albanian_analyzer(variant)
    assert not is_albanian_analyzer(
        AlbanianTokenizer() | AlbanianNormalizer() | AlbanianStopFilter(["dhe"]) | AlbanianStemFilter()
    )


@pytest.mark.parametrize("name", ["title", "body"])
def test_the_index_fields_values_are_the_chains(name, monkeypatch):
    """The schema's text fields index through index_terms, and give the
    postings (and token starts) Whoosh's own path through the chain gives."""
    field = build_schema()[name]
    text = SEED.read_text(encoding="utf-8") + " " + HOSTILE[2] + " " + HOSTILE[4]
    slow = list(field.format._analysed_values(text, field.analyzer, mode="index"))
    slow_starts = analysed_starts(text)
    calls = []
    monkeypatch.setattr("searchidx.codec.formats.index_terms", lambda t: calls.append(t) or index_terms(t))
    fast = list(field.index(text))
    assert calls == [text]
    assert fast == [(word.encode(), n, weight, value) for word, n, weight, value in slow]
    assert analysed_starts(text) == slow_starts
    if name == "body":
        assert slow_starts is not None and len(slow_starts) > 100


def test_clear_caches_forgets_every_word_memo_and_the_analysis_stays_the_same():
    # benchmarks/entities_speed.py clears them so that every build starts
    # as a new process does; nothing cleared may change a key
    from analyzers.normalizer import _NORMALIZED
    from analyzers.stemmer import stemmer

    text = HOSTILE[2] + " " + HOSTILE[3]
    before = index_terms(text)
    list(AlbanianAnalyzer()(text))
    shared = stemmer("albanian")
    assert analyzer_module._KEYS and shared._cache and _NORMALIZED
    analyzer_module.clear_caches()
    assert not analyzer_module._KEYS and not _NORMALIZED
    assert stemmer("albanian") is shared  # the same stemmer (callers hold it), emptied
    assert not shared._cache and not shared._loaded  # its lexicon table is loaded again when asked
    assert index_terms(text) == before
