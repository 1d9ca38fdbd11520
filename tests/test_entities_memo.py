"""The extraction's per-word memos (analyzers.entities.memo): unbounded
lru_caches kept within their limits by emptying, which must change no
answer."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from analyzers.entities import memo
from analyzers.entities.extract import clear_caches, entity_spans, extract_entities

from conftest import LAJMI, needs_shared_data

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _texts(folder: Path, limit: int | None = None) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:limit]]


def test_every_memo_of_a_word_is_one_that_is_trimmed():
    # a memo of many entries that is not a word_memo would grow without
    # bound, or keep a bounded lru_cache's cost (its loaders of one table,
    # maxsize 1, are the only others)
    extract_entities("Presidenti Vladimir Putin arriti në Pekin më 17 tetor.")
    registered = {id(m) for m in memo._memos}
    for name, module in list(sys.modules.items()):
        if not name.startswith("analyzers.entities.") or module is None:
            continue
        for fn in vars(module).values():
            if hasattr(fn, "cache_parameters") and fn.cache_parameters()["maxsize"] != 1:
                assert id(fn) in registered, (name, fn)
    assert len(registered) >= 25


def test_a_memo_past_its_limit_is_emptied_and_one_within_it_kept():
    calls = []

    @memo.word_memo(3)
    def double(word: str) -> str:
        calls.append(word)
        return word * 2

    try:
        for word in "abc":
            double(word)
        memo.trim_memos()
        assert double.cache_info().currsize == 3  # at the limit: kept
        assert double("a") == "aa" and calls == list("abc")
        double("d")
        memo.trim_memos()
        assert double.cache_info().currsize == 0
        assert double("a") == "aa" and calls == list("abcda")  # worked out again, the same
    finally:
        memo._memos.remove(double)


@pytest.mark.pure_python
def test_the_memos_are_trimmed_every_so_many_texts(monkeypatch):
    trims = []
    monkeypatch.setattr(memo, "trim_memos", lambda: trims.append(1))
    monkeypatch.setattr(memo, "_texts_read", 0)
    for _ in range(2 * memo.TRIM_EVERY + 1):
        entity_spans("Kina.")
    assert len(trims) == 2


def _spans_of(texts):
    return [entity_spans(t) for t in texts] + [[m.as_dict() for m in extract_entities(t)] for t in texts]


@pytest.mark.pure_python
def test_trimming_the_memos_at_every_text_changes_no_mention(monkeypatch):
    """What the memos answer is a function of their arguments: emptied at
    every text, down to a few answers, the extraction finds the same."""
    texts = _texts(CORPUS)
    if LAJMI.is_dir():
        texts += _texts(LAJMI, 60)
    clear_caches()
    plain = _spans_of(texts)
    clear_caches()
    emptied = []
    trim = memo.trim_memos

    def counted_trim():
        emptied.append(sum(m.cache_info().currsize > m.memo_limit for m in memo._memos))
        trim()

    monkeypatch.setattr(memo, "trim_memos", counted_trim)
    monkeypatch.setattr(memo, "TRIM_EVERY", 1)
    for m in memo._memos:
        monkeypatch.setattr(m, "memo_limit", 5)
    assert _spans_of(texts) == plain
    assert sum(emptied) > len(texts)  # (memos were emptied, and filled again)


@needs_shared_data(LAJMI)
def test_the_memos_stay_within_their_limits_over_an_archive(monkeypatch):
    for m in memo._memos:
        monkeypatch.setattr(m, "memo_limit", 200)
    clear_caches()
    for text in _texts(LAJMI, 2 * memo.TRIM_EVERY):
        entity_spans(text)
    memo.trim_memos()
    assert all(m.cache_info().currsize <= 200 for m in memo._memos)
