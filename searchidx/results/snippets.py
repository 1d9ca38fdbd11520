"""The passage of an article that best shows why it matched.

Whoosh's highlighter runs the whole analyzer over the whole article for every
hit, which cost most of a query's time. A search's hits are
marked from the body's postings instead (`snippet_at`): the positions of the
tokens whose key is one of the query's, which the analysis found when the
article was indexed; the text is only split into tokens again to find their
characters. Inflected forms are marked too (`Kina` marks `Kinës`): they share
the key.

The reading view (searchidx.results.reading) marks every match of a whole
article the same way (`matched_positions`, `token_spans`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from analyzers import tokenize
from analyzers.tokenizer import positioned_tokens
from searchidx.index.postings import PostingReader

SNIPPET_CHARS = 220
# Context shown before the first match of the chosen passage.
LEAD_CHARS = 60
# Matches this close (in characters) count as side by side, as in a phrase
# with a short word between (`Brezi dhe Rruga`).
NEAR_CHARS = 6
# Enough of the text to hold any one token (a URL can be long).
TOKEN_CHARS = 2048


@dataclass(frozen=True)
class Snippet:
    """A passage, and the [start, end) offsets of the matched words in it."""

    text: str
    highlights: list[tuple[int, int]] = field(default_factory=list)


def best_window(spans: list[tuple[int, int, str]]) -> tuple[int, int]:
    """Indexes [first, last] of the run of matches fitting one snippet that
    scores best: distinct terms first, then matches side by side, then count."""
    best, best_score = (0, 0), None
    for first in range(len(spans)):
        last = first
        while last + 1 < len(spans) and spans[last + 1][1] - spans[first][0] <= SNIPPET_CHARS - LEAD_CHARS:
            last += 1
        window = spans[first : last + 1]
        near = sum(1 for a, b in zip(window, window[1:]) if a[2] != b[2] and b[0] - a[1] <= NEAR_CHARS)
        score = (len({term for _, _, term in window}), near, len(window))
        if best_score is None or score > best_score:
            best, best_score = (first, last), score
    return best


def matched_positions(postings: PostingReader, docnums: list[int], terms: list[frozenset[str]]) -> list[dict[int, str]]:
    """For each document, the positions of its body's tokens whose key is
    one of its terms (position -> key), from the body's postings: what the
    analysis found when the article was indexed, not analysed again."""
    matched: list[dict[int, str]] = [{} for _ in docnums]
    docs = np.array(sorted(set(docnums)), dtype=np.int64)
    where = {d: i for i, d in enumerate(docnums)}
    for term in sorted(frozenset().union(*terms)):
        found_docs, positions = postings.positions_in("body", term.encode("utf-8"), docs)
        for docnum, position in zip(found_docs.tolist(), positions.tolist()):
            i = where[docnum]
            if term in terms[i]:
                matched[i][position] = term
    return matched


def snippet_at(text: str, matched: dict[int, str], starts=None) -> Snippet:
    """The best passage of text for the tokens at the given positions
    (position -> key, positions as the index's analyzer numbers the text's
    tokens: its postings say which tokens matched). `starts`: where each
    token starts (stored with the article), else the text is split again."""
    return snippet_of_spans(text, token_spans(text, matched, starts))


def token_spans(text: str, matched: dict[int, str], starts=None) -> list[tuple[int, int, str]]:
    """(start, end, key) of the tokens of text at the matched positions."""
    if not matched:
        return []
    if starts is not None and max(matched) < len(starts):
        spans = []
        for position in sorted(matched):
            start = int(starts[position])
            # The token at `start` is the first of the text from there on.
            token = next(tokenize(text[start : start + TOKEN_CHARS]), None)
            end = start + token[2] if token is not None and token[1] == 0 else start + 1
            spans.append((start, end, matched[position]))
        return spans
    last = max(matched)
    spans = []
    # Positions as the index numbered them: a word too long to index keeps
    # its position (None here), or every later match would mark the word after it.
    for position, token in enumerate(positioned_tokens(text)):
        key = matched.get(position)
        if key is not None and token is not None:
            spans.append((token[1], token[2], key))
        if position >= last:
            break
    return spans


def snippet_of_spans(text: str, spans: list[tuple[int, int, str]]) -> Snippet:
    """The best passage of text around the matched spans (start, end, key)."""
    if not spans:
        return opening_snippet(text)
    first, last = best_window(spans)
    start = word_start(text, max(0, spans[first][0] - LEAD_CHARS))
    end = word_end(text, min(len(text), start + SNIPPET_CHARS), spans[last][1])
    prefix = "…" if start > 0 else ""
    # One line: paragraph breaks become spaces, one for one, so offsets stay true.
    passage = text[start:end].replace("\n", " ")
    if end < len(text):
        passage = with_ellipsis(passage)
    highlights = [(len(prefix) + a - start, len(prefix) + b - start) for a, b, _ in spans if start <= a and b <= end]
    return Snippet(prefix + passage, highlights)


def word_start(text: str, position: int) -> int:
    """position moved forward to the start of a word (unless at the start)."""
    if position == 0:
        return 0
    space = text.find(" ", position, position + 30)
    return space + 1 if space != -1 else position


def word_end(text: str, position: int, at_least: int) -> int:
    """position moved back to the end of a word, but not before at_least."""
    if position >= len(text):
        return len(text)
    space = text.rfind(" ", at_least, position)
    return space if space != -1 else max(position, at_least)


def opening_snippet(text: str) -> Snippet:
    """The start of the text, cut at a word, for articles matched elsewhere."""
    text = text.replace("\n", " ")
    if len(text) <= SNIPPET_CHARS:
        return Snippet(text)
    cut = text.rfind(" ", 0, SNIPPET_CHARS)
    return Snippet(with_ellipsis(text[: cut if cut > 0 else SNIPPET_CHARS]))


# A passage cut after one of these ends a sentence: "…" would read ".…".
SENTENCE_END = ".!?…"
# Dropped before the "…" of a cut passage ("word,…" reads as "word…").
TRAILING_PUNCTUATION = ",;:–—-"


def with_ellipsis(passage: str) -> str:
    """A passage the text goes on after, marked with "…" unless it ends a sentence."""
    passage = passage.rstrip()
    if passage.endswith(tuple(SENTENCE_END)) and not passage.endswith(".."):
        return passage
    return passage.rstrip(TRAILING_PUNCTUATION).rstrip() + "…"
