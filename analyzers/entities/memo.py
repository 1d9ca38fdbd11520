"""The memos of extraction's answers per word: what a word (or a name's
words) is by the dictionaries does not change within a process, and the
same few thousand words recur across an archive, so each answer is worked
out once.

A memo is `functools.lru_cache` without a bound (a dict of the answers,
looked up in C), kept bounded by `trim_memos` instead: the extraction's
entry points (analyzers.entities.extract) tell `text_read` of each text,
and every TRIM_EVERY texts a memo grown past its limit is emptied. A
bounded `lru_cache` keeps the same answers, but also keeps them in a
linked list in the order of use: it allocates a link for each new answer
and moves it to the front on every hit, which costs memory traffic (not
instructions) for each of the tens of thousands of answers an archive's
words fill and find (docs/entities.md, "Indexing overhead, session 13",
has the numbers). Emptying a full memo rather than dropping its least
recently used answers changes only which answers are worked out again:
each is a pure function of its arguments (the dictionaries among them).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

# A memoised function: typed as the function itself, so that callers, and
# mypyc compiling them, know the types of its arguments and its answer
_Fn = TypeVar("_Fn", bound=Callable)

# Texts between two calls of trim_memos from the extraction's entry points:
# a memo may outgrow its limit by what that many texts add.
TRIM_EVERY = 256

_memos: list = []
_texts_read = 0


def word_memo(limit: int) -> Callable[[_Fn], _Fn]:
    """Decorator: memoises a function of a word and the dictionaries,
    emptied by trim_memos once it holds more than `limit` answers."""

    def memoised(fn: _Fn) -> _Fn:
        memo = functools.lru_cache(maxsize=None)(fn)
        memo.memo_limit = limit  # type: ignore[attr-defined]
        _memos.append(memo)
        return memo  # type: ignore[return-value]  # (an lru_cache wrapper: called as the function is)

    return memoised


def trim_memos() -> None:
    """Empties every memo that holds more answers than its limit."""
    for memo in _memos:
        if memo.cache_info().currsize > memo.memo_limit:
            memo.cache_clear()


def text_read() -> None:
    """Counts a text the extraction reads, and every TRIM_EVERY texts
    trims the memos."""
    global _texts_read
    _texts_read += 1
    if _texts_read % TRIM_EVERY == 0:
        trim_memos()
